/** Where the mini program build reads from and writes to. */
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MINIPROGRAM_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
/** Generated, git-ignored: what DevTools' 构建npm would make, plus the bundled shared/ core. */
export const NPM_OUT = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm');
export const TDESIGN_NAME = 'tdesign-miniprogram';
export const TDESIGN_DIST = path.join(PROJECT_ROOT, 'node_modules', TDESIGN_NAME, 'miniprogram_dist');

/**
 * The shared/ core bundles: one per package, each an npm-style module in its package's own miniprogram_npm/
 * (a subpackage may hold one: only files inside that subpackage resolve it). Entries live in shared/bundles/.
 */
export interface CoreBundle {
  /** The module name pages import. */
  name: string;
  entry: string;
  /** The package root under miniprogram/ ('' for the main package). */
  packageRoot: string;
}

export const CORE_BUNDLES: readonly CoreBundle[] = [
  { name: 'gongkai-core', entry: path.join(PROJECT_ROOT, 'shared', 'bundles', 'main.ts'), packageRoot: '' },
  { name: 'gongkai-staff', entry: path.join(PROJECT_ROOT, 'shared', 'bundles', 'staff.ts'), packageRoot: 'staff' },
];

/** A package's generated miniprogram_npm/ (the main package's is NPM_OUT). */
export function npmOutOf(packageRoot: string): string {
  return path.join(MINIPROGRAM_ROOT, packageRoot, 'miniprogram_npm');
}

/** Folders under miniprogram/ that hold no source of ours. */
export const GENERATED_DIRS = new Set(['miniprogram_npm', 'node_modules']);
