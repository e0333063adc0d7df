/**
 * Development logins for the local server only: a token in the `x-gongkai-login` header stands for an OPENID,
 * as WeChat's own login does in production. `npm start` prints one per role.
 */
import { randomBytes } from 'node:crypto';
import { COLLECTIONS, ensureCollections } from './collections';
import { one, type Db } from './sdk';

export const LOGIN_HEADER = 'x-gongkai-login';

export async function createDevLogin(db: Db, openid: string, label = ''): Promise<string> {
  await ensureCollections(db);
  const token = `dev-${randomBytes(12).toString('hex')}`;
  await db.collection(COLLECTIONS.logins).add({ _id: token, openid, label, at: new Date() });
  return token;
}

export async function openidForToken(db: Db, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  await ensureCollections(db);
  const row = one(await db.collection(COLLECTIONS.logins).doc(token).get());
  return row && typeof row.openid === 'string' ? row.openid : null;
}
