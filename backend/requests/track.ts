/**
 * `track`: the applicant follows a request with the 查询码 (or the printed 申请编号) and the last 4 digits of the
 * phone given in it — no login needed. Guessing is rate limited (backend/limits.ts, attempts in the database):
 * - every lookup first records an attempt under two keys: the caller (its OPENID, or without one its network
 *   address — one stranger's misses never count against another caller) and the target (the code, or the organ +
 *   申请编号);
 * - the caller over LIMITS.trackCaller → RATE_LIMITED;
 * - the target over LIMITS.trackTarget → RATE_LIMITED, which stops many callers guessing one request's 4 phone
 *   digits — except for the applicant signed in with the OPENID that filed it, whom others' tries never lock out
 *   (a paper applicant who is locked out asks the office for a new code: reissueCode);
 * - a successful lookup deletes its own attempts, so only failures (and refused attempts) count; all attempts
 *   expire after their window.
 * Recording before counting bounds concurrent guessing too: of N parallel attempts at most `max` see a count
 * within the limit. Every miss — unknown code, wrong digits, unknown number — answers the same NOT_FOUND message.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { TrackAnswer, trackRequestSchema } from '../../shared/api/requests';
import { normalizeQueryCode, phoneLast4, verifyTracking } from '../../shared/requests';
import { AppError } from '../errors';
import { attemptsOf, callerKey, LIMITS, purgeExpired, rateLimited, recordAttempt, releaseAttempts } from '../limits';
import type { HandlerContext } from '../runtime';
import { shanghaiDate } from '../time';
import { calendarFor, findByApplicationNo, findByQueryCodeHash, hashQueryCode, type StoredRequest } from './store';
import { noticeSettingsFor } from './transition';
import { applicantAnswer, publicAnswer } from './views';

/** The per-caller limit, as the tests and the UI describe it. */
export const TRACK_LIMIT = { failures: LIMITS.trackCaller.max, windowMs: LIMITS.trackCaller.windowMs } as const;

export const TRACK_MISS = '未找到该申请：请核对查询码（或申请编号）和手机号后四位';

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

type TrackInput = z.output<typeof trackRequestSchema>;

function targetKey(input: TrackInput): string {
  return input.queryCode
    ? digest(`code\n${normalizeQueryCode(input.queryCode)}`)
    : digest(`no\n${input.organId ?? ''}\n${(input.applicationNo ?? '').toUpperCase()}`);
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
  const who = callerKey(ctx.caller);
  const target = targetKey(input);
  await purgeExpired(ctx.db, ctx.now);
  const ids = [
    await recordAttempt(ctx.db, LIMITS.trackCaller, who, ctx.now),
    await recordAttempt(ctx.db, LIMITS.trackTarget, target, ctx.now),
  ];
  if ((await attemptsOf(ctx.db, LIMITS.trackCaller, who, ctx.now)) > LIMITS.trackCaller.max)
    throw rateLimited(LIMITS.trackCaller);
  const stored = input.queryCode
    ? await byCode(ctx, input.queryCode, input.phoneLast4)
    : await byNumber(ctx, input.organId ?? '', input.applicationNo ?? '', input.phoneLast4);
  const owner = stored !== null && ctx.caller.openid !== null && stored.ownerOpenid === ctx.caller.openid;
  if (!owner && (await attemptsOf(ctx.db, LIMITS.trackTarget, target, ctx.now)) > LIMITS.trackTarget.max)
    throw rateLimited(LIMITS.trackTarget);
  if (!stored) throw new AppError('NOT_FOUND', TRACK_MISS);
  await releaseAttempts(ctx.db, ids);
  const calendar = await calendarFor(ctx.db, stored.organId);
  const today = shanghaiDate(ctx.now);
  return input.queryCode
    ? {
        view: 'applicant',
        ...applicantAnswer(stored, calendar, today, await noticeSettingsFor(ctx.db, stored.organId)),
      }
    : { view: 'public', ...publicAnswer(stored, calendar, today) };
}
