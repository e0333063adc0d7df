/**
 * Who may call an action: the roles and how access is written in a contract (shared/api). The role always comes
 * from the stored staff record of the caller's OPENID, never from the client. `public` needs no login at all (a
 * page shared to 朋友圈 opens without one); `signedIn` needs a WeChat identity (OPENID) but no role.
 * Kept apart from the derived table (index.ts), which reads the contracts: the contracts import this file only.
 */
export const ROLES = ['editor', 'reviewer', 'leader', 'admin'] as const;
export type StaffRole = (typeof ROLES)[number];
export type Role = StaffRole | 'citizen';

export const ROLE_LABELS: Record<Role, string> = {
  editor: '发起人',
  reviewer: '分管领导',
  leader: '第一负责人',
  admin: '管理员',
  citizen: '公众',
};

export type Access = 'public' | 'signedIn' | readonly StaffRole[];

/** Any staff member of the organ (organ scope: a handler acts on the caller's own organ only). */
export const STAFF: readonly StaffRole[] = ROLES;

/** Who enters statistics and cases (表二, 表四): the stats and cases contracts' writes. */
export const RECORD_WRITERS: readonly StaffRole[] = ['editor', 'admin'];

/** Whether a caller with `role` (and an OPENID or not) may call an action with `access`; none given: refused. */
export function allows(access: Access | undefined, role: Role, signedIn: boolean): boolean {
  if (access === undefined) return false;
  if (access === 'public') return true;
  if (access === 'signedIn') return signedIn;
  return role !== 'citizen' && access.includes(role);
}
