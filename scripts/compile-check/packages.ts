/** Compiled files grouped by package (main and each subpackage root of app.json), with byte counts. */
import type { CompiledFiles } from './index';

export interface AppJsonPackages {
  subpackages?: { root: string; name?: string }[];
  subPackages?: { root: string; name?: string }[];
}

export interface PackageSize {
  /** `main`, or the subpackage's name (its root without the slash when unnamed). */
  name: string;
  root: string;
  files: number;
  bytes: number;
}

/** WeChat's limit per package is 2 MB; the main package also carries TDesign and the core bundle. */
export const MAIN_BUDGET_BYTES = 2 * 1024 * 1024;
export const MAIN_TARGET_BYTES = 1.2 * 1024 * 1024;

function sizeOf(content: string | Buffer): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.length;
}

export function packageSizes(files: CompiledFiles, appJson: AppJsonPackages): PackageSize[] {
  const subs = (appJson.subpackages ?? appJson.subPackages ?? []).map((s) => {
    const root = s.root.endsWith('/') ? s.root : `${s.root}/`;
    return { name: s.name ?? root.replace(/\/$/, ''), root, files: 0, bytes: 0 };
  });
  const main: PackageSize = { name: 'main', root: '', files: 0, bytes: 0 };
  for (const [file, content] of Object.entries(files)) {
    const target = subs.find((s) => file.replace(/^\//, '').startsWith(s.root)) ?? main;
    target.files += 1;
    target.bytes += sizeOf(content);
  }
  return [main, ...subs];
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
