/**
 * The `stat_entries` collection: 第二十条 statistics entries of an organ, each checked with the record schema
 * (shared/records/stat-entry) where it is read.
 */
import * as z from 'zod';
import { statEntrySchema, type StatEntry } from '../../shared/records';
import { COLLECTIONS } from '../collections';
import type { Db, Store } from '../sdk';
import { typedCollection } from '../typed-store';
import { withId } from '../owned';

/** A stored entry: the record (statEntrySchema, with `_id` for its id) and the organ's id; other fields kept. */
export const storedStatEntrySchema = z.looseObject({ _id: z.string(), organId: z.string() }).superRefine((row, ctx) => {
  const record = statEntrySchema.safeParse({ ...row, id: row._id });
  if (!record.success)
    for (const issue of record.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type StoredStatEntry = z.output<typeof storedStatEntrySchema>;

export const statEntries = typedCollection(COLLECTIONS.statEntries, storedStatEntrySchema);

/** The organ's entries dated in `year` (or, for overrides, of that year), as the client lists them. */
export async function entriesOfYear(db: Db, organId: string, year: number): Promise<StatEntry[]> {
  const _ = db.command;
  const y = String(year);
  const list = await statEntries.all(
    db,
    _.or([
      { organId, date: db.RegExp({ regexp: `^${y}-` }) },
      { organId, year },
    ]),
  );
  // Each row passed statEntrySchema on the way in (storedStatEntrySchema): the record's type holds.
  return list.map(withId) as StatEntry[];
}

export async function removeEntry(tx: Store, id: string): Promise<void> {
  await statEntries.raw(tx).doc(id).remove();
}
