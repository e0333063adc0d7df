/** database.startTransaction / commitTransaction / abortTransaction (design: see db/transactions.ts). */
import { z } from 'zod';
import type { Action } from './context';
import { parseParams } from './params';

const schema = z.object({ transactionId: z.string().min(1) });

// The SDK reads transactionId at the top level of the reply, not under data.
export const startTransaction: Action = (_body, ctx) => ({ transactionId: ctx.txm.begin().id });

export const commitTransaction: Action = (body, ctx) => {
  ctx.txm.commit(parseParams(schema, body).transactionId);
  return {};
};

export const abortTransaction: Action = (body, ctx) => {
  ctx.txm.abort(parseParams(schema, body).transactionId);
  return {};
};
