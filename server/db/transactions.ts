/**
 * CloudBase transactions, done as optimistic concurrency with buffered writes:
 *
 * - startTransaction records the current write sequence number; nothing is locked, so ordinary requests
 *   (including the SDK's own non-transactional `where().update()` inside runTransaction) never block.
 * - Writes made with the transactionId go to the transaction's overlay, not the store; its reads see the
 *   store with the overlay on top (read-your-writes).
 * - commit validates, then applies the whole overlay in ONE SQLite transaction. It fails with
 *   DATABASE_TRANSACTION_CONFLICT (which runTransaction retries) if any document the transaction read
 *   or wrote, or any collection it queried with where(), was written by anyone else after it started —
 *   so every committed transaction is equivalent to running alone at its commit point (serialisable).
 * - abort drops the overlay; a transaction left open expires after `timeoutMs` (30 s, like CloudBase).
 *
 * Validation and apply happen in one synchronous call, so no other request can interleave.
 */
import { randomBytes } from 'node:crypto';
import type { Doc, DocStore, WriteOp } from '../store/types';
import { DbError } from './errors';

export interface Tx {
  readonly id: string;
  /** Write sequence number when the transaction started; later writes by others are conflicts. */
  readonly startSeq: number;
  readonly deadline: number;
  /** Buffered writes: collection → id → new document, or null for a delete. */
  readonly overlay: Map<string, Map<string, Doc | null>>;
  /** Documents read or written (`collection\0id`). */
  readonly touched: Set<string>;
  /** Collections read by a query rather than by id (guards against phantoms). */
  readonly scanned: Set<string>;
}

export const docKey = (collection: string, id: string): string => `${collection}\u0000${id}`;

export class TxManager {
  private seq = 0;
  private readonly open = new Map<string, Tx>();
  // Last write sequence per document / collection; only kept while some transaction is open.
  private readonly docSeq = new Map<string, number>();
  private readonly collSeq = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly store: DocStore,
    private readonly timeoutMs = 30_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(timeoutMs, 5_000));
    this.sweeper.unref();
  }

  /** Opens a transaction. */
  begin(): Tx {
    const tx: Tx = {
      id: randomBytes(16).toString('hex'),
      startSeq: this.seq,
      deadline: Date.now() + this.timeoutMs,
      overlay: new Map(),
      touched: new Set(),
      scanned: new Set(),
    };
    this.open.set(tx.id, tx);
    return tx;
  }

  /** The open transaction with that id; DATABASE_TRANSACTION_FAIL when unknown, finished or expired. */
  get(id: string): Tx {
    const tx = this.open.get(id);
    if (!tx || tx.deadline < Date.now()) {
      if (tx) this.finish(tx);
      throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${id} does not exist or has expired`);
    }
    return tx;
  }

  /** A write outside any transaction: straight to the store, then noted for open transactions. */
  write(ops: readonly WriteOp[]): void {
    this.store.write(ops);
    this.record(ops);
  }

  /** Validates and applies the transaction's writes atomically; it is finished either way. */
  commit(id: string): void {
    const tx = this.get(id);
    try {
      const conflict = this.conflictOf(tx);
      if (conflict) {
        throw new DbError('DATABASE_TRANSACTION_CONFLICT', `transaction conflict: ${conflict} changed since start`);
      }
      const ops: WriteOp[] = [];
      for (const [collection, docs] of tx.overlay) {
        for (const [id, doc] of docs) {
          ops.push(doc ? { kind: 'put', collection, doc } : { kind: 'delete', collection, id });
        }
      }
      this.write(ops);
    } finally {
      this.finish(tx);
    }
  }

  /** Discards the transaction's writes. */
  abort(id: string): void {
    this.finish(this.get(id));
  }

  /** Number of open transactions (for tests and diagnostics). */
  get openCount(): number {
    return this.open.size;
  }

  /** Stops the expiry timer and forgets open transactions. */
  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
    this.forgetHistory();
  }

  private conflictOf(tx: Tx): string | null {
    for (const key of tx.touched) {
      if ((this.docSeq.get(key) ?? -1) > tx.startSeq) return `document ${key.replace('\u0000', '/')}`;
    }
    for (const collection of tx.scanned) {
      if ((this.collSeq.get(collection) ?? -1) > tx.startSeq) return `collection ${collection}`;
    }
    return null;
  }

  private record(ops: readonly WriteOp[]): void {
    if (this.open.size === 0 || ops.length === 0) return;
    this.seq += 1;
    for (const op of ops) {
      const id = op.kind === 'delete' ? op.id : op.doc._id;
      this.docSeq.set(docKey(op.collection, id), this.seq);
      this.collSeq.set(op.collection, this.seq);
    }
  }

  private finish(tx: Tx): void {
    this.open.delete(tx.id);
    if (this.open.size === 0) this.forgetHistory();
  }

  // With no transaction open, no future one can conflict with past writes.
  private forgetHistory(): void {
    this.docSeq.clear();
    this.collSeq.clear();
  }

  private sweep(): void {
    const now = Date.now();
    for (const tx of [...this.open.values()]) if (tx.deadline < now) this.finish(tx);
  }
}
