/** The staff roles and their labels: what both the role table (index.ts) and the step rules (rules.ts) name. */
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
