/** What every database action receives and returns. */
import { randomBytes } from 'node:crypto';
import { DbError } from '../db/errors';
import type { TxManager } from '../db/transactions';
import { Workspace } from '../db/workspace';
import type { DocStore } from '../store/types';

export interface ActionContext {
  readonly store: DocStore;
  readonly txm: TxManager;
  /** This request's clock: every `db.serverDate()` in it resolves to the same instant. */
  readonly now: number;
  /** Collections whose documents are never updated or removed. */
  readonly appendOnly: ReadonlySet<string>;
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

/**
 * The workspace an update or removal writes in: the collection must exist and must not be append-only (the
 * audit log), whoever asks.
 */
export function mutableWorkspace(
  ctx: ActionContext,
  p: { collectionName: string; transactionId?: string | undefined },
): Workspace {
  const ws = workspaceFor(ctx, p.transactionId);
  ws.requireCollection(p.collectionName);
  assertMutable(ctx, p.collectionName);
  return ws;
}

/** Refuses any update or removal in an append-only collection (the audit log), whoever asks. */
function assertMutable(ctx: ActionContext, collection: string): void {
  if (ctx.appendOnly.has(collection))
    throw new DbError(
      'DATABASE_PERMISSION_DENIED',
      `${collection} is append-only: documents cannot be updated or removed`,
    );
}
