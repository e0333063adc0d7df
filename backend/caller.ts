/**
 * Who is calling, resolved in one place: the OPENID comes from the platform (production: the request context;
 * locally: the development login token), the role from the stored staff record — never from the event.
 */
import type { Role, StaffRole } from '../shared/policy/roles';
import { COLLECTIONS } from './collections';
import { rows, type Db } from './sdk';

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

function isStaff(row: Record<string, unknown>): row is Record<string, unknown> & StaffRecord {
  return (
    typeof row._id === 'string' &&
    typeof row.organId === 'string' &&
    typeof row.role === 'string' &&
    row.active === true
  );
}

export async function resolveCaller(db: Db, openid: string | null, client: string | null = null): Promise<Caller> {
  if (!openid) return { openid: null, role: 'citizen', staff: null, client };
  const found = rows(await db.collection(COLLECTIONS.staff).where({ openid, active: true }).limit(1).get()).filter(
    isStaff,
  );
  const staff = found[0] ?? null;
  return { openid, role: staff ? staff.role : 'citizen', staff, client };
}
