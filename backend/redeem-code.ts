/**
 * The use of a one-time code of any kind (one-time-codes.ts): the caller's LIMITS.bind, the look-up by hash, used or
 * expired or not of its kind, and marking it used — in the action's transaction, so of two people typing one code at
 * the same moment only one gets it (the other's transaction conflicts on the code, runs again and finds it used).
 */
import { hashCode } from './codes';
import { AppError } from './errors';
import { callerKey, checkLimit, LIMITS, recordAttempt } from './limits';
import { findCode, markUsed, type CodeKind } from './one-time-codes';
import type { TxContext } from './runtime';

/** The refusal of a code that is unknown, used, expired or not of the kind asked for: one message for all. */
function invalidCode(label: string): AppError {
  const message = `${label}无效、已使用或已过期`;
  return new AppError('VALIDATION', message, [{ path: 'code', message }]);
}

/**
 * Uses the code `typed` of `kind` for the caller, inside the action's transaction, and answers its record (as it
 * was before this use). `accept` may refuse a code that is live but no longer points anywhere (a county link whose
 * county is not a county): it is then refused as any wrong code. A wrong code counts against the caller's
 * LIMITS.bind — recorded outside the transaction (through ctx.db), since the refusal rolls the transaction back.
 * `usedBy` is who used it (an OPENID; the organ that joined, for a county link).
 */
export async function redeemCode<C extends { _id: string; used?: boolean | undefined }, A = true>(
  ctx: TxContext,
  kind: CodeKind<C>,
  typed: string,
  usedBy: string | null,
  accept?: (code: C) => Promise<A | null>,
): Promise<{ code: C; accepted: A }> {
  await checkLimit(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
  const key = hashCode(typed);
  const found = await findCode(ctx.tx, kind, key);
  const live = found !== null && found.used !== true && kind.until(found) > ctx.now.getTime() ? found : null;
  const accepted = live === null ? null : accept ? await accept(live) : (true as A);
  if (live === null || accepted === null) {
    await recordAttempt(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
    throw invalidCode(kind.label);
  }
  const use = { used: true as const, usedBy, usedAt: ctx.now };
  await markUsed(ctx.tx, kind, key, use);
  const audit = kind.audit?.(live);
  if (audit) ctx.audit({ ...audit, target: key, before: live, after: { ...live, ...use } });
  return { code: live, accepted };
}
