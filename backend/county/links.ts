/**
 * `organ.joinCounty`: an organ already on the product goes under the county that gave its admin a one-time code
 * (county.inviteOrgan). The code is stored only as a SHA-256, serves once and expires; a wrong one counts against
 * the caller's LIMITS.bind as an invitation code does. An organ joins one county, once; a county joins none.
 */
import { hashCode } from '../codes';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { AppError, conflict } from '../errors';
import { callerKey, checkLimit, LIMITS, recordAttempt } from '../limits';
import { findOrgan, organOf } from '../organs';
import type { TxContext } from '../runtime';
import { one } from '../sdk';

export async function joinCounty(
  ctx: TxContext,
  staff: StaffRecord,
  code: string,
): Promise<{ countyId: string; county: string }> {
  await checkLimit(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
  const links = ctx.tx.collection(COLLECTIONS.countyLinks);
  const key = hashCode(code);
  const link = one(await links.doc(key).get());
  const live =
    link !== null &&
    link.used !== true &&
    typeof link.countyId === 'string' &&
    link.expiresAt instanceof Date &&
    link.expiresAt.getTime() >= ctx.now.getTime();
  const county = live && typeof link.countyId === 'string' ? await findOrgan(ctx.tx, link.countyId) : null;
  if (!county || county.level !== 'county') {
    await recordAttempt(ctx.db, LIMITS.bind, callerKey(ctx.caller), ctx.now);
    const message = '加入码无效、已使用或已过期';
    throw new AppError('VALIDATION', message, [{ path: 'code', message }]);
  }
  const organ = await organOf(ctx.tx, staff.organId);
  if (organ.level === 'county' || organ._id === county._id) throw conflict('县级机关不能加入县级机关');
  if (organ.parentId) throw conflict('本机关已属于一个县级机关');
  await links.doc(key).update({ used: true, usedBy: organ._id, usedAt: ctx.now });
  await ctx.tx.collection(COLLECTIONS.organs).doc(organ._id).update({ parentId: county._id });
  ctx.audit({ action: 'joinCounty', target: organ._id, before: { parentId: null }, after: { parentId: county._id } });
  return { countyId: county._id, county: county.name };
}
