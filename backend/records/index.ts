/** The `stats` and `cases` functions: statistics entries (table 二) and 复议/诉讼 cases (table 四) of an organ. */
import { closeCaseSchema, createCaseSchema, createStatEntrySchema, listByYearSchema, removeByIdSchema } from '../../shared/api/records';
import { COLLECTIONS } from '../collections';
import { AppError, forbidden, notFound } from '../errors';
import { fetchAll } from '../paging';
import { action, defineFunction, type HandlerContext } from '../runtime';
import { one, type Row } from '../sdk';

function organOf(ctx: HandlerContext): string {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s.organId;
}

const withId = (row: Row): Row => {
  const { _id, organId: _organ, ...rest } = row;
  return { id: _id, ...rest };
};

export const statsFunction = defineFunction('stats', {
  create: action({
    input: createStatEntrySchema,
    async handler(input, ctx) {
      const doc = { ...input.entry, organId: organOf(ctx), createdAt: ctx.now, createdBy: ctx.caller.staff?._id ?? null };
      const id = String((await ctx.db.collection(COLLECTIONS.statEntries).add(doc)).id);
      await ctx.audit({ action: 'create', target: id, after: doc });
      return { id };
    },
  }),
  remove: action({
    input: removeByIdSchema,
    async handler(input, ctx) {
      const col = ctx.db.collection(COLLECTIONS.statEntries);
      const before = one(await col.doc(input.id).get());
      if (!before || before.organId !== organOf(ctx)) throw notFound('统计记录');
      await col.doc(input.id).remove();
      await ctx.audit({ action: 'remove', target: input.id, before });
      return { id: input.id };
    },
  }),
  list: action({
    input: listByYearSchema,
    async handler(input, ctx) {
      const _ = ctx.db.command;
      const organId = organOf(ctx);
      const y = String(input.year);
      const list = await fetchAll(ctx.db.collection(COLLECTIONS.statEntries), _.or([{ organId, date: ctx.db.RegExp({ regexp: `^${y}-` }) }, { organId, year: input.year }]));
      return list.map(withId);
    },
  }),
});

export const casesFunction = defineFunction('cases', {
  create: action({
    input: createCaseSchema,
    async handler(input, ctx) {
      const doc = { ...input.case, organId: organOf(ctx), createdAt: ctx.now };
      const id = String((await ctx.db.collection(COLLECTIONS.cases).add(doc)).id);
      await ctx.audit({ action: 'create', target: id, after: doc });
      return { id };
    },
  }),
  close: action({
    input: closeCaseSchema,
    async handler(input, ctx) {
      const col = ctx.db.collection(COLLECTIONS.cases);
      const before = one(await col.doc(input.id).get());
      if (!before || before.organId !== organOf(ctx)) throw notFound('案件');
      if (typeof before.filedDate === 'string' && input.closedDate < before.filedDate) throw new AppError('VALIDATION', '审结日期不能早于立案日期', [{ path: 'closedDate', message: 'closedDate：审结日期不能早于立案日期' }]);
      await col.doc(input.id).update({ result: input.result, closedDate: input.closedDate });
      await ctx.audit({ action: 'close', target: input.id, before, after: { ...before, result: input.result, closedDate: input.closedDate } });
      return { id: input.id };
    },
  }),
  list: action({
    input: listByYearSchema,
    async handler(input, ctx) {
      const _ = ctx.db.command;
      const end = `${input.year}-12-31`;
      const list = await fetchAll(ctx.db.collection(COLLECTIONS.cases), { organId: organOf(ctx), filedDate: _.lte(end) });
      return list.map(withId);
    },
  }),
});
