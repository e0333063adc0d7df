/**
 * Who the county caller is and what it may reach: the caller's organ must be set up as a county, and an organ is
 * reachable only when its parent is that county — any other organ reads as absent (NOT_FOUND), as the organ scope
 * does for records (shared/policy sameOrgan).
 */
import { staffOf, type Caller, type StaffRecord } from '../caller';
import { forbidden, notFound } from '../errors';
import { findOrgan, organOf, type StoredOrgan } from '../organs';
import type { Store } from '../sdk';

export interface CountyScope {
  staff: StaffRecord;
  county: StoredOrgan;
}

export async function countyScope(ctx: { caller: Caller }, store: Store): Promise<CountyScope> {
  const staff = staffOf(ctx);
  const county = await organOf(store, staff.organId);
  if (county.level !== 'county') throw forbidden('本机关不是县级机关，不能查看下辖机关');
  return { staff, county };
}

/** An organ under the county, or NOT_FOUND (another county's organ looks absent, not forbidden). */
export async function organUnder(store: Store, county: StoredOrgan, organId: string): Promise<StoredOrgan> {
  const organ = await findOrgan(store, organId);
  if (!organ || organ.parentId !== county._id) throw notFound('机关');
  return organ;
}
