/**
 * The storage seam: everything above it (actions, transactions) talks to this interface only, so the
 * SQLite file can be swapped (e.g. for an in-memory store) without touching the protocol code.
 * Methods are synchronous on purpose: a read-modify-write then runs in one event-loop turn, which is
 * what makes each request atomic with respect to every other request.
 */

/** A stored document: JSON-like values (plus Date/RegExp) keyed by a string `_id`. */
export type Doc = { _id: string } & Record<string, unknown>;

/** One change in a batch handed to {@link DocStore.write}. */
export type WriteOp =
  | { kind: 'insert'; collection: string; doc: Doc }
  | { kind: 'put'; collection: string; doc: Doc }
  | { kind: 'delete'; collection: string; id: string };

/** A window over a collection in natural (insertion) order. */
export interface ScanWindow {
  offset?: number;
  limit?: number;
}

/** One declared index (backend/indexes.ts): fields in order; `_id` is the document id. */
export interface IndexSpec {
  collection: string;
  name: string;
  /** `array`: the field holds an array, one index entry per element (only the last field; server/store/elements.ts). */
  fields: readonly { field: string; direction: 1 | -1; array?: boolean }[];
}

/** A query planned by the store: SQL narrows the rows, mingo (the caller) tests what SQL could not decide. */
export interface PlannedQuery {
  /** SQL alone decides which documents match: no residual test is needed, counts and windows may run in SQL. */
  readonly exact: boolean;
  /** Rows come out in the requested sort order (ties in natural order); else in natural order. */
  readonly ordered: boolean;
  /** The candidate documents, streamed; a window is applied in SQL (only meaningful when exact and ordered). */
  rows(window?: ScanWindow): IterableIterator<Doc>;
  /** Number of candidates (the count of matches when exact). */
  count(): number;
  /** A `$group` stage run in SQL over the candidates, or null when it cannot be (the caller runs mingo). */
  group(spec: unknown): Record<string, unknown>[] | null;
}

export interface DocStore {
  /** Names of every collection, sorted. */
  listCollections(): string[];
  /** Whether a collection of that name exists. */
  hasCollection(name: string): boolean;
  /** Creates the collection; returns false (changing nothing) when it already exists. */
  createCollection(name: string): boolean;
  /** The document with that id, or null when there is none. */
  get(collection: string, id: string): Doc | null;
  /** The documents among `ids` that exist, in natural order. */
  getMany(collection: string, ids: readonly string[]): Doc[];
  /** Documents of the collection in natural order, optionally a window of them; fresh objects each call. */
  scan(collection: string, window?: ScanWindow): Doc[];
  /** Plans a query: `filter` as SQL over indexed JSON expressions as far as SQL agrees with mingo. */
  plan(collection: string, filter: Record<string, unknown>, order?: Record<string, 1 | -1>): PlannedQuery;
  /** Creates the declared indexes that do not exist yet (expression indexes over the stored JSON). */
  ensureIndexes(specs: readonly IndexSpec[]): void;
  /** Number of documents in the collection (0 when it does not exist). */
  count(collection: string): number;
  /** Applies all ops in one SQLite transaction; returns only once it is durably committed. */
  write(ops: readonly WriteOp[]): void;
  /** Closes the database file; the store is unusable afterwards. */
  close(): void;
}

/** Thrown by {@link DocStore.write} when an `insert` meets an existing id; nothing of the batch is kept. */
export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate _id ${JSON.stringify(id)} in collection ${collection}`);
  }
}

/** Thrown by {@link DocStore.write} when an op names a collection that does not exist. */
export class MissingCollectionError extends Error {
  constructor(readonly collection: string) {
    super(`collection ${collection} does not exist`);
  }
}
