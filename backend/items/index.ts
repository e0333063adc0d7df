/** The items function: drafts, the 三审 approval chain, publishing with a 索引号, withdrawal and correction. */
import type { ItemDetail, ItemHistory, TrailView } from '../../shared/api/items';
import { defineFunction } from '../runtime';
import { itemsContract } from '../../shared/api/contracts/items';
import { listItems } from './list';
import { approve, reject, staffOf, submit } from './review';
import { enforce, loadItem, loadVisibleItem, toDetail, trailOf } from './store';
import { correct, create, update, withdraw } from './write';

export const itemsFunction = defineFunction('items', itemsContract, {
  list: { handler: (input, ctx) => listItems(ctx, input) },

  get: {
    async handler(input, ctx) {
      const item = await loadVisibleItem(ctx, input.id);
      return toDetail(item, ctx.caller.staff?.organId === item.organId) as ItemDetail;
    },
  },

  create: { transaction: create },
  update: { transaction: update },
  submit: { transaction: submit },
  approve: { transaction: approve },
  reject: { transaction: reject },
  withdraw: { transaction: withdraw },
  correct: { transaction: correct },

  history: {
    async handler(input, ctx): Promise<ItemHistory> {
      const item = await loadItem(ctx.db, input.id);
      enforce('history', staffOf(ctx), item);
      const trail = trailOf(item).map(
        (t) => ({ ...t, at: t.at instanceof Date ? t.at.toISOString() : String(t.at) }) as TrailView,
      );
      const status =
        item.status === 'draft' || item.status === 'inReview' || item.status === 'withdrawn'
          ? item.status
          : 'published';
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        id: input.id,
        status,
        version: Number(item.version ?? 1),
        correctionOf: text(item.correctionOf),
        supersededBy: text(item.supersededBy),
        trail,
      };
    },
  },
});
