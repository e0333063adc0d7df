/** The items function: drafts, the 三审 approval chain, publishing with a 索引号, withdrawal and correction. */
import type { ItemDetail, ItemHistory, TrailView } from '../../shared/api/items';
import { defineFunction } from '../runtime';
import { itemsContract } from '../../shared/api/contracts/items';
import { listItems } from './list';
import { staffOf } from '../caller';
import { approve, reject, submit } from './review';
import { enforce, loadItem, loadVisibleItem, toDetail } from './store';
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
  },
});
