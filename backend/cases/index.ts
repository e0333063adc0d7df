/**
 * The `cases` function: 复议/诉讼 cases (table 四) of an organ. Every write is transactional: the write, its audit
 * entry and (with an idempotencyKey) the stored answer commit together, so a double tap or a retry after a lost answer
 * makes one case, and a refused write leaves nothing behind.
 */
import type { z } from 'zod';
import { casesContract } from '../../shared/api/contracts/records';
import type { closeCaseSchema } from '../../shared/api/records';
import { staffOf } from '../caller';
import { AppError } from '../errors';
import { createOwned, listOwnOfYear, loadOwned } from '../owned';
import { defineFunction, type TxContext } from '../runtime';
import { cases, casesUpTo, closeCase as closeStored } from './store';

async function closeCase(input: z.output<typeof closeCaseSchema>, ctx: TxContext): Promise<{ id: string }> {
  const before = await loadOwned(ctx.tx, cases, input.id, staffOf(ctx).organId, '案件');
  if (input.closedDate < before.filedDate) {
    throw new AppError('VALIDATION', '审结日期不能早于立案日期', [
      { path: 'closedDate', message: '审结日期不能早于立案日期' },
    ]);
  }
  await closeStored(ctx.tx, input.id, input.result, input.closedDate);
  ctx.audit({
    action: 'close',
    target: input.id,
    before,
    after: { ...before, result: input.result, closedDate: input.closedDate },
  });
  return { id: input.id };
}

export const casesFunction = defineFunction('cases', casesContract, {
  create: { transaction: (input, ctx) => createOwned(ctx, cases, (stamp) => ({ ...input.case, ...stamp })) },
  close: { transaction: closeCase },
  list: listOwnOfYear(casesUpTo),
});
