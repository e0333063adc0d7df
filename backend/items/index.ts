/** The items function: drafts, the 三审 approval chain, publishing with a 索引号, withdrawal and correction. */
import {
  approveItemSchema,
  correctItemSchema,
  createItemSchema,
  getItemSchema,
  type ItemHistory,
  listItemsSchema,
  rejectItemSchema,
  submitItemSchema,
  type TrailView,
  updateItemSchema,
  withdrawItemSchema,
} from '../../shared/api/items';
import { action, defineFunction, txAction } from '../runtime';
import { listItems } from './list';
import { staffOf } from '../caller';
import { approve, reject, submit } from './review';
import { enforce, loadItem, loadVisibleItem, toDetail } from './store';
import { correct, create, update, withdraw } from './write';

export const itemsFunction = defineFunction('items', {
  list: action({ input: listItemsSchema, handler: (input, ctx) => listItems(ctx, input) }),

  get: action({
    input: getItemSchema,
    async handler(input, ctx) {
      const item = await loadVisibleItem(ctx, input.id);
      return toDetail(item, ctx.caller.staff?.organId === item.organId);
    },
  }),

  create: txAction({ input: createItemSchema, idempotent: true, transaction: create }),
  update: txAction({ input: updateItemSchema, transaction: update }),
  submit: txAction({ input: submitItemSchema, idempotent: true, transaction: submit }),
  approve: txAction({ input: approveItemSchema, idempotent: true, transaction: approve }),
  reject: txAction({ input: rejectItemSchema, idempotent: true, transaction: reject }),
  withdraw: txAction({ input: withdrawItemSchema, idempotent: true, transaction: withdraw }),
  correct: txAction({ input: correctItemSchema, idempotent: true, transaction: correct }),

  history: action({
    input: getItemSchema,
    async handler(input, ctx): Promise<ItemHistory> {
      const item = await loadItem(ctx.db, input.id);
      enforce('history', staffOf(ctx), item);
      const trail = item.trail.map((t) => ({ ...t, at: t.at.toISOString() }) as TrailView);
      return {
        id: input.id,
        status: item.status,
        version: item.version,
        correctionOf: item.correctionOf ?? null,
        supersededBy: item.supersededBy ?? null,
        trail,
      };
    },
  }),
});
