/**
 * `npm run build`: makes what the mini program needs from outside miniprogram/ available inside it.
 * Both outputs are generated and git-ignored (miniprogram/miniprogram_npm/):
 *  - tdesign-miniprogram/: TDesign's miniprogram_dist, as DevTools' 构建npm makes it (`--only-used`: only the
 *    components our pages name, with their dependency closure);
 *  - gongkai-core/: the shared/ core citizen pages and the client import as `gongkai-core` (shared/bundles/main.ts),
 *    with the chunk it shares with staff/miniprogram_npm/gongkai-staff/, the staff pages' `gongkai-staff`
 *    (shared/bundles/staff.ts).
 * It runs before `npm start` and `npm test`. Run it again after adding a TDesign component to a page json.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { buildCore } from './core';
import { CORE_BUNDLES, MINIPROGRAM_ROOT, NPM_OUT, PROJECT_ROOT, npmOutOf } from './paths';
import { inputsHash, upToDate, writeStamp } from './stamp';
import { copyTdesign } from './tdesign';

export async function buildMiniprogram(onlyUsed = false): Promise<string[]> {
  const hash = inputsHash();
  for (const bundle of CORE_BUNDLES) rmSync(npmOutOf(bundle.packageRoot), { recursive: true, force: true });
  const tdesign = copyTdesign(MINIPROGRAM_ROOT, NPM_OUT, onlyUsed);
  const core = await buildCore();
  if (!onlyUsed) writeStamp(hash);
  const rel = (p: string): string => path.relative(PROJECT_ROOT, p);
  const copied =
    tdesign.copied === 'all' ? 'all of miniprogram_dist' : `${tdesign.copied} files/packages of their closure`;
  return [
    `tdesign-miniprogram: ${tdesign.components.length} components used (${tdesign.components.join(', ')}); copied ${copied}`,
    ...core.map((c) => `${c.name}: ${rel(c.file)} ${(c.bytes / 1024).toFixed(1)} KB`),
  ];
}

if (require.main === module) {
  // `npm start` passes --if-changed: the build is skipped when none of its inputs changed (stamp.ts).
  if (process.argv.includes('--if-changed') && upToDate()) {
    process.stderr.write('build: 小程序的源文件未变，沿用上次构建（miniprogram/miniprogram_npm）\n');
    process.exit(0);
  }
  buildMiniprogram(process.argv.includes('--only-used')).then(
    (lines) => {
      for (const line of lines) process.stderr.write(`build: ${line}\n`);
    },
    (error: unknown) => {
      process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
