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
import { listLatestPublished, loadPublished } from '../reports/store';
import { copyRow, findRow, followPublished, organsUnder, rowsOfOrgan } from './rows';
import { matchOrgan } from '../../shared/county/match';
import type { StoredOrgan } from '../organs';

/**
 * The county may have added the organ before it came on the product (its reports pasted in): that twin, matched by
 * name, leaves the county's list, and its rows become the joining organ's where it has none of that year — one row
 * per organ on the dashboard, the pasted history kept.
 */
async function takeOverTwin(ctx: TxContext, organ: StoredOrgan, countyId: string): Promise<void> {
  const others = (await organsUnder(ctx.db, countyId)).filter((o) => o.offProduct === true && o._id !== organ._id);
  const match = matchOrgan(
    organ.name,
    others.map((o) => ({ id: o._id, name: o.name, aliases: o.aliases ?? [] })),
  );
  if (!match) return;
  for (const row of await rowsOfOrgan(ctx.db, match.id))
    if (!(await findRow(ctx.tx, organ._id, row.year))) await copyRow(ctx.tx, row, organ, ctx.now);
  await ctx.tx.collection(COLLECTIONS.organs).doc(match.id).update({ parentId: null, mergedInto: organ._id });
  ctx.audit({ action: 'mergeOrgan', target: match.id, after: { mergedInto: organ._id } });
}

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
  const joined = { ...organ, parentId: county._id };
  await takeOverTwin(ctx, joined, county._id);
  // What the organ published before it joined is on the county's dashboard from now (its newest version per year).
  for (const summary of await listLatestPublished(ctx.db, organ._id))
    await followPublished(ctx.tx, joined, await loadPublished(ctx.db, summary.id), ctx.now);
  ctx.audit({ action: 'joinCounty', target: organ._id, before: { parentId: null }, after: { parentId: county._id } });
  return { countyId: county._id, county: county.name };
}
