/**
 * `npm run size`: compiles the mini program offline as an upload would (unused files dropped) and prints the
 * size of the main package and each subpackage. Writes the table into miniprogram/README.md (between the
 * size markers). Exits 1 when the main package is over its 2 MB budget. Run `npm run build` first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileOffline } from './compile-check';
import {
  MAIN_BUDGET_BYTES,
  MAIN_TARGET_BYTES,
  formatKb,
  packageSizes,
  type AppJsonPackages,
  type PackageSize,
} from './compile-check/packages';

const root = path.resolve(__dirname, '..');
const readme = path.join(root, 'miniprogram', 'README.md');
const START = '<!-- size:start -->';
const END = '<!-- size:end -->';

function table(sizes: PackageSize[]): string {
  const rows = sizes.map(
    (s) => `| ${s.name} | ${s.root === '' ? '(root)' : `\`${s.root}\``} | ${s.files} | ${formatKb(s.bytes)} |`,
  );
  return ['| package | root | files | compiled size |', '|---|---|---|---|', ...rows].join('\n');
}

function writeReadme(sizes: PackageSize[]): void {
  if (!existsSync(readme)) return;
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return;
  writeFileSync(readme, `${text.slice(0, start + START.length)}\n${table(sizes)}\n${text.slice(end)}`);
}

async function main(): Promise<number> {
  if (!existsSync(path.join(root, 'miniprogram', 'miniprogram_npm'))) {
    process.stderr.write('size: miniprogram/miniprogram_npm is missing: run `npm run build` first\n');
    return 2;
  }
  const appJson = JSON.parse(readFileSync(path.join(root, 'miniprogram', 'app.json'), 'utf8')) as AppJsonPackages;
  const { files, blocked } = await compileOffline(root);
  const sizes = packageSizes(files, appJson);
  process.stdout.write(`${table(sizes)}\n`);
  if (blocked.length > 0) process.stdout.write(`refused network access to: ${blocked.join(', ')}\n`);
  writeReadme(sizes);
  const main = sizes[0];
  if (main === undefined) return 1;
  const verdict =
    main.bytes > MAIN_BUDGET_BYTES
      ? 'OVER the 2 MB budget'
      : main.bytes > MAIN_TARGET_BYTES
        ? 'within 2 MB, above the 1.2 MB aim'
        : 'within the 1.2 MB aim';
  process.stdout.write(`main package: ${formatKb(main.bytes)}, ${verdict}\n`);
  return main.bytes > MAIN_BUDGET_BYTES ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`size: compile failed:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
