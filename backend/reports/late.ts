/**
 * 条例 第二十六条 in the report builder: the year's published items that went out more than 20 working days after
 * their 成文日期 (shared latePublications, on the organ's own calendar), for 五 存在的主要问题及改进情况. Only the
 * fields it needs are read, a page of 1000 at a time (CloudBase's cap): a township publishes a few hundred a year.
 */
import * as z from 'zod';
import type { LatePublication } from '../../shared/api/reports';
import { latePublications } from '../../shared/calendar/publication';
import { isoDate } from '../../shared/records/common';
import { staffOf } from '../caller';
import { COLLECTIONS } from '../collections';
import { calendarFor } from '../calendars';
import type { HandlerContext } from '../runtime';
import { typedCollection } from '../typed-store';

const datedItemSchema = z.looseObject({
  _id: z.string(),
  title: z.string().catch(''),
  indexNo: z.string().nullable().catch(null).default(null),
  writtenDate: isoDate.nullable().catch(null).default(null),
  publishedDate: isoDate.nullable().catch(null).default(null),
});
const datedItems = typedCollection(COLLECTIONS.items, datedItemSchema);

export async function latePublicationsOf(input: { year: number }, ctx: HandlerContext): Promise<LatePublication[]> {
  const organId = staffOf(ctx).organId;
  const _ = ctx.db.command;
  // As the report counts them (counts.ts): published in the year, withdrawn ones too, corrections not again.
  const items = await datedItems.all(
    ctx.db,
    { organId, publishYear: input.year, status: _.in(['published', 'withdrawn']), correctionOf: _.exists(false) },
    { _id: true, title: true, indexNo: true, writtenDate: true, publishedDate: true },
  );
  const calendar = await calendarFor(ctx.db, organId);
  const late = latePublications(
    calendar,
    items.map((i) => ({ ...i, publishDate: i.publishedDate })),
  );
  return late
    .map((i) => ({
      id: i._id,
      title: i.title,
      indexNo: i.indexNo,
      writtenDate: i.writtenDate ?? '',
      publishedDate: i.publishedDate ?? '',
      workdays: i.delay.workdays,
      provisional: i.delay.provisional,
    }))
    .sort((a, b) => b.workdays - a.workdays || a.publishedDate.localeCompare(b.publishedDate));
}
