/**
 * What one request reads and writes through: the store directly, or — with a transactionId — the store
 * seen through the transaction's overlay, recording reads for the commit-time conflict check.
 * Every document handed out is a fresh object, so callers (and mingo) may mutate it freely.
 */
import type { Doc, DocStore, PlannedQuery, ScanWindow, WriteOp } from '../store/types';
import { DuplicateIdError } from '../store/types';
import { collectionNotExist } from './errors';
import { docKey, type Tx, type TxManager } from './transactions';

export class Workspace {
  constructor(
    private readonly store: DocStore,
    private readonly txm: TxManager,
    readonly tx: Tx | null,
  ) {}

  /** Throws DATABASE_COLLECTION_NOT_EXIST unless the collection exists. */
  requireCollection(name: string): void {
    if (!this.store.hasCollection(name)) throw collectionNotExist(name);
  }

  hasCollection(name: string): boolean {
    return this.store.hasCollection(name);
  }

  /** One document by id, or null. */
  byId(collection: string, id: string): Doc | null {
    const pending = this.pending(collection, id);
    if (this.tx) this.tx.touched.add(docKey(collection, id));
    if (pending !== undefined) return pending && structuredClone(pending);
    return this.store.get(collection, id);
  }

  /** The existing documents among `ids`, in natural order. */
  byIds(collection: string, ids: readonly string[]): Doc[] {
    const unique = [...new Set(ids)];
    if (!this.tx) return this.store.getMany(collection, unique);
    return this.merge(collection, this.store.getMany(collection, unique), new Set(unique), (id) =>
      this.tx?.touched.add(docKey(collection, id)),
    );
  }

  /** The whole collection (or a window of it) in natural order; transaction-written docs come last. */
  scan(collection: string, window?: ScanWindow): Doc[] {
    const overlay = this.tx?.overlay.get(collection);
    if (this.tx) this.tx.scanned.add(collection);
    if (!overlay || overlay.size === 0) return this.store.scan(collection, window);
    const all = this.merge(collection, this.store.scan(collection), null, () => undefined);
    const start = window?.offset ?? 0;
    return all.slice(start, window?.limit === undefined ? undefined : start + window.limit);
  }

  /**
   * A query planned in SQL over the store, or null when this transaction has buffered writes to the collection
   * (then the caller scans, seeing them). Either way it is a read by query: in a transaction it marks the whole
   * collection, so any write to it by others before commit is a conflict — including one the query would match.
   */
  plan(collection: string, filter: Record<string, unknown>, order?: Record<string, 1 | -1>): PlannedQuery | null {
    if (this.tx) this.tx.scanned.add(collection);
    const overlay = this.tx?.overlay.get(collection);
    return overlay && overlay.size > 0 ? null : this.store.plan(collection, filter, order);
  }

  /** Number of documents in the collection. */
  count(collection: string): number {
    const overlay = this.tx?.overlay.get(collection);
    return overlay && overlay.size > 0 ? this.scan(collection).length : this.store.count(collection);
  }

  /** Applies the writes: committed now, or buffered in the transaction until its commit. */
  write(ops: readonly WriteOp[]): void {
    if (!this.tx) {
      this.txm.write(ops);
      return;
    }
    // Validate the whole batch first so a duplicate leaves the overlay untouched.
    const batchIds = new Set<string>();
    for (const op of ops) {
      if (op.kind !== 'insert') continue;
      const key = docKey(op.collection, op.doc._id);
      if (batchIds.has(key) || this.byId(op.collection, op.doc._id)) {
        throw new DuplicateIdError(op.collection, op.doc._id);
      }
      batchIds.add(key);
    }
    for (const op of ops) {
      let docs = this.tx.overlay.get(op.collection);
      if (!docs) {
        docs = new Map();
        this.tx.overlay.set(op.collection, docs);
      }
      const id = op.kind === 'delete' ? op.id : op.doc._id;
      this.tx.touched.add(docKey(op.collection, id));
      docs.set(id, op.kind === 'delete' ? null : structuredClone(op.doc));
    }
  }

  private pending(collection: string, id: string): Doc | null | undefined {
    return this.tx?.overlay.get(collection)?.get(id);
  }

  /** Store docs with the overlay applied, plus overlay-only docs (limited to `only` when given). */
  private merge(collection: string, base: Doc[], only: Set<string> | null, seen: (id: string) => void): Doc[] {
    const overlay = this.tx?.overlay.get(collection) ?? new Map<string, Doc | null>();
    const out: Doc[] = [];
    const inBase = new Set<string>();
    for (const doc of base) {
      inBase.add(doc._id);
      seen(doc._id);
      const pending = overlay.get(doc._id);
      if (pending === undefined) out.push(doc);
      else if (pending) out.push(structuredClone(pending));
    }
    for (const [id, doc] of overlay) {
      if (doc && !inBase.has(id) && (!only || only.has(id))) {
        seen(id);
        out.push(structuredClone(doc));
      }
    }
    if (only) for (const id of only) seen(id);
    return out;
  }
}
