/**
 * `npm run build:functions`: bundles each cloud function on its own with esbuild into
 * dist/cloudfunctions/<name>/ (index.js + package.json), deployable as is. Two variants are built so their sizes
 * can be compared: `dist/cloudfunctions/` leaves @cloudbase/node-sdk external (installed by the platform from
 * the function's package.json), `dist/cloudfunctions-bundled/` carries it inside index.js.
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const SDK_VERSION = (require(path.join(ROOT, 'node_modules/@cloudbase/node-sdk/package.json')) as { version: string }).version;

export interface BundleSize {
  name: string;
  external: number;
  bundled: number;
}

export function functionNames(): string[] {
  const dir = path.join(ROOT, 'cloudfunctions');
  return readdirSync(dir).filter((n) => existsSync(path.join(dir, n, 'index.ts')));
}

async function bundle(name: string, outRoot: string, sdkExternal: boolean): Promise<number> {
  const outDir = path.join(outRoot, name);
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index.js');
  await build({
    entryPoints: [path.join(ROOT, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    logLevel: 'error',
    external: sdkExternal ? ['@cloudbase/node-sdk'] : [],
  });
  const pkg = { name, version: '1.0.0', main: 'index.js', private: true, dependencies: sdkExternal ? { '@cloudbase/node-sdk': SDK_VERSION } : {} };
  writeFileSync(path.join(outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  return statSync(outfile).size;
}

export async function buildFunctions(outBase = path.join(ROOT, 'dist')): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const name of functionNames()) {
    const external = await bundle(name, path.join(outBase, 'cloudfunctions'), true);
    const bundled = await bundle(name, path.join(outBase, 'cloudfunctions-bundled'), false);
    sizes.push({ name, external, bundled });
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().then(
    (sizes) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log('| function | SDK external | SDK bundled |\n|---|---|---|');
      for (const s of sizes) console.log(`| ${s.name} | ${kb(s.external)} | ${kb(s.bundled)} |`);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
