/** What every part of the contract suite gets: a connected db and collection names unique to the run. */
import type { Collection, Db, Row } from '../helpers/sdk';
import { rows } from '../helpers/sdk';

export interface ContractContext {
  db(): Db;
  /** The collection name for `base` in this run (prefixed, so a real env can host many runs). */
  name(base: string): string;
  /** Creates the collection for `base` and returns it. */
  fresh(base: string): Promise<Collection>;
}

export function contractContext(getDb: () => Db, prefix: string): ContractContext {
  const name = (base: string): string => `${prefix}${base}`;
  return {
    db: getDb,
    name,
    fresh: async (base) => {
      await getDb().createCollection(name(base));
      return getDb().collection(name(base));
    },
  };
}

/** Sorted `_id`s of a get() reply. */
export async function idsOf(query: { get(): Promise<unknown> }): Promise<string[]> {
  return rows(await query.get())
    .map((r) => String(r._id))
    .sort();
}

/** Rows of a get() reply with `_id` removed, for comparing content. */
export function withoutIds(list: Row[]): Row[] {
  return list.map(({ _id: _ignored, ...rest }) => rest);
}
