/**
 * `npm run bench`: the core benchmarks and the setData payloads; `npm run bench -- --county [--json]`: the county
 * bench (bench/county) instead.
 */
import { spawnSync } from 'node:child_process';

const tsx = require.resolve('tsx/cli');
const args = process.argv.slice(2);
const run = (argv: string[]): void => {
  const r = spawnSync(process.execPath, [tsx, ...argv], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (args.includes('--county')) run(['bench/county/index.ts', ...args.filter((a) => a !== '--county')]);
else {
  run(['bench/index.ts']);
  run(['--tsconfig', 'miniprogram/tsconfig.json', 'bench/payloads.ts']);
}
