/**
 * `track`: the applicant follows a request with the 查询码 (or the printed 申请编号) and the last 4 digits of the
 * phone given in it — no login needed. Guessing is rate limited with a collection of attempts (functions keep
 * no memory between calls):
 * - every lookup first records an attempt under two keys, the caller (its OPENID, hashed; all callers without
 *   one share a key) and the target (the code or the organ + 申请编号, hashed);
 * - if either key has more than TRACK_LIMIT.failures attempts within TRACK_LIMIT.windowMs, RATE_LIMITED;
 * - a successful lookup deletes its own attempts, so only failures (and refused attempts) count.
 * Recording before counting bounds concurrent guessing too: of N parallel attempts at most `failures` see a
 * count within the limit. The target key stops guessing the 4 phone digits of one request from many OPENIDs
 * (at the price that a flood can hold up that request's tracking for 10 minutes; the owner still has `mine`).
 * Every miss — unknown code, wrong digits, unknown number — answers the same NOT_FOUND message.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { TrackAnswer, trackRequestSchema } from '../../shared/api/requests';
import { normalizeQueryCode, phoneLast4, verifyTracking } from '../../shared/requests';
import { COLLECTIONS } from '../collections';
import { AppError } from '../errors';
import type { HandlerContext } from '../runtime';
import { num } from '../sdk';
import { shanghaiDate } from '../time';
import { calendarFor, findByApplicationNo, findByQueryCodeHash, hashQueryCode, type StoredRequest } from './store';
import { noticeSettingsFor } from './transition';
import { applicantAnswer, publicAnswer } from './views';

export const TRACK_LIMIT = { failures: 5, windowMs: 10 * 60_000 } as const;

export const TRACK_MISS = '未找到该申请：请核对查询码（或申请编号）和手机号后四位';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

type TrackInput = z.output<typeof trackRequestSchema>;

function keysOf(input: TrackInput, openid: string | null): string[] {
  const caller = openid ? `caller:${digest(`openid\n${openid}`)}` : 'caller:anonymous';
  const target = input.queryCode
    ? `target:${digest(`code\n${normalizeQueryCode(input.queryCode)}`)}`
    : `target:${digest(`no\n${input.organId ?? ''}\n${(input.applicationNo ?? '').toUpperCase()}`)}`;
  return [caller, target];
}

/** Records the attempt, then refuses when a key is over the limit. Returns the attempt ids. */
async function claimAttempt(ctx: HandlerContext, keys: string[]): Promise<string[]> {
  const col = ctx.db.collection(COLLECTIONS.trackAttempts);
  const _ = ctx.db.command;
  const since = new Date(ctx.now.getTime() - TRACK_LIMIT.windowMs);
  const ids: string[] = [];
  for (const key of keys) ids.push(String((await col.add({ key, at: ctx.now })).id));
  let limited = false;
  for (const key of keys) {
    const recent = num(await col.where({ key, at: _.gt(since) }).count(), 'total');
    if (recent > TRACK_LIMIT.failures) limited = true;
    await col.where({ key, at: _.lte(since) }).remove(); // expired attempts of this key
  }
  if (limited) throw new AppError('RATE_LIMITED', `查询失败次数过多，请 ${TRACK_LIMIT.windowMs / 60_000} 分钟后再试`);
  return ids;
}

async function releaseAttempt(ctx: HandlerContext, ids: string[]): Promise<void> {
  const col = ctx.db.collection(COLLECTIONS.trackAttempts);
  for (const id of ids) await col.doc(id).remove();
}

function sameDigits(a: string, b: string): boolean {
  const x = Buffer.from(a.padEnd(4, '\0').slice(0, 4));
  const y = Buffer.from(b.padEnd(4, '\0').slice(0, 4));
  return timingSafeEqual(x, y) && a.length === b.length;
}

function phoneOf(stored: StoredRequest): string {
  return stored.request.applicant.phone;
}

async function byCode(ctx: HandlerContext, code: string, last4: string): Promise<StoredRequest | null> {
  const stored = await findByQueryCodeHash(ctx.db, hashQueryCode(code));
  if (!stored) return null;
  // The stored hash matched the code typed: verifyTracking checks its length and the phone digits.
  return verifyTracking(
    { queryCode: normalizeQueryCode(code), phone: phoneOf(stored) },
    { queryCode: code, phoneLast4: last4 },
  )
    ? stored
    : null;
}

async function byNumber(
  ctx: HandlerContext,
  organId: string,
  applicationNo: string,
  last4: string,
): Promise<StoredRequest | null> {
  const stored = await findByApplicationNo(ctx.db, organId, applicationNo.toUpperCase());
  if (!stored) return null;
  return sameDigits(phoneLast4(phoneOf(stored)), last4) ? stored : null;
}

export async function track(input: TrackInput, ctx: HandlerContext): Promise<TrackAnswer> {
  const ids = await claimAttempt(ctx, keysOf(input, ctx.caller.openid));
  const stored = input.queryCode
    ? await byCode(ctx, input.queryCode, input.phoneLast4)
    : await byNumber(ctx, input.organId ?? '', input.applicationNo ?? '', input.phoneLast4);
  if (!stored) throw new AppError('NOT_FOUND', TRACK_MISS);
  await releaseAttempt(ctx, ids);
  const calendar = await calendarFor(ctx.db, stored.organId);
  const today = shanghaiDate(ctx.now);
  return input.queryCode
    ? {
        view: 'applicant',
        ...applicantAnswer(stored, calendar, today, await noticeSettingsFor(ctx.db, stored.organId)),
      }
    : { view: 'public', ...publicAnswer(stored, calendar, today) };
}
