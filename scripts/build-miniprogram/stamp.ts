/**
 * What the mini program build reads, as one hash: `npm start` skips the build when nothing it reads changed
 * (`npm run build -- --if-changed`). Inputs: shared/ (the core bundle), this build's own scripts, the mini
 * program's .json files (which TDesign components pages use), and the lock file (zod, TDesign versions).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIRS, MINIPROGRAM_ROOT, NPM_OUT, PROJECT_ROOT } from './paths';

export const STAMP_FILE = path.join(NPM_OUT, '.build-inputs');

function walk(dir: string, keep: (file: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (GENERATED_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, keep, out);
    else if (keep(full)) out.push(full);
  }
  return out;
}

export function buildInputs(): string[] {
  return [
    ...walk(path.join(PROJECT_ROOT, 'shared'), () => true),
    ...walk(__dirname, () => true),
    ...walk(MINIPROGRAM_ROOT, (f) => f.endsWith('.json')),
    path.join(PROJECT_ROOT, 'package-lock.json'),
  ];
}

export function inputsHash(files: readonly string[] = buildInputs()): string {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(path.relative(PROJECT_ROOT, f));
    hash.update('\0');
    if (existsSync(f)) hash.update(readFileSync(f));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** True when the last build read exactly what is there now. */
export function upToDate(hash: string = inputsHash()): boolean {
  return existsSync(STAMP_FILE) && readFileSync(STAMP_FILE, 'utf8').trim() === hash;
}

export function writeStamp(hash: string): void {
  writeFileSync(STAMP_FILE, `${hash}\n`);
}
