/**
 * Gapless serial numbers (索引号, 申请编号): one counter document per series, read and set inside the caller's
 * transaction, so the number and what carries it commit together — a conflict re-runs the whole body, a rollback
 * returns the number.
 */
import * as z from 'zod';
import { COLLECTIONS } from './collections';
import type { Store } from './sdk';
import { typedCollection } from './typed-store';

const counterSchema = z.looseObject({ _id: z.string(), n: z.number().int().nonnegative().catch(0) });
const counters = typedCollection(COLLECTIONS.counters, counterSchema);

/** The next number of series `key` (1 for the first), stored with `facts` (what the series counts). */
export async function nextSerial(tx: Store, key: string, facts: Record<string, unknown> = {}): Promise<number> {
  const counter = await counters.get(tx, key);
  const n = (counter?.n ?? 0) + 1;
  await counters.set(tx, { _id: key, n, ...facts });
  return n;
}
