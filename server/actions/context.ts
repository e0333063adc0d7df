/** What every database action receives and returns. */
import { randomBytes } from 'node:crypto';
import type { TxManager } from '../db/transactions';
import { Workspace } from '../db/workspace';
import type { DocStore } from '../store/types';

export interface ActionContext {
  readonly store: DocStore;
  readonly txm: TxManager;
  /** This request's clock: every `db.serverDate()` in it resolves to the same instant. */
  readonly now: number;
}

/** Top-level reply fields other than `requestId` (usually `{ data: … }`). */
export type ActionReply = Record<string, unknown>;

export type Action = (body: Record<string, unknown>, ctx: ActionContext) => ActionReply;

/** The workspace for a request: inside the transaction when it names one. */
export function workspaceFor(ctx: ActionContext, transactionId: string | undefined): Workspace {
  return new Workspace(ctx.store, ctx.txm, transactionId ? ctx.txm.get(transactionId) : null);
}

/** A new `_id` shaped like CloudBase's: 32 hex digits, time-prefixed so ids roughly sort by creation. */
export function newDocId(): string {
  const seconds = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(12).toString('hex');
}
