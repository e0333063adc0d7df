/** Typed views of the SDK's loosely typed (`any`) results, so tests narrow instead of trusting. */
import './env';
// The product's own connection and row types (backend/sdk.ts): the tests talk to the server as the functions do.
import { connectLocal, isRow, type Collection, type Db, type Row } from '../../../backend/sdk';

export { connectLocal, isRow };
export type { Collection, Db, Row } from '../../../backend/sdk';

/** The part of the SDK's Transaction the tests use. */
export interface Tx {
  collection(name: string): Collection;
  commit(): Promise<unknown>;
  rollback(reason?: unknown): Promise<unknown>;
}

/** `data` of a reply as rows (where().get(), aggregate().end(), doc().get() outside a transaction). */
export function rows(reply: unknown): Row[] {
  const data = isRow(reply) ? reply.data : undefined;
  if (!Array.isArray(data) || !data.every(isRow)) throw new Error(`reply has no row list: ${JSON.stringify(reply)}`);
  return data;
}

/** The single document of a doc().get() reply, or null (in a transaction `data` is the doc itself). */
export function one(reply: unknown): Row | null {
  const data = isRow(reply) ? reply.data : undefined;
  if (data === null || data === undefined) return null;
  if (isRow(data)) return data;
  return rows(reply)[0] ?? null;
}

/** A numeric field of a reply (total, updated, deleted, …). */
export function num(reply: unknown, key: string): number {
  const value = isRow(reply) ? reply[key] : undefined;
  if (typeof value !== 'number') throw new Error(`reply.${key} is not a number: ${JSON.stringify(reply)}`);
  return value;
}

/** A string field of a reply (id, upsertedId, …). */
export function str(reply: unknown, key: string): string {
  const value = isRow(reply) ? reply[key] : undefined;
  if (typeof value !== 'string') throw new Error(`reply.${key} is not a string: ${JSON.stringify(reply)}`);
  return value;
}

/** The error code a rejected SDK call carries. */
export async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    return isRow(e) && typeof e.code === 'string' ? e.code : `non-coded error: ${String(e)}`;
  }
  return 'no error';
}

/** db.runTransaction with the SDK's `any` narrowed to what tests pass. */
export function runTransaction<T>(db: Db, body: (tx: Tx) => Promise<T>): Promise<unknown> {
  const run: (cb: (tx: Tx) => Promise<T>) => Promise<unknown> = db.runTransaction.bind(db);
  return run(body);
}

export async function startTransaction(db: Db): Promise<Tx> {
  const start: () => Promise<Tx> = db.startTransaction.bind(db);
  return start();
}
