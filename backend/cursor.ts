/**
 * Paging by cursor (keyset paging): a page ends at its last document's sort key, and the next page asks for what
 * sorts after that key. A page then costs the same at page 1 and at page 500, and no page needs a count of every
 * match (what made a keyword page as slow as the organ's whole catalogue). Keys sort descending, with null and
 * missing last — as both CloudBase (MongoDB) and the local server sort them — and the last key is unique (`_id`),
 * so no two documents share a position and none is skipped or shown twice between pages.
 *
 * The cursor is opaque to the client: base64url of the key's values, Dates as their milliseconds.
 */
import { AppError } from './errors';
import type { Db } from './sdk';

export type KeyValue = string | number | Date | null;

export interface SortKey {
  field: string;
  /** Dates are carried in the cursor as their milliseconds. */
  kind: 'string' | 'date';
  /** The field may be null or missing (sorted after every value). */
  nullable: boolean;
}

/** One document's position: the values of its keys, in the keys' order. */
export function positionOf(keys: readonly SortKey[], doc: Record<string, unknown>): KeyValue[] {
  return keys.map((k) => {
    const v = doc[k.field];
    if (v === undefined || v === null) return null;
    if (k.kind === 'date') return v instanceof Date ? v : new Date(v as string | number);
    return String(v);
  });
}

export function encodeCursor(position: readonly KeyValue[]): string {
  const plain = position.map((v) => (v instanceof Date ? v.getTime() : v));
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64url');
}

const BAD_CURSOR = '翻页位置无效，请从第一页重新加载';
const badCursor = () => new AppError('VALIDATION', BAD_CURSOR, [{ path: 'cursor', message: BAD_CURSOR }]);

/** The position a cursor names, checked against the keys it must hold; VALIDATION (field `cursor`) otherwise. */
export function decodeCursor(keys: readonly SortKey[], cursor: string): KeyValue[] {
  let plain: unknown;
  try {
    plain = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(plain) || plain.length !== keys.length) throw badCursor();
  return keys.map((k, i) => {
    const v: unknown = plain[i];
    if (v === null && k.nullable) return null;
    if (k.kind === 'date' && typeof v === 'number' && Number.isFinite(v)) return new Date(v);
    if (k.kind === 'string' && typeof v === 'string') return v;
    throw badCursor();
  });
}

/**
 * The condition "sorts after `position`" under descending `keys`: for some key, every earlier key equal and this
 * one after — smaller, or null where the position's value is not (nulls come last; after a null only nulls follow).
 */
export function afterPosition(db: Db, keys: readonly SortKey[], position: readonly KeyValue[]): object {
  const _ = db.command;
  const branches: object[] = [];
  keys.forEach((key, i) => {
    const value = position[i] ?? null;
    if (value === null) return;
    const earlier = keys.slice(0, i).map((k, j) => ({ [k.field]: position[j] ?? null }));
    const after = key.nullable
      ? _.or([{ [key.field]: _.lt(value) }, { [key.field]: null }])
      : { [key.field]: _.lt(value) };
    branches.push(earlier.length === 0 ? after : _.and([...earlier, after]));
  });
  // Only a position whose every key is null has nothing after it — impossible with `_id` last, but stated.
  return branches.length === 0 ? { _id: _.in([]) } : _.or(branches);
}
