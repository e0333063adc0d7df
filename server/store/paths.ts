/**
 * What kinds of value each field path of a collection has ever held. A query over a path is translated to SQL
 * only where SQL and Mongo (mingo) agree on it: no array on the way (Mongo matches inside arrays, json_extract
 * does not), and a value kind the SQL comparison cannot confuse (json_extract gives `true` as 1 and an object as
 * its JSON text). Kinds are only ever added (a delete leaves them), so the record errs towards leaving more to mingo.
 */
import { types } from 'node:util';
import { isPlainObject } from '../ejson';

export const KIND = {
  string: 1,
  number: 2,
  bool: 4,
  null: 8,
  object: 16,
  array: 32,
  date: 64,
  /** RegExp, non-finite numbers, or a path nested too deep to follow. */
  other: 128,
  /** Not a kind of value: some ancestor of the path held an array or other. */
  ancestor: 256,
} as const;

/** The mask of a path that must not be pushed down (an array or something unknown on it or on the way). */
export const UNSAFE = KIND.array | KIND.other | KIND.ancestor;

/** Element kinds of an array at `path` are recorded under `path[]`. */
export const ELEMENTS = '[]';

const MAX_DEPTH = 6;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function kindOf(value: unknown): number {
  if (value === null) return KIND.null;
  switch (typeof value) {
    case 'string':
      return KIND.string;
    case 'number':
      return Number.isFinite(value) ? KIND.number : KIND.other;
    case 'boolean':
      return KIND.bool;
    case 'object':
      break;
    default:
      return KIND.other;
  }
  if (Array.isArray(value)) return KIND.array;
  if (types.isDate(value)) return KIND.date;
  return isPlainObject(value) ? KIND.object : KIND.other;
}

/** Calls `note(path, kind)` for every field path of `doc` (below `_id`), arrays' elements under `path[]`. */
export function walkPaths(doc: Record<string, unknown>, note: (path: string, kind: number) => void): void {
  const visit = (value: Record<string, unknown>, prefix: string, depth: number): void => {
    for (const [key, v] of Object.entries(value)) {
      // A key no dotted path can name (`a.b`, `$x`, '') cannot be reached by a pushed-down query either.
      if (v === undefined || !IDENTIFIER.test(key) || (prefix === '' && key === '_id')) continue;
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const kind = kindOf(v);
      if (kind === KIND.object && depth >= MAX_DEPTH) {
        note(path, KIND.other);
        continue;
      }
      note(path, kind);
      if (kind === KIND.object) visit(v as Record<string, unknown>, path, depth + 1);
      else if (kind === KIND.array) {
        let elements = 0;
        for (const e of v as unknown[]) elements |= kindOf(e);
        if (elements !== 0) note(path + ELEMENTS, elements);
      }
    }
  };
  visit(doc, '', 0);
}

/** Dotted paths made of identifiers only (no `a.0`, no `$`): the only ones translated to SQL. */
export function isPlainPath(path: string): boolean {
  return path.split('.').every((s) => IDENTIFIER.test(s));
}

/** Per-collection record of path kinds; `kinds(path)` is UNSAFE when any ancestor held an array or other. */
export class PathKinds {
  private readonly byCollection = new Map<string, Map<string, number>>();

  load(collection: string, path: string, kinds: number): void {
    this.mapOf(collection).set(path, kinds);
  }

  /** Merges a document's paths; returns the entries whose mask grew (to persist). */
  note(collection: string, doc: Record<string, unknown>): [string, number][] {
    const map = this.mapOf(collection);
    const grown: [string, number][] = [];
    walkPaths(doc, (path, kind) => {
      const before = map.get(path) ?? 0;
      if ((before | kind) !== before) {
        map.set(path, before | kind);
        grown.push([path, before | kind]);
      }
    });
    return grown;
  }

  /** The kinds `path` has held, plus KIND.ancestor when the path runs through an array or unknown value. */
  kinds(collection: string, path: string): number {
    const map = this.byCollection.get(collection);
    if (!map) return 0;
    const own = map.get(path) ?? 0;
    const segments = path.split('.');
    for (let i = 1; i < segments.length; i++) {
      if ((map.get(segments.slice(0, i).join('.')) ?? 0) & UNSAFE) return own | KIND.ancestor;
    }
    return own;
  }

  /** Kinds of the elements of the array at `path` (0 when none recorded). */
  elementKinds(collection: string, path: string): number {
    return this.byCollection.get(collection)?.get(path + ELEMENTS) ?? 0;
  }

  private mapOf(collection: string): Map<string, number> {
    let map = this.byCollection.get(collection);
    if (!map) this.byCollection.set(collection, (map = new Map()));
    return map;
  }
}
