/**
 * The one place the functions touch @cloudbase/node-sdk: connecting (production or the local server) and typed
 * views of its loosely typed replies. TENCENTCLOUD must be set before the SDK loads (no cloud metadata look-ups).
 */
import { type CloudBase, getCloudbaseContext, init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';

export type Db = ReturnType<CloudBase['database']>;
export type Collection = ReturnType<Db['collection']>;
export type Row = Record<string, unknown>;

/** A database or a transaction: all that reading and writing documents needs. */
export interface Store {
  collection(name: string): Collection;
}

let current: Db | null = null;

/**
 * Production: the function's own environment, one handle per warm instance. A new handle per call would also
 * re-run ensureCollections (keyed by handle) on every invocation.
 */
export function connectCurrentEnv(): Db {
  current ??= init({ env: SYMBOL_CURRENT_ENV }).database();
  return current;
}

/** The local server's credential (its admin-key.json, or ADMIN_SECRET_ID/ADMIN_SECRET_KEY). */
export interface LocalKey {
  secretId: string;
  secretKey: string;
}

/** Development and tests: the local CloudBase-compatible server at `baseUrl`, signing with its key. */
export function connectLocal(baseUrl: string, key: LocalKey): Db {
  return init({
    env: 'local',
    serviceUrl: `${baseUrl}/admin`,
    secretId: key.secretId,
    secretKey: key.secretKey,
  }).database();
}

/** The caller's OPENID in a function invoked from the mini program (null when there is none). */
export function openidFromContext(context: unknown): string | null {
  try {
    const ctx = getCloudbaseContext(context as Parameters<typeof getCloudbaseContext>[0]);
    return ctx.WX_OPENID ? String(ctx.WX_OPENID) : null;
  } catch {
    // Not invoked by the platform with its context: nobody is signed in.
    return null;
  }
}

export function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rows(reply: unknown): Row[] {
  const data = isRow(reply) ? reply.data : undefined;
  return Array.isArray(data) ? data.filter(isRow) : [];
}

/** The document of a doc().get() reply or null (inside a transaction `data` is the document itself). */
export function one(reply: unknown): Row | null {
  const data = isRow(reply) ? reply.data : undefined;
  if (isRow(data)) return data;
  return rows(reply)[0] ?? null;
}

export function num(reply: unknown, key: string): number {
  const value = isRow(reply) ? reply[key] : undefined;
  return typeof value === 'number' ? value : 0;
}

/** A string field of a reply (the id of an add()); throws when absent, as that means the write did not happen. */
export function str(reply: unknown, key: string): string {
  const value = isRow(reply) ? reply[key] : undefined;
  if (typeof value !== 'string') throw new Error(`reply has no ${key}`);
  return value;
}

export function errorCodeOf(e: unknown): string | null {
  return isRow(e) && typeof e.code === 'string' ? e.code : null;
}

/** db.runTransaction with the SDK's `any` narrowed. */
export function runTransaction<T>(db: Db, body: (tx: Store) => Promise<T>): Promise<T> {
  const run: (cb: (tx: Store) => Promise<T>) => Promise<T> = db.runTransaction.bind(db);
  return run(body);
}
