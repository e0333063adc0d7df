/** The items function: drafts, the 三审 approval chain, publishing with a 索引号, withdrawal and correction. */
import type { ItemDetail, ItemHistory, PublicationCheck, TrailView } from '../../shared/api/items';
import { PUBLICATION_RULE, publicationDelay } from '../../shared/calendar/publication';
import { calendarFor } from '../calendars';
import { shanghaiDate } from '../time';
import { defineFunction } from '../runtime';
import { itemsContract } from '../../shared/api/contracts/items';
import { listItems } from './list';
import { staffOf } from '../caller';
import { approve, reject, submit } from './review';
import { enforce, loadItem, loadVisibleItem, toDetail } from './store';
import { correct, create, update, withdraw } from './write';

export const itemsFunction = defineFunction('items', itemsContract, {
  list: { handler: (input, ctx) => listItems(ctx, input) },

  /** 条例 第二十六条: publishing today, how many working days after 成文日期 (the organ's calendar). */
  publicationDelay: {
    async handler(input, ctx): Promise<PublicationCheck> {
      const calendar = await calendarFor(ctx.db, staffOf(ctx).organId);
      const delay = publicationDelay(calendar, input.writtenDate, shanghaiDate(ctx.now));
      const lastDay = calendar.addWorkdays(input.writtenDate, PUBLICATION_RULE.workdays).date;
      return {
        workdays: delay.workdays,
        late: delay.late,
        lastDay,
        provisional: delay.provisional,
        warning: delay.warning ?? null,
      };
    },
  },

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
