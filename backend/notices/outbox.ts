/**
 * Sending the queued subscribe messages (`notifications`, queued by queue.ts `deliver` in the transaction of the
 * change they tell of: an applicant's request progress, a staff reminder). Each message is claimed by a conditional update (pending → sending) so two senders never send it
 * twice; the platform's answer moves it to sent, back to pending for a retry (up to MAX_ATTEMPTS), or to failed
 * (a permanent refusal, or too many tries). Sent right after the change commits, and again by the daily sweep for
 * anything left pending or stuck in sending (a crash between claim and answer: sent at least once, rarely twice).
 */
import {
  DEFAULT_NOTICE_FIELDS,
  DEFAULT_REMINDER_FIELDS,
  noticeFieldsSchema,
  SUBSCRIBE_PURPOSES,
  type NoticeFields,
} from '../../shared/api/subscribe';
import { chineseDate } from '../../shared/requests/letters/fill';
import * as z from 'zod';
import { COLLECTIONS } from '../collections';
import { findOrgan, type StoredOrgan } from '../organs';
import type { Services } from '../runtime';
import { num, type Db, type Store } from '../sdk';
import { PERMANENT_ERRCODES, type SubscribeMessage } from '../subscribe';
import { storedDate, typedCollection } from '../typed-store';

/** A queued message (queue.ts `deliver`) as this outbox reads it; its refs (requestId, itemId…) are kept. */
const notificationSchema = z.looseObject({
  _id: z.string(),
  toOpenid: z.string(),
  templateId: z.string(),
  page: z.string(),
  data: z.record(z.string(), z.unknown()).catch({}).default({}),
  organId: z.string(),
  purpose: z.string().optional(),
  state: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int().nonnegative().catch(0).default(0),
  createdAt: storedDate.optional().catch(undefined),
  claimedAt: storedDate.optional().catch(undefined),
});
export type StoredNotice = z.output<typeof notificationSchema>;
const notifications = typedCollection(COLLECTIONS.notifications, notificationSchema);

/** The queued message with that id, in any state, or null. */
export function findNotice(store: Store, id: string): Promise<StoredNotice | null> {
  return notifications.get(store, id);
}

export const MAX_ATTEMPTS = 3;
/** A claim older than this is taken to have died with its function instance. */
export const STALE_CLAIM_MS = 10 * 60 * 1000;

/** WeChat's limits per value kind (the key's prefix): over-long values are refused with 47003. */
const LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  name: 10,
};

function fit(key: string, value: string): string {
  const kind = key.replace(/\d+$/, '');
  if (kind === 'date') return chineseDate(value);
  // character_string takes letters, digits and symbols only.
  const text = kind === 'character_string' ? value.replace(/[^\x20-\x7e]/g, '') : value;
  const limit = LIMITS[kind];
  if (limit === undefined || [...text].length <= limit) return text;
  // A thing is free text: show it was cut. Other kinds take only their own characters: cut short.
  return kind === 'thing' ? `${[...text].slice(0, limit - 1).join('')}…` : [...text].slice(0, limit).join('');
}

/**
 * The organ's template keys for a message of `purpose` (none: the applicant's progress, requestAnswered): its
 * `templateFields[purpose]`; else its `noticeFields` for the applicant's progress; else the default keys (a staff
 * reminder's: a thing key first, for its Chinese title).
 */
export function noticeFieldsOf(
  organ: Pick<StoredOrgan, 'noticeFields' | 'templateFields'> | null,
  purpose?: unknown,
): NoticeFields {
  const known = purpose === undefined ? 'requestAnswered' : SUBSCRIBE_PURPOSES.find((p) => p === purpose);
  const perPurpose = known ? noticeFieldsSchema.safeParse(templateFieldsFor(organ?.templateFields, known)) : null;
  if (perPurpose?.success) return perPurpose.data;
  if (known !== undefined && known !== 'requestAnswered') return DEFAULT_REMINDER_FIELDS;
  const parsed = noticeFieldsSchema.safeParse(organ?.noticeFields);
  return parsed.success ? parsed.data : DEFAULT_NOTICE_FIELDS;
}

