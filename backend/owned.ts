/** Records an organ keeps for its report (statistics entries, 复议/诉讼 cases): read as its own, shown without it. */
import { staffOf } from './caller';
import { notFound } from './errors';
import type { HandlerContext, TxContext } from './runtime';
import type { Db, Store } from './sdk';
import type { TypedCollection } from './typed-store';

/** What stamps a new record as the caller's organ's, entered then and by them. */
export interface OwnedStamp {
  organId: string;
  createdAt: Date;
  createdBy: string;
}

/** A new record of the caller's organ (`build` adds the stamp to the record), audited. Its id. */
export async function createOwned<T extends { _id: string; organId: string }>(
  ctx: TxContext,
  collection: TypedCollection<T>,
  build: (stamp: OwnedStamp) => Omit<T, '_id'>,
): Promise<{ id: string }> {
  const staff = staffOf(ctx);
  const doc = build({ organId: staff.organId, createdAt: ctx.now, createdBy: staff._id });
  const id = await collection.add(ctx.tx, doc);
  ctx.audit({ action: 'create', target: id, after: doc });
  return { id };
}

/** The `list` action of a record kind: the caller's organ's records of the year asked for. */
export function listOwnOfYear<R>(read: (db: Db, organId: string, year: number) => Promise<R>) {
  return {
    handler: (input: { year: number }, ctx: HandlerContext): Promise<R> =>
      read(ctx.db, staffOf(ctx).organId, input.year),
  };
}

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
