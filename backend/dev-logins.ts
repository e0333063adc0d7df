/**
 * Development logins for the local server only: a token in the `x-gongkai-login` header stands for an OPENID,
 * as WeChat's own login does in production. `npm start` prints one per role. Only a SHA-256 of each token is
 * stored (the document id), so the database — or anyone who reads it — never holds a usable token.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { COLLECTIONS, ensureCollections } from './collections';
import { one, type Db } from './sdk';

export const LOGIN_HEADER = 'x-gongkai-login';

export const hashLoginToken = (token: string): string =>
  createHash('sha256').update(`gongkai-dev-login\n${token}`).digest('hex');

/** Stores a login for `openid` and returns its token (random, or `token` when given). */
export async function createDevLogin(db: Db, openid: string, label = '', token?: string): Promise<string> {
  await ensureCollections(db);
  const value = token ?? `dev-${randomBytes(16).toString('hex')}`;
  await db.collection(COLLECTIONS.logins).doc(hashLoginToken(value)).set({ openid, label, at: new Date() });
  return value;
}

/**
 * The token a secret derives for `openid`: the same at every start (so a token pasted into DevTools keeps working),
 * while the database holds only its hash. The secret is the server's admin key, which lives outside the database.
 */
export function derivedLoginToken(secret: string, openid: string): string {
  return `dev-${createHmac('sha256', secret).update(`demo-login\n${openid}`).digest('hex').slice(0, 32)}`;
}

export async function openidForToken(db: Db, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  await ensureCollections(db);
  const row = one(await db.collection(COLLECTIONS.logins).doc(hashLoginToken(token)).get());
  return row && typeof row.openid === 'string' ? row.openid : null;
}
