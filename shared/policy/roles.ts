/**
 * Who may call an action: the roles and how access is written in a contract (shared/api). The role always comes
 * from the stored staff record of the caller's OPENID, never from the client. `public` needs no login at all (a
 * page shared to 朋友圈 opens without one); `signedIn` needs a WeChat identity (OPENID) but no role.
 * Kept apart from the derived table (index.ts), which reads the contracts: the contracts import this file only.
 */
/** The roles of an organ's own staff: they act on their own organ's records only. */
export const ORGAN_ROLES = ['editor', 'reviewer', 'leader', 'admin'] as const;
/**
 * Every staff role. `county` is the county's 政务公开 office (staff of the county's organ, invited by its admin, in an
 * organ set up as a county): it sees the reports, findings and counts of the organs under its county — never an
 * applicant's personal data, never another county's organs — and acts only through the `county` function.
 */
export const ROLES = [...ORGAN_ROLES, 'county'] as const;
export type StaffRole = (typeof ROLES)[number];
export type OrganRole = (typeof ORGAN_ROLES)[number];
export type Role = StaffRole | 'citizen';

export const ROLE_LABELS: Record<Role, string> = {
  editor: '发起人',
  reviewer: '分管领导',
  leader: '第一负责人',
  admin: '管理员',
  county: '县级审核员',
  citizen: '公众',
};

export type Access = 'public' | 'signedIn' | readonly StaffRole[];

/**
 * Any staff member of the organ (organ scope: a handler acts on the caller's own organ only). Not the county role:
 * it reads no organ's records (requests, items in the works), only the reports of the organs under it.
 */
export const STAFF: readonly StaffRole[] = ORGAN_ROLES;

/** The county role: the `county` function's actions (scope: the organs whose parent is the caller's organ). */
export const COUNTY: readonly StaffRole[] = ['county'];

/** Who enters statistics and cases (表二, 表四): the stats and cases contracts' writes. */
export const RECORD_WRITERS: readonly StaffRole[] = ['editor', 'admin'];

/** Whether a caller with `role` (and an OPENID or not) may call an action with `access`; none given: refused. */
export function allows(access: Access | undefined, role: Role, signedIn: boolean): boolean {
  if (access === undefined) return false;
  if (access === 'public') return true;
  if (access === 'signedIn') return signedIn;
  return role !== 'citizen' && access.includes(role);
}
