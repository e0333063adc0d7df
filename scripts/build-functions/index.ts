/**
 * `npm run build:functions`: bundles each cloud function on its own with esbuild into
 * dist/cloudfunctions/<name>/ (index.js + package.json), deployable as is. Two variants are built so their sizes
 * can be compared: `dist/cloudfunctions/` leaves @cloudbase/node-sdk external (installed by the platform from
 * the function's package.json) — the form to deploy; `dist/cloudfunctions-bundled/` carries the SDK inside
 * index.js, minus the parts the functions never load (see trimmed-sdk.ts), which keeps it under 1 MB.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compactCalendar } from './compact-calendar';
import { trimmedSdk } from './trimmed-sdk';
import { zodWithoutJsonSchema } from './zod-without-json-schema';

const ROOT = path.resolve(__dirname, '../..');
const SDK_VERSION = (require(path.join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json')) as { version: string })
  .version;

export const BUDGET_BYTES = 1024 * 1024;

/**
 * How large each function's deployed bundle (SDK external) may be, in KB (1,024 bytes), held by
 * test/cloudfunctions/bundle.test.ts: no larger than when issue 12 was filed (county, new since, at its size on
 * 2026-12-07 rounded up). A function that has to grow past its figure says why here, in the same commit.
 */
export const CEILING_KB: Readonly<Record<string, number>> = {
  organ: 136,
  items: 148,
  stats: 142,
  cases: 142,
  requests: 275,
  reports: 286,
  county: 215,
};

export interface BundleSize {
  name: string;
  external: number;
  bundled: number;
}

export function functionNames(): string[] {
  const dir = path.join(ROOT, 'cloudfunctions');
  return readdirSync(dir).filter((n) => existsSync(path.join(dir, n, 'index.ts')));
}

/** Bundles one entry to `outfile` (CJS for Node 16, minified); answers its size in bytes. */
export async function bundleEntry(entry: string, outfile: string, sdk: 'external' | 'bundled'): Promise<number> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    // Chinese text as UTF-8 (3 bytes a character) rather than \uXXXX escapes (6): Node reads sources as UTF-8.
    charset: 'utf8',
    logLevel: 'error',
    external: sdk === 'external' ? ['@cloudbase/node-sdk'] : [],
    plugins: [compactCalendar, zodWithoutJsonSchema, ...(sdk === 'bundled' ? [trimmedSdk] : [])],
  });
  return statSync(outfile).size;
}

async function bundle(name: string, outRoot: string, sdk: 'external' | 'bundled'): Promise<number> {
  const outDir = path.join(outRoot, name);
  mkdirSync(outDir, { recursive: true });
  const size = await bundleEntry(
    path.join(ROOT, 'cloudfunctions', name, 'index.ts'),
    path.join(outDir, 'index.js'),
    sdk,
  );
  const pkg = {
    name,
    version: '1.0.0',
    main: 'index.js',
    private: true,
    dependencies: sdk === 'external' ? { '@cloudbase/node-sdk': SDK_VERSION } : {},
  };
  writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  // Triggers and cloud-call permissions (requests: the daily sweep, subscribeMessage.send) deploy with the code.
  const config = path.join(ROOT, 'cloudfunctions', name, 'config.json');
  if (existsSync(config)) copyFileSync(config, path.join(outDir, 'config.json'));
  return size;
}

export async function buildFunctions(outBase = path.join(ROOT, 'dist')): Promise<BundleSize[]> {
  return Promise.all(
    functionNames().map(async (name) => ({
      name,
      external: await bundle(name, path.join(outBase, 'cloudfunctions'), 'external'),
      bundled: await bundle(name, path.join(outBase, 'cloudfunctions-bundled'), 'bundled'),
    })),
  );
}

if (require.main === module) {
  buildFunctions().then(
    (sizes) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log('| function | SDK external (deploy) | its ceiling | SDK bundled (trimmed) |\n|---|---|---|---|');
      for (const s of sizes)
        console.log(`| ${s.name} | ${kb(s.external)} | ${CEILING_KB[s.name] ?? '?'} KB | ${kb(s.bundled)} |`);
      const over = sizes.filter((s) => s.external > BUDGET_BYTES || s.bundled > BUDGET_BYTES);
      if (over.length > 0) {
        console.error(`over the 1 MB budget: ${over.map((s) => s.name).join(', ')}`);
        process.exit(1);
      }
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
