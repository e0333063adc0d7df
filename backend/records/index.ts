/**
 * The `stats` and `cases` functions: statistics entries (table 二) and 复议/诉讼 cases (table 四) of an organ.
 * Every write is a txAction: the write, its audit entry and (with an idempotency key) the stored answer commit together,
 * so a double tap or a retry after a lost answer makes one entry, and a refused write leaves nothing behind.
 */
import type { z } from 'zod';
import type {
  closeCaseSchema,
  createCaseSchema,
  createStatEntrySchema,
  removeByIdSchema,
} from '../../shared/api/records';
import { COLLECTIONS } from '../collections';
import { AppError, forbidden, notFound } from '../errors';
import { fetchAll } from '../paging';
import { defineFunction, type TxContext } from '../runtime';
import { one, str, type Row } from '../sdk';
import { casesContract, statsContract } from '../../shared/api/contracts/records';
import type { ReviewCase, StatEntry } from '../../shared/records';

function organOf(ctx: Pick<TxContext, 'caller'>): string {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s.organId;
}

const withId = (row: Row): Row => {
  const { _id, organId: _organ, ...rest } = row;
  return { id: _id, ...rest };
};

/** The organ's own document, read inside the transaction; another organ's id answers as absent. */
async function ownInTx(ctx: TxContext, collection: string, id: string, what: string): Promise<Row> {
  const row = one(await ctx.tx.collection(collection).doc(id).get());
  if (!row || row.organId !== organOf(ctx)) throw notFound(what);
  return row;
}

async function createEntry(input: z.output<typeof createStatEntrySchema>, ctx: TxContext): Promise<{ id: string }> {
  const doc = { ...input.entry, organId: organOf(ctx), createdAt: ctx.now, createdBy: ctx.caller.staff?._id ?? null };
  const id = str(await ctx.tx.collection(COLLECTIONS.statEntries).add(doc), 'id');
  ctx.audit({ action: 'create', target: id, after: doc });
  return { id };
}

async function removeEntry(input: z.output<typeof removeByIdSchema>, ctx: TxContext): Promise<{ id: string }> {
  const before = await ownInTx(ctx, COLLECTIONS.statEntries, input.id, '统计记录');
  await ctx.tx.collection(COLLECTIONS.statEntries).doc(input.id).remove();
  ctx.audit({ action: 'remove', target: input.id, before });
  return { id: input.id };
}

async function createCase(input: z.output<typeof createCaseSchema>, ctx: TxContext): Promise<{ id: string }> {
  const doc = { ...input.case, organId: organOf(ctx), createdAt: ctx.now };
  const id = str(await ctx.tx.collection(COLLECTIONS.cases).add(doc), 'id');
  ctx.audit({ action: 'create', target: id, after: doc });
  return { id };
}

async function closeCase(input: z.output<typeof closeCaseSchema>, ctx: TxContext): Promise<{ id: string }> {
  const before = await ownInTx(ctx, COLLECTIONS.cases, input.id, '案件');
  if (typeof before.filedDate === 'string' && input.closedDate < before.filedDate) {
    throw new AppError('VALIDATION', '审结日期不能早于立案日期', [
      { path: 'closedDate', message: '审结日期不能早于立案日期' },
    ]);
  }
  await ctx.tx
    .collection(COLLECTIONS.cases)
    .doc(input.id)
    .update({ result: input.result, closedDate: input.closedDate });
  ctx.audit({
    action: 'close',
    target: input.id,
    before,
    after: { ...before, result: input.result, closedDate: input.closedDate },
  });
  return { id: input.id };
}

export const statsFunction = defineFunction('stats', statsContract, {
  create: { transaction: createEntry },
  remove: { transaction: removeEntry },
  list: {
    async handler(input, ctx) {
      const _ = ctx.db.command;
      const organId = organOf(ctx);
      const y = String(input.year);
      const list = await fetchAll(
        ctx.db.collection(COLLECTIONS.statEntries),
        _.or([
          { organId, date: ctx.db.RegExp({ regexp: `^${y}-` }) },
          { organId, year: input.year },
        ]),
      );
      return list.map(withId) as StatEntry[];
    },
  },
});

export const casesFunction = defineFunction('cases', casesContract, {
  create: { transaction: createCase },
  close: { transaction: closeCase },
  list: {
    async handler(input, ctx) {
      const _ = ctx.db.command;
      const end = `${input.year}-12-31`;
      const list = await fetchAll(ctx.db.collection(COLLECTIONS.cases), {
        organId: organOf(ctx),
        filedDate: _.lte(end),
      });
      return list.map(withId) as ReviewCase[];
    },
  },
});
