/** An organ's stored document, read by several functions (kept apart from organ.ts so they do not bundle it). */
import { COLLECTIONS } from './collections';
import { notFound } from './errors';
import { one, type Row, type Store } from './sdk';

/** The organ's document, in a database or a transaction; an unknown id is NOT_FOUND. */
export async function organOf(store: Store, organId: string): Promise<Row> {
  const organ = one(await store.collection(COLLECTIONS.organs).doc(organId).get());
  if (!organ) throw notFound('机关');
  return organ;
}
