/**
 * Submit, approve and publish are idempotent by the envelope's `idempotencyKey`: the first call claims the key (an insert with a
 * fixed _id, which a second insert cannot repeat), acts, and stores its answer; a repeat — a double tap, or a
 * retry after a lost reply — gets the stored answer without acting again.
 * Transactional actions (runtime.ts txAction) do not use `once`: they read and write the key inside their own
 * transaction, so the act and its stored answer commit together.
 */
import { createHash } from 'node:crypto';
import type { Result } from '../shared/errors';
import { COLLECTIONS } from './collections';
import { errorCodeOf, one, type Db } from './sdk';

const WAIT_MS = 50;
const MAX_WAITS = 200;

export function idempotencyKey(openid: string, fn: string, action: string, callKey: string): string {
  return createHash('sha256').update(`${openid}\n${fn}\n${action}\n${callKey}`).digest('hex').slice(0, 40);
}

/** The answer a finished first call stored under its key, or null. */
export function storedAnswer(row: Record<string, unknown> | null): Result<unknown> | null {
  if (!row || row.state !== 'done') return null;
  const answer = row.answer;
  return typeof answer === 'string' ? (JSON.parse(answer) as Result<unknown>) : null;
}

export async function once(db: Db, key: string, act: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
  const col = db.collection(COLLECTIONS.idempotency);
  try {
    await col.add({ _id: key, state: 'pending', at: new Date() });
  } catch (e) {
    if (errorCodeOf(e) !== 'DATABASE_DUPLICATE_WRITE') throw e;
    // Someone holds the key: wait for their answer.
    for (let i = 0; i < MAX_WAITS; i++) {
      const row = one(await col.doc(key).get());
      if (!row) return once(db, key, act); // the first attempt failed and released the key
      const answer = storedAnswer(row);
      if (answer) return answer;
      await new Promise((r) => setTimeout(r, WAIT_MS));
    }
    return { ok: false, code: 'CONFLICT', message: '同一操作正在处理中，请稍后刷新' };
  }
  let answer: Result<unknown>;
  try {
    answer = await act();
  } catch (e) {
    await col.doc(key).remove();
    throw e;
  }
  // A refusal is not remembered: the person may fix the cause and tap again.
  if (answer.ok) await col.doc(key).update({ state: 'done', answer: JSON.stringify(answer) });
  else await col.doc(key).remove();
  return answer;
}
