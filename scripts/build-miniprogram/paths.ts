/** Where the mini program build reads from and writes to. */
import path from 'node:path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
export const MINIPROGRAM_ROOT = path.join(PROJECT_ROOT, 'miniprogram');
/** Generated, git-ignored: what DevTools' 构建npm would make, plus the bundled shared/ core. */
export const NPM_OUT = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm');
export const TDESIGN_NAME = 'tdesign-miniprogram';
export const TDESIGN_DIST = path.join(PROJECT_ROOT, 'node_modules', TDESIGN_NAME, 'miniprogram_dist');
export const CORE_NAME = 'gongkai-core';
export const CORE_ENTRY = path.join(__dirname, 'core-entry.ts');

/** Folders under miniprogram/ that hold no source of ours. */
export const GENERATED_DIRS = new Set(['miniprogram_npm', 'node_modules']);
