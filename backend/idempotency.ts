/**
 * The one idempotency mechanism: a write called with an idempotencyKey (a double tap, a retry after a lost reply)
 * answers what the first call answered without acting again. The answer is stored under a key of
 * openid/function/action/idempotencyKey in `idempotency`, INSIDE the write's own transaction (a transactional
 * action, runtime.ts), so the act and its stored answer commit together — a refusal, a crash or a lost race stores nothing, and two racing
 * repeats are serialised by the transaction's conflict check. Reads (plain actions) need none.
 * The requests function keys a new request's document id with the same `idempotencyKey` instead of storing the
 * answer, which would hold the 查询码 in clear (requests/store.ts).
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { Result } from '../shared/errors';
import { COLLECTIONS } from './collections';
import type { Store } from './sdk';
import { storedDate, typedCollection } from './typed-store';

export function idempotencyKey(openid: string, fn: string, action: string, callKey: string): string {
  return createHash('sha256').update(`${openid}\n${fn}\n${action}\n${callKey}`).digest('hex').slice(0, 40);
}

const storedAnswerSchema = z.looseObject({
  _id: z.string(),
  state: z.string(),
  /** The answer as it travelled (JSON). */
  answer: z.string().optional(),
  at: storedDate.optional(),
});

const answers = typedCollection(COLLECTIONS.idempotency, storedAnswerSchema);

/** The answer a finished first call stored under `key`, or null (in a transaction: part of its conflict check). */
export async function storedAnswer(store: Store, key: string): Promise<Result<unknown> | null> {
  const row = await answers.get(store, key);
  if (!row || row.state !== 'done' || row.answer === undefined) return null;
  return JSON.parse(row.answer) as Result<unknown>;
}

/** Stores the answer under `key` inside the write's transaction. */
export async function storeAnswer(tx: Store, key: string, answer: Result<unknown>, at: Date): Promise<void> {
  await answers.set(tx, { _id: key, state: 'done', answer: JSON.stringify(answer), at });
}
