/**
 * Who is calling, resolved in one place: the OPENID comes from the platform (production: the request context;
 * locally: the development login token), the role from the stored staff record — never from the event.
 */
import type { Role, StaffRole } from '../shared/policy';
import { forbidden } from './errors';
import type { Db } from './sdk';
import { activeStaffOfOpenid } from './staff';

export interface StaffRecord {
  _id: string;
  organId: string;
  openid: string;
  role: StaffRole;
  displayName: string;
  active: boolean;
}

export interface Caller {
  openid: string | null;
  role: Role;
  staff: StaffRecord | null;
  /** The network address of a caller without an OPENID, where the platform tells it (the local server). */
  client?: string | null;
}

export async function resolveCaller(db: Db, openid: string | null, client: string | null = null): Promise<Caller> {
  if (!openid) return { openid: null, role: 'citizen', staff: null, client };
  const found = await activeStaffOfOpenid(db, openid);
  const staff: StaffRecord | null = found
    ? {
        _id: found._id,
        organId: found.organId,
        openid,
        role: found.role,
        displayName: found.displayName,
        active: true,
      }
    : null;
  return { openid, role: staff ? staff.role : 'citizen', staff, client };
}

/** The caller's staff record; FORBIDDEN for anyone else (the policy table already let only staff roles in). */
export function staffOf(ctx: { caller: Caller }): StaffRecord {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s;
}

/** A staff member as the approval chain knows an approver. */
export const approverOf = (s: StaffRecord) => ({ staffId: s._id, role: s.role });
