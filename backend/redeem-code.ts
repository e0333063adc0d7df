/**
 * The use of a one-time code of any kind (one-time-codes.ts): the caller's LIMITS.bind, the look-up by hash, used or
 * expired or not of its kind, and marking it used — in the action's transaction, so of two people typing one code at
 * the same moment only one gets it (the other's transaction conflicts on the code, runs again and finds it used).
 */
import { hashCode } from './codes';
import { AppError } from './errors';
import { callerKey, checkLimit, LIMITS, recordAttempt } from './limits';
import type { CodeKind } from './one-time-codes';
import type { TxContext } from './runtime';
import { one } from './sdk';

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
  const codes = ctx.tx.collection(kind.collection);
  const key = hashCode(typed);
  const parsed = kind.schema.safeParse(one(await codes.doc(key).get()));
  const code = parsed.success && parsed.data.used !== true && kind.until(parsed.data) > ctx.now.getTime();
  const accepted = !code ? null : accept ? await accept(parsed.data) : (true as A);
  if (!parsed.success || !code || accepted === null) {
    await recordAttempt(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
    throw invalidCode(kind.label);
  }
  const use = { used: true, usedBy, usedAt: ctx.now };
  await codes.doc(key).update(use);
  const audit = kind.audit?.(parsed.data);
  if (audit) ctx.audit({ ...audit, target: key, before: parsed.data, after: { ...parsed.data, ...use } });
  return { code: parsed.data, accepted };
}
