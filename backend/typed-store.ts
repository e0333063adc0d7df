/**
 * A collection with its record schema: rows are parsed (zod) where they come out of the SDK, so handlers past a
 * store see typed records, never the SDK's loose `Row`. A row that does not parse is our own write gone wrong:
 * it fails the call (INTERNAL, logged by its collection and field paths only, never the values).
 * Unknown fields survive a read and a whole-document write (loose objects), so nothing stored is dropped.
 */
import * as z from 'zod';
import type { CollectionName } from './collections';
import { num, one, rows, str, type Row, type Store } from './sdk';

/** A stored document that no longer fits its schema (names the collection and the paths, not the values). */
export class MalformedRecord extends Error {
  constructor(collection: string, issues: readonly { path: readonly PropertyKey[] }[]) {
    super(
      `${collection} document malformed at ${issues.map((i) => i.path.map(String).join('.') || '(root)').join(', ')}`,
    );
    this.name = 'MalformedRecord';
  }
}

/** A stored timestamp: the SDK gives Dates back; an ISO string or epoch from older writes reads as a Date too. */
export const storedDate = z
  .union([z.date(), z.string(), z.number()])
  .transform((v) => (v instanceof Date ? v : new Date(v)));

/**
 * The documents of a get() or aggregate reply that fit `schema`, each read with its `_id` as the record's `id`
 * (for readers that list what fits and leave the rest out, rather than failing the call).
 */
export function recordsOf<T>(schema: z.ZodType<T>, reply: unknown): T[] {
  return rows(reply).flatMap((row) => {
    const parsed = schema.safeParse({ ...row, id: row._id });
    return parsed.success ? [parsed.data] : [];
  });
}

export interface TypedCollection<T extends { _id: string }> {
  readonly name: CollectionName;
  /** The raw collection, for queries the store builds (where/orderBy/field); its replies go through `parseAll`. */
  raw(store: Store): ReturnType<Store['collection']>;
  parse(row: Row): T;
  /** The documents of a get() reply, parsed. */
  parseAll(reply: unknown): T[];
  /** One document by id, or null. */
  get(store: Store, id: string): Promise<T | null>;
  /** Replaces the whole document (creating it when absent): fields left out are really gone. */
  set(store: Store, doc: T): Promise<void>;
  /** A new document with a generated id; returns the id. */
  add(store: Store, doc: Omit<T, '_id'>): Promise<string>;
  /** The total of a count() reply. */
  count(reply: unknown): number;
  /**
   * Every document matching `where`, 1000 a page (CloudBase caps one get at 1000) in `_id` order, parsed; with
   * `fields`, only those fields are read (the schema must then accept the projection).
   */
  all(store: Store, where: object, fields?: Record<string, boolean>): Promise<T[]>;
}

/** CloudBase caps one get at 1000 documents. */
const ALL_PAGE = 1000;

export function typedCollection<S extends z.ZodType<{ _id: string }>>(
  name: CollectionName,
  schema: S,
): TypedCollection<z.output<S>> {
  type T = z.output<S>;
  const parse = (row: Row): T => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw new MalformedRecord(name, parsed.error.issues);
    return parsed.data;
  };
  return {
    name,
    raw: (store) => store.collection(name),
    parse,
    parseAll: (reply) => rows(reply).map(parse),
    async get(store, id) {
      const row = one(await store.collection(name).doc(id).get());
      return row ? parse(row) : null;
    },
    async set(store, doc) {
      const { _id, ...rest } = doc;
      await store.collection(name).doc(_id).set(rest);
    },
    async add(store, doc) {
      return str(await store.collection(name).add(doc), 'id');
    },
    count: (reply) => num(reply, 'total'),
    async all(store, where, fields) {
      const out: T[] = [];
      for (let skip = 0; ; skip += ALL_PAGE) {
        let query = store.collection(name).where(where).orderBy('_id', 'asc').skip(skip).limit(ALL_PAGE);
        if (fields) query = query.field(fields);
        const page = rows(await query.get());
        out.push(...page.map(parse));
        if (page.length < ALL_PAGE) return out;
      }
    },
  };
}
