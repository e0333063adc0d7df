/**
 * The `review_cases` collection: 复议/诉讼 cases of an organ, each checked with the record schema
 * (shared/records/review-case) where it is read.
 */
import * as z from 'zod';
import { reviewCaseSchema, type ReviewCase } from '../../shared/records';
import { COLLECTIONS } from '../collections';
import { withId } from '../owned';
import type { Db, Store } from '../sdk';
import { typedCollection } from '../typed-store';

/** A stored case: the record (reviewCaseSchema, with `_id` for its id) and the organ's id; other fields kept. */
export const storedCaseSchema = z
  .looseObject({ _id: z.string(), organId: z.string(), filedDate: z.string() })
  .superRefine((row, ctx) => {
    const record = reviewCaseSchema.safeParse({ ...row, id: row._id });
    if (!record.success)
      for (const issue of record.error.issues)
        ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
export type StoredCase = z.output<typeof storedCaseSchema>;

export const cases = typedCollection(COLLECTIONS.cases, storedCaseSchema);

/** The organ's cases filed by the end of `year`, as the client lists them. */
export async function casesUpTo(db: Db, organId: string, year: number): Promise<ReviewCase[]> {
  const _ = db.command;
  // Each row passed reviewCaseSchema on the way in (storedCaseSchema): the record's type holds.
  return (await cases.all(db, { organId, filedDate: _.lte(`${year}-12-31`) })).map(withId) as ReviewCase[];
}

/** Records the result and date of a case (the rest of the document unchanged). */
export async function closeCase(tx: Store, id: string, result: string, closedDate: string): Promise<void> {
  await cases.raw(tx).doc(id).update({ result, closedDate });
}
