/**
 * The `stats` function: 第二十条 statistics entries (table 二) of an organ. Every write is transactional: the write,
 * its audit entry and (with an idempotencyKey) the stored answer commit together, so a double tap or a retry after a
 * lost answer makes one entry, and a refused write leaves nothing behind.
 */
import type { z } from 'zod';
import { statsContract } from '../../shared/api/contracts/records';
import type { removeByIdSchema } from '../../shared/api/records';
import { staffOf } from '../caller';
import { createOwned, listOwnOfYear, loadOwned } from '../owned';
import { defineFunction, type TxContext } from '../runtime';
import { entriesOfYear, removeEntry as removeStored, statEntries } from './store';

async function removeEntry(input: z.output<typeof removeByIdSchema>, ctx: TxContext): Promise<{ id: string }> {
  const before = await loadOwned(ctx.tx, statEntries, input.id, staffOf(ctx).organId, '统计记录');
  await removeStored(ctx.tx, input.id);
  ctx.audit({ action: 'remove', target: input.id, before });
  return { id: input.id };
}

export const statsFunction = defineFunction('stats', statsContract, {
  create: { transaction: (input, ctx) => createOwned(ctx, statEntries, (stamp) => ({ ...input.entry, ...stamp })) },
  remove: { transaction: removeEntry },
  list: listOwnOfYear(entriesOfYear),
});
