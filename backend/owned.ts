/** Records an organ keeps for its report (statistics entries, 复议/诉讼 cases): read as its own, shown without it. */
import { notFound } from './errors';
import type { Store } from './sdk';
import type { TypedCollection } from './typed-store';

/** The organ's own document, read inside the transaction; another organ's id answers as absent. */
export async function loadOwned<T extends { _id: string; organId: string }>(
  tx: Store,
  collection: TypedCollection<T>,
  id: string,
  organId: string,
  what: string,
): Promise<T> {
  const row = await collection.get(tx, id);
  if (!row || row.organId !== organId) throw notFound(what);
  return row;
}

/** As the client lists it: `id` for `_id`, the organ left out (it is the caller's own). */
export function withId<T extends { _id: string; organId: string }>(row: T) {
  const { _id, organId: _organ, ...rest } = row;
  return { id: _id, ...rest };
}
