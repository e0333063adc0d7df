/** `npm start` rebuilds the mini program only when what the build reads changed. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildInputs, inputsHash } from '../../scripts/build-miniprogram/stamp';

describe('build inputs stamp', () => {
  it('reads shared/, the build scripts, the mini program .json files and the lock file', () => {
    const rel = buildInputs().map((f) => path.relative(path.resolve(__dirname, '../..'), f));
    expect(rel).toContain('shared/render/html.ts');
    expect(rel).toContain('shared/bundles/staff.ts');
    expect(rel).toContain('scripts/build-miniprogram/core.ts');
    expect(rel).toContain('miniprogram/app.json');
    expect(rel).toContain('package-lock.json');
    expect(rel.some((f) => f.includes('miniprogram_npm'))).toBe(false);
    expect(rel.some((f) => f.startsWith('miniprogram/') && f.endsWith('.ts'))).toBe(false);
  });

  it('changes when an input file changes and only then', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-stamp-'));
    const files = ['a.ts', 'b.json'].map((f) => path.join(dir, f));
    files.forEach((f, i) => writeFileSync(f, `v${i}`));
    const first = inputsHash(files);
    expect(inputsHash(files)).toBe(first);
    writeFileSync(files[1] ?? '', 'changed');
    expect(inputsHash(files)).not.toBe(first);
  });
});
