/**
 * Rate limits kept in the database (functions keep no memory between calls): an attempt is a document
 * `{ key, at, expiresAt }` in one collection; a limit counts a key's attempts since `now − windowMs`. Keys name the
 * caller — its OPENID (hashed) when signed in, else its network address (hashed) where the platform gives one — so
 * one stranger's tries never use up anyone else's, or a target (a request's 查询码). Attempts expire: every claim
 * also deletes all attempts past their `expiresAt`, so the collection holds at most one window of them.
 */
import { createHash } from 'node:crypto';
import type { Caller } from './caller';
import { COLLECTIONS } from './collections';
import { AppError } from './errors';
import { num, type Db, type Store } from './sdk';

export interface Limit {
  /** Part of every key, so limits never share counts. */
  name: string;
  /** Attempts allowed within the window. */
  max: number;
  windowMs: number;
}

export const LIMITS = {
  /** 查询码 / 申请编号 lookups that missed, per caller (a stranger guessing). */
  trackCaller: { name: 'track-caller', max: 5, windowMs: 10 * 60_000 },
  /** Misses against one request, from anyone: stops distributed guessing of its 4 phone digits. */
  trackTarget: { name: 'track-target', max: 5, windowMs: 10 * 60_000 },
  /** Requests filed, per caller. */
  submit: { name: 'submit', max: 10, windowMs: 60 * 60_000 },
  /** Wrong setup or invitation codes, per caller. */
  bind: { name: 'bind', max: 5, windowMs: 10 * 60_000 },
} as const satisfies Record<string, Limit>;

const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Who is trying: the OPENID, else the client address, else everyone without either (one shared key). */
export function callerKey(caller: Caller): string {
  if (caller.openid) return `openid:${digest(`openid\n${caller.openid}`)}`;
  if (caller.client) return `addr:${digest(`addr\n${caller.client}`)}`;
  return 'anonymous';
}

export const limitKey = (limit: Limit, who: string): string => `${limit.name}:${who}`;

export function rateLimited(limit: Limit): AppError {
  return new AppError('RATE_LIMITED', `尝试次数过多，请 ${Math.ceil(limit.windowMs / 60_000)} 分钟后再试`);
}

/** Records one attempt (through `store`: a transaction makes it count only if it commits); returns its id. */
export async function recordAttempt(store: Store, limit: Limit, key: string, now: Date): Promise<string> {
  const reply = await store
    .collection(COLLECTIONS.trackAttempts)
    .add({ key: limitKey(limit, key), at: now, expiresAt: new Date(now.getTime() + limit.windowMs) });
  const id = typeof reply === 'object' && reply !== null && 'id' in reply ? String(reply.id) : '';
  return id;
}

/** Attempts of `key` within the window (including one just recorded). */
export async function attemptsOf(db: Db, limit: Limit, key: string, now: Date): Promise<number> {
  const _ = db.command;
  const since = new Date(now.getTime() - limit.windowMs);
  return num(
    await db
      .collection(COLLECTIONS.trackAttempts)
      .where({ key: limitKey(limit, key), at: _.gt(since) })
      .count(),
    'total',
  );
}

/** Refuses with RATE_LIMITED when `key` already has `max` attempts in the window. */
export async function checkLimit(db: Db, limit: Limit, key: string, now: Date): Promise<void> {
  if ((await attemptsOf(db, limit, key, now)) >= limit.max) throw rateLimited(limit);
}

export async function releaseAttempts(db: Db, ids: readonly string[]): Promise<void> {
  const col = db.collection(COLLECTIONS.trackAttempts);
  for (const id of ids) if (id) await col.doc(id).remove();
}

/** Deletes every attempt past its expiry (and any stored before attempts carried one, older than a day). */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  const _ = db.command;
  const col = db.collection(COLLECTIONS.trackAttempts);
  await col.where({ expiresAt: _.lte(now) }).remove();
  await col.where({ expiresAt: _.exists(false), at: _.lte(new Date(now.getTime() - 86_400_000)) }).remove();
}
