/**
 * The catalogue: filter by category, year, status and keyword, 20 a page. CloudBase caps a get at 100 (1000 with
 * limit), so lists page with skip/limit and the total comes from count(), never from fetching everything.
 */
import { keywordGrams } from '../../shared/records/grams';
import type { z } from 'zod';
import type { ItemPage, listItemsSchema } from '../../shared/api/items';
import type { HandlerContext } from '../runtime';
import { num, rows } from '../sdk';
import { chainOf, items, toSummary } from './store';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function listItems(ctx: HandlerContext, input: z.output<typeof listItemsSchema>): Promise<ItemPage> {
  const _ = ctx.db.command;
  const staffOrgan = ctx.caller.staff?.organId;
  // Staff see their own organ in any status; citizens see published items only, of any organ asked for.
  const organId = staffOrgan ?? input.organId;
  const conditions: object[] = [];
  if (organId) conditions.push({ organId });
  conditions.push({ status: staffOrgan ? (input.status ?? _.neq('__none__')) : 'published' });
  if (input.category) conditions.push({ category: input.category });
  if (input.year) conditions.push({ publishYear: input.year });
  if (input.keyword) {
    // The item's stored grams narrow (an array query both backends answer); the title or 文号 then must hold the
    // keyword itself, tested only on what the grams let through.
    const grams = keywordGrams(input.keyword);
    if (grams.length > 0) conditions.push({ grams: _.all(grams) });
    const re = ctx.db.RegExp({ regexp: escapeRegExp(input.keyword), options: 'i' });
    conditions.push(_.or([{ title: re }, { docNo: re }]));
  }
  const where = _.and(conditions);
  const total = num(await items(ctx.db).where(where).count(), 'total');
  const page = rows(
    await items(ctx.db)
      .where(where)
      .orderBy('publishedDate', 'desc')
      // Citizens' pages (all published) in the order of the items' index (backend/indexes.ts); staff see the
      // latest edited first among the same date.
      .orderBy(staffOrgan ? 'updatedAt' : '_id', 'desc')
      .skip((input.page - 1) * input.pageSize)
      .limit(input.pageSize)
      .field({ body: false, attachments: false, trail: false, grams: false })
      .get(),
  );
  // Staff see who acts next on an item in review, so the 工作台 needs no call per item.
  const summary = (row: (typeof page)[number]) => {
    const s = toSummary(row);
    const step = typeof row.step === 'number' ? row.step : null;
    const waitingFor = staffOrgan && s.status === 'inReview' && step !== null ? chainOf(row)[step] : undefined;
    return waitingFor ? { ...s, waitingFor } : s;
  };
  return { list: page.map(summary), total, page: input.page, pageSize: input.pageSize };
}
