/** The catalogue: filter by category, year, status and keyword, 20 a page by cursor (the query itself is the store's). */
import type { z } from 'zod';
import type { ItemPage, listItemsSchema } from '../../shared/api/items';
import { roleAtStep } from '../../shared/approval';
import type { HandlerContext } from '../runtime';
import { chainOf, itemPage, toSummary, type StoredItem } from './store';

export async function listItems(ctx: HandlerContext, input: z.output<typeof listItemsSchema>): Promise<ItemPage> {
  const staffOrgan = ctx.caller.staff?.organId;
  // Staff see their own organ in any status; citizens see published items only, of any organ asked for.
  const { items, more, cursor } = await itemPage(
    ctx.db,
    {
      organId: staffOrgan ?? input.organId,
      status: staffOrgan ? input.status : 'published',
      category: input.category,
      year: input.year,
      keyword: input.keyword,
      staff: staffOrgan !== undefined,
    },
    { cursor: input.cursor, limit: input.pageSize },
  );
  // Staff see who acts next on an item in review, so the 工作台 needs no call per item.
  const summary = (item: StoredItem) => {
    const s = toSummary(item);
    const waitingFor =
      staffOrgan && s.status === 'inReview' && item.step !== null ? roleAtStep(item.step, chainOf(item)) : undefined;
    return waitingFor ? { ...s, waitingFor } : s;
  };
  return { items: items.map(summary), more, cursor };
}
