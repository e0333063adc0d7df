/**
 * The subscribe-message queue shared by every sender of 订阅消息 (applicants' request progress, staff reminders).
 * A WeChat one-time subscription allows ONE message per accept: each accept is stored as a grant and used up by
 * one message. The message is recorded in `notifications` inside the transaction of the change it tells of — it
 * exists exactly when the change committed, and survives a crash before it is sent — and is sent after the commit
 * (outbox.ts, through `sendAfterCommit`).
 */
import type { SubscribePurpose } from '../../shared/api/organ';
import * as z from 'zod';
import { COLLECTIONS } from '../collections';
import type { TxContext } from '../runtime';
import type { Store } from '../sdk';
import { storedDate, typedCollection } from '../typed-store';
import { dispatchNotices } from './outbox';

export type { Store };

/** The four values every message carries; the organ's template keys for them come from its profile. */
export interface NoticeData {
  /** The first value: the 申请编号 (applicants' messages store it as `applicationNo`), an item's title, a report's year. */
  title?: string;
  applicationNo?: string;
  status: string;
  date: string;
  note: string;
}

export interface OutgoingNotice {
  toOpenid: string;
  templateId: string;
  /** The mini program page the message opens. */
  page: string;
  data: NoticeData;
  organId: string;
  /** Whose template keys map the data (none: the applicant's progress, `noticeFields`). */
  purpose?: SubscribePurpose;
  createdAt: Date;
  /** What the message is about, kept for the developer and the tests (requestId, itemId, action…). */
  [ref: string]: unknown;
}

/**
 * Queues the message (state 'pending') in the change's transaction, under `id` when given (a message that must
 * exist at most once, e.g. one reminder per request and day), else under a new id.
 */
export async function deliver(record: OutgoingNotice, store: Store, id?: string): Promise<string> {
  const queued = { ...record, state: 'pending', attempts: 0 };
  if (id !== undefined) {
    await store.collection(COLLECTIONS.notifications).doc(id).set(queued);
    return id;
  }
  const added = await store.collection(COLLECTIONS.notifications).add(queued);
  return String(added.id);
}

/** One accepted subscription (an applicant's for a request, a staff member's for a purpose), used by one message. */
const grantSchema = z.looseObject({
  _id: z.string(),
  openid: z.string(),
  templateId: z.string().catch(''),
  used: z.boolean(),
  grantedAt: storedDate.optional().catch(undefined),
});
export type StoredGrant = z.output<typeof grantSchema>;

export const GRANTS = {
  notice: typedCollection(COLLECTIONS.noticeGrants, grantSchema),
  reminder: typedCollection(COLLECTIONS.reminderGrants, grantSchema),
};

/** A new grant; its id. */
export function addGrant(store: Store, kind: keyof typeof GRANTS, grant: Omit<StoredGrant, '_id'>): Promise<string> {
  return GRANTS[kind].add(store, grant);
}

/** The unused grants matching `where` (a person holds a handful; 1000 is the SDK's page limit). */
export async function unusedGrants(
  store: Store,
  kind: keyof typeof GRANTS,
  where: Record<string, unknown>,
): Promise<StoredGrant[]> {
  const grants = GRANTS[kind];
  return grants.parseAll(
    await grants
      .raw(store)
      .where({ ...where, used: false })
      .limit(1000)
      .get(),
  );
}

/**
 * In a transaction: marks the oldest unused grant matching `where` used and returns it; null when there is none
 * (nobody accepted a message, so none is sent). Two changes racing for one grant conflict and one re-runs.
 */
export async function useGrant(
  tx: Store,
  kind: keyof typeof GRANTS,
  where: Record<string, unknown>,
  now: Date,
): Promise<StoredGrant | null> {
  const grants = GRANTS[kind];
  const found = grants.parseAll(
    await grants
      .raw(tx)
      .where({ ...where, used: false })
      .limit(100)
      .get(),
  );
  const grant = found.sort((a, b) => timeOf(a.grantedAt) - timeOf(b.grantedAt))[0];
  if (!grant) return null;
  await grants.raw(tx).doc(grant._id).update({ used: true, usedAt: now });
  return grant;
}

/** Sends the queued messages once the transaction committed (never for a rolled-back or replayed change). */
export function sendAfterCommit(ctx: Pick<TxContext, 'afterCommit' | 'now'>, ids: readonly string[]): void {
  if (ids.length === 0) return;
  ctx.afterCommit(async (db, services) => void (await dispatchNotices(db, services, ctx.now, ids)));
}

function timeOf(value: Date | undefined): number {
  return value ? value.getTime() : 0;
}
