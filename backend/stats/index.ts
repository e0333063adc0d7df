/**
 * The `stats` function: 第二十条 statistics entries (table 二) of an organ. Every write is transactional: the write,
 * its audit entry and (with an idempotencyKey) the stored answer commit together, so a double tap or a retry after a
 * lost answer makes one entry, and a refused write leaves nothing behind.
 */
import type { z } from 'zod';
import { statsContract } from '../../shared/api/contracts/records';
import type { createStatEntrySchema, removeByIdSchema } from '../../shared/api/records';
import { staffOf } from '../caller';
import { loadOwned } from '../owned';
import { defineFunction, type TxContext } from '../runtime';
import { entriesOfYear, removeEntry as removeStored, statEntries } from './store';

async function createEntry(input: z.output<typeof createStatEntrySchema>, ctx: TxContext): Promise<{ id: string }> {
  const staff = staffOf(ctx);
  const doc = { ...input.entry, organId: staff.organId, createdAt: ctx.now, createdBy: staff._id };
  const id = await statEntries.add(ctx.tx, doc);
  ctx.audit({ action: 'create', target: id, after: doc });
  return { id };
}

async function removeEntry(input: z.output<typeof removeByIdSchema>, ctx: TxContext): Promise<{ id: string }> {
  const before = await loadOwned(ctx.tx, statEntries, input.id, staffOf(ctx).organId, '统计记录');
  await removeStored(ctx.tx, input.id);
  ctx.audit({ action: 'remove', target: input.id, before });
  return { id: input.id };
}

export const statsFunction = defineFunction('stats', statsContract, {
  create: { transaction: createEntry },
  remove: { transaction: removeEntry },
  list: {
    async handler(input, ctx) {
      return entriesOfYear(ctx.db, staffOf(ctx).organId, input.year);
    },
  },
});
