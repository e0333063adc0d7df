/**
 * TDesign for the mini program, where DevTools' 构建npm would place it (miniprogram_npm/tdesign-miniprogram/).
 * By default the whole miniprogram_dist (5.6 MB) is copied, as 构建npm does: a component added to a page json
 * then works in DevTools at once, and an upload drops every file no page reaches (the compiled size is the same).
 * `onlyUsed` copies only the components our JSON files name plus everything they reach: their usingComponents,
 * JS imports (common/, mixins/, the bundled tslib/dayjs/… packages), WXML imports and wxs, WXSS @imports.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_DIRS, TDESIGN_DIST, TDESIGN_NAME } from './paths';

const PREFIX = `${TDESIGN_NAME}/`;
const PAGE_EXTENSIONS = ['.js', '.json', '.wxml', '.wxss'] as const;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return GENERATED_DIRS.has(entry.name) ? [] : jsonFiles(full);
    return entry.name.endsWith('.json') ? [full] : [];
  });
}

function usingComponentsOf(file: string): Record<string, string> {
  const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof json !== 'object' || json === null || !('usingComponents' in json)) return {};
  const using = json.usingComponents;
  if (typeof using !== 'object' || using === null) return {};
  return Object.fromEntries(Object.entries(using).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** TDesign components named in the mini program's JSON files, e.g. `button/button`, sorted. */
export function usedComponents(miniprogramRoot: string): string[] {
  const used = new Set<string>();
  for (const file of jsonFiles(miniprogramRoot)) {
    for (const target of Object.values(usingComponentsOf(file))) {
      if (target.startsWith(PREFIX)) used.add(target.slice(PREFIX.length));
    }
  }
  return [...used].sort();
}

/** `spec` resolved against `from` (a dist-relative file), trying the extensions a mini program would. */
function resolveRelative(from: string, spec: string, extensions: readonly string[]): string[] {
  const base = path.posix.join(path.posix.dirname(from), spec);
  const candidates = [
    base,
    ...extensions.map((ext) => `${base}${ext}`),
    ...extensions.map((ext) => `${base}/index${ext}`),
  ];
  const found = candidates.find(
    (c) => existsSync(path.join(TDESIGN_DIST, c)) && statSync(path.join(TDESIGN_DIST, c)).isFile(),
  );
  return found ? [found] : [];
}

/** A bare import (`tslib`, `dayjs/locale/zh-cn`) is one of the packages TDesign ships in its own miniprogram_npm/. */
function packageFiles(spec: string): string[] {
  const parts = spec.split('/');
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
  const dir = path.posix.join('miniprogram_npm', name);
  return existsSync(path.join(TDESIGN_DIST, dir)) ? [`${dir}/`] : [];
}

const JS_IMPORT = /(?:\bfrom|\bimport|\brequire\()\s*["']([^"'\n]+)["']/g;
const WXML_SRC = /<(?:import|include|wxs)\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/g;
const WXSS_IMPORT = /@import\s+["']([^"']+)["']/g;

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) => m[1] ?? '').filter((s) => s !== '');
}

/** What one dist file (path relative to the dist) needs. Directories end with `/` and are taken whole. */
function dependenciesOf(file: string): string[] {
  const text = readFileSync(path.join(TDESIGN_DIST, file), 'utf8');
  const ext = path.posix.extname(file);
  const relative = (spec: string, exts: readonly string[]): string[] =>
    spec.startsWith('.') ? resolveRelative(file, spec, exts) : spec.startsWith('/') ? [] : packageFiles(spec);
  switch (ext) {
    case '.json':
      return Object.values(usingComponentsOf(path.join(TDESIGN_DIST, file))).flatMap((spec) =>
        componentFiles(path.posix.join(path.posix.dirname(file), spec)),
      );
    case '.js':
      return matches(text, JS_IMPORT).flatMap((spec) => relative(spec, ['.js']));
    case '.wxs':
      return matches(text, JS_IMPORT).flatMap((spec) => relative(spec, ['.wxs']));
    case '.wxml':
      return matches(text, WXML_SRC).flatMap((spec) => relative(spec, ['.wxml', '.wxs']));
    case '.wxss':
      return matches(text, WXSS_IMPORT).flatMap((spec) => relative(spec, ['.wxss']));
    default:
      return [];
  }
}

/** The files of a component given by its dist-relative base path (`button/button`). */
function componentFiles(base: string): string[] {
  const files = PAGE_EXTENSIONS.map((ext) => `${path.posix.normalize(base)}${ext}`).filter((f) =>
    existsSync(path.join(TDESIGN_DIST, f)),
  );
  if (!files.some((f) => f.endsWith('.json'))) throw new Error(`TDesign component not found: ${PREFIX}${base}`);
  return files;
}

/** Every dist file (or whole package directory, ending in `/`) the given components reach. */
export function closure(components: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = components.flatMap(componentFiles);
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    if (!next.endsWith('/')) queue.push(...dependenciesOf(next));
  }
  return [...seen].sort();
}

export interface TdesignCopy {
  /** Components our JSON files name. */
  components: string[];
  /** What was copied: 'all', or the number of files and package folders of the closure. */
  copied: 'all' | number;
}

/** Copies TDesign into `<npmOut>/tdesign-miniprogram/`: all of it, or with `onlyUsed` the closure of what pages use. */
export function copyTdesign(miniprogramRoot: string, npmOut: string, onlyUsed = false): TdesignCopy {
  if (!existsSync(TDESIGN_DIST)) throw new Error(`${TDESIGN_DIST} is missing: run npm ci`);
  const components = usedComponents(miniprogramRoot);
  const target = path.join(npmOut, TDESIGN_NAME);
  if (!onlyUsed) {
    components.forEach(componentFiles); // a misspelt component fails the build, not DevTools
    cpSync(TDESIGN_DIST, target, { recursive: true, filter: (src) => !src.endsWith('.d.ts') });
    return { components, copied: 'all' };
  }
  const entries = closure(components);
  for (const entry of entries) {
    const dest = path.join(target, entry);
    mkdirSync(path.dirname(dest), { recursive: true });
    cpSync(path.join(TDESIGN_DIST, entry), dest, { recursive: true });
  }
  return { components, copied: entries.length };
}
