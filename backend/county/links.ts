/**
 * `organ.joinCounty`: an organ already on the product goes under the county that gave its admin a one-time code
 * (county.inviteOrgan). The code is stored only as a SHA-256, serves once and expires; a wrong one counts against
 * the caller's LIMITS.bind as an invitation code does. An organ joins one county, once; a county joins none.
 */
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { conflict } from '../errors';
import { COUNTY_LINKS } from '../one-time-codes';
import { redeemCode } from '../redeem-code';
import { findOrgan, organOf } from '../organs';
import type { TxContext } from '../runtime';
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
  // The code must still point at a county (an organ set up as one).
  const { accepted: county } = await redeemCode(ctx, COUNTY_LINKS, code, staff.organId, async (link) => {
    const found = await findOrgan(ctx.tx, link.countyId);
    return found?.level === 'county' ? found : null;
  });
  const organ = await organOf(ctx.tx, staff.organId);
  if (organ.level === 'county' || organ._id === county._id) throw conflict('县级机关不能加入县级机关');
  if (organ.parentId) throw conflict('本机关已属于一个县级机关');
  await ctx.tx.collection(COLLECTIONS.organs).doc(organ._id).update({ parentId: county._id });
  const joined = { ...organ, parentId: county._id };
  await takeOverTwin(ctx, joined, county._id);
  // What the organ published before it joined is on the county's dashboard from now (its newest version per year).
  for (const summary of await listLatestPublished(ctx.db, organ._id))
    await followPublished(ctx.tx, joined, await loadPublished(ctx.db, summary.id), ctx.now);
  ctx.audit({ action: 'joinCounty', target: organ._id, before: { parentId: null }, after: { parentId: county._id } });
  return { countyId: county._id, county: county.name };
}
