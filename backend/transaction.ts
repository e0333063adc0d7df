/**
 * One all-or-nothing unit of work on CloudBase: startTransaction, the body, commit — retried on
 * DATABASE_TRANSACTION_CONFLICT with a random pause. The SDK's runTransaction retries only three times, too few when
 * twenty leaders' approvals race for one 索引号 counter; here up to MAX_ATTEMPTS. Inside, only doc().get/set/update/
 * remove, add() and where().get() are part of the transaction (the SDK sends where().update(), count() and
 * aggregate() outside it), so bodies use those alone.
 */
import { conflict } from './errors';
import { errorCodeOf, type Db, type Store } from './sdk';

export interface Transaction extends Store {
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

const MAX_ATTEMPTS = 60;
const CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';

export interface TransactionStats {
  /** Attempts that ended in a conflict and were run again. */
  conflicts: number;
}

/** Counters for tests and diagnostics (how often concurrent writers collided). */
export const transactionStats: TransactionStats = { conflicts: 0 };

function pause(attempt: number): Promise<void> {
  // Full jitter, growing to 80 ms: colliding writers spread out instead of colliding again in step.
  const ms = Math.random() * Math.min(80, 2 * 2 ** Math.min(attempt, 6));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function begin(db: Db): Promise<Transaction> {
  const start: () => Promise<Transaction> = db.startTransaction.bind(db);
  return start();
}

async function rollbackQuietly(tx: Transaction): Promise<void> {
  try {
    await tx.rollback();
  } catch {
    // Already finished or expired on the server: nothing of it was applied either way.
  }
}

/** Runs `body` in a transaction and commits; a throw rolls everything back and is rethrown. */
export async function inTransaction<T>(db: Db, body: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const tx = await begin(db);
    let value: T;
    try {
      value = await body(tx);
    } catch (e) {
      await rollbackQuietly(tx);
      if (errorCodeOf(e) !== CONFLICT) throw e;
      if (attempt >= MAX_ATTEMPTS) throw conflict('同时操作的人较多，请稍后再试');
      transactionStats.conflicts += 1;
      await pause(attempt);
      continue;
    }
    try {
      await tx.commit();
      return value;
    } catch (e) {
      // A failed commit finishes the transaction on the server; nothing was applied.
      if (errorCodeOf(e) !== CONFLICT) throw e;
      if (attempt >= MAX_ATTEMPTS) throw conflict('同时操作的人较多，请稍后再试');
      transactionStats.conflicts += 1;
      await pause(attempt);
    }
  }
}
