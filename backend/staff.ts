/**
 * The staff collection: one record per person bound to an organ (by invitation or the setup code), with the role
 * the policy reads. Parsed where it is read; a record whose role is no longer a role reads as inactive.
 */
import * as z from 'zod';
import { ROLES, type StaffRole } from '../shared/policy';
import { COLLECTIONS } from './collections';
import type { Db, Store } from './sdk';
import { storedDate, typedCollection } from './typed-store';

export const storedStaffSchema = z
  .looseObject({
    _id: z.string(),
    organId: z.string(),
    openid: z.string().nullable().catch(null),
    role: z.string(),
    displayName: z.string().catch(''),
    active: z.boolean().catch(false),
    createdAt: storedDate.optional().catch(undefined),
    removedAt: storedDate.optional().catch(undefined),
  })
  .transform((s) => {
    const role = ROLES.find((r) => r === s.role);
    return role ? { ...s, role } : { ...s, role: 'editor' as StaffRole, active: false };
  });
export type StoredStaff = z.output<typeof storedStaffSchema>;

const staff = typedCollection(COLLECTIONS.staff, storedStaffSchema);

/** The active staff record of an OPENID (the caller's role comes from here only), or null. */
export async function activeStaffOfOpenid(db: Db, openid: string): Promise<StoredStaff | null> {
  const found = staff.parseAll(await staff.raw(db).where({ openid, active: true }).limit(1).get());
  return found.find((s) => s.active) ?? null;
}

/** The organ's active staff, in one role or all (a township has a handful; 1000 is the SDK's page limit). */
export async function activeStaffOf(store: Store, organId: string, role?: StaffRole): Promise<StoredStaff[]> {
  const where = role ? { organId, role, active: true } : { organId, active: true };
  return staff.parseAll(await staff.raw(store).where(where).limit(1000).get()).filter((s) => s.active);
}

/** One staff record by id, active or not, or null. */
export function staffById(store: Store, id: string): Promise<StoredStaff | null> {
  return staff.get(store, id);
}

/** A new staff member (bound by a code); the id. */
export function addStaffRecord(
  tx: Store,
  record: {
    organId: string;
    openid: string | null;
    role: StaffRole;
    displayName: string;
    active: true;
    createdAt: Date;
  },
): Promise<string> {
  return staff.add(tx, record);
}

/** Removes a member from the organ (the record stays, inactive, for the audit trail). */
export async function deactivateStaff(tx: Store, id: string, now: Date): Promise<void> {
  await staff.raw(tx).doc(id).update({ active: false, removedAt: now });
}