/** The organ's template keys for one purpose, from its stored `templateFields` (checked by the caller). */
function templateFieldsFor(templateFields: unknown, purpose: string): unknown {
  return typeof templateFields === 'object' && templateFields !== null
    ? (templateFields as Record<string, unknown>)[purpose]
    : undefined;
}

/** The first value is stored as `applicationNo` by applicants' messages and as `title` by staff reminders. */
function valueOf(data: Record<string, unknown>, name: keyof NoticeFields): string {
  const value = data[name] ?? (name === 'applicationNo' ? data.title : undefined);
  return typeof value === 'string' ? value : '';
}

/** A queued message as subscribeMessage.send takes it, its values mapped to the organ's template keys. */
export function toSubscribeMessage(
  row: Pick<StoredNotice, 'toOpenid' | 'templateId' | 'page' | 'data'>,
  fields: NoticeFields,
): SubscribeMessage {
  const data = row.data;
  const entries = (Object.keys(fields) as (keyof NoticeFields)[]).map((name) => {
    const key = fields[name];
    return [key, { value: fit(key, valueOf(data, name)) }] as const;
  });
  return {
    touser: row.toOpenid,
    template_id: row.templateId,
    page: row.page,
    data: Object.fromEntries(entries),
    miniprogram_state: 'formal',
    lang: 'zh_CN',
  };
}

/** Sends one queued message if this caller wins its claim; returns its state afterwards (null: someone else's). */
async function sendOne(db: Db, services: Services, row: StoredNotice, now: Date): Promise<string | null> {
  const sender = services.subscribe;
  if (!sender) return null;
  const col = notifications.raw(db);
  const id = row._id;
  const attempts = row.attempts;
  const claimed = num(
    await col.where({ _id: id, state: row.state, attempts }).update({ state: 'sending', claimedAt: now }),
    'updated',
  );
  if (claimed === 0) return null;
  const organ = await findOrgan(db, row.organId);
  let result;
  try {
    result = await sender(toSubscribeMessage(row, noticeFieldsOf(organ, row.purpose)));
  } catch (e) {
    result = { ok: false as const, errcode: -1, errmsg: e instanceof Error ? e.name : 'error' };
  }
  const tries = attempts + 1;
  if (result.ok) {
    await col.doc(id).update({ state: 'sent', sentAt: now, attempts: tries });
    return 'sent';
  }
  const state = PERMANENT_ERRCODES.has(result.errcode) || tries >= MAX_ATTEMPTS ? 'failed' : 'pending';
  await col.doc(id).update({
    state,
    attempts: tries,
    lastError: { errcode: result.errcode, errmsg: result.errmsg.slice(0, 200), at: now },
  });
  services.log(`subscribe message ${id} not sent: errcode ${result.errcode}`);
  return state;
}

export interface DispatchSummary {
  sent: number;
  pending: number;
  failed: number;
}

/**
 * Sends the given queued messages, or (no ids) every one left pending and every claim gone stale. Without a
 * sender nothing moves: the messages wait for a deployment that has one.
 */
export async function dispatchNotices(
  db: Db,
  services: Services,
  now: Date,
  ids?: readonly string[],
): Promise<DispatchSummary> {
  const summary: DispatchSummary = { sent: 0, pending: 0, failed: 0 };
  if (!services.subscribe) return summary;
  const _ = db.command;
  let queued: StoredNotice[];
  if (ids) {
    queued = (await Promise.all(ids.map((id) => notifications.get(db, id)))).filter(
      (r): r is StoredNotice => r !== null && r.state === 'pending',
    );
  } else {
    const stale = new Date(now.getTime() - STALE_CLAIM_MS);
    queued = notifications.parseAll(
      await notifications
        .raw(db)
        .where(_.or([{ state: 'pending' }, { state: 'sending', claimedAt: _.lt(stale) }]))
        .orderBy('createdAt', 'asc')
        .limit(100)
        .get(),
    );
  }
  for (const row of queued) {
    const state = await sendOne(db, services, row, now);
    if (state === 'sent') summary.sent += 1;
    else if (state === 'pending') summary.pending += 1;
    else if (state === 'failed') summary.failed += 1;
  }
  return summary;
}
