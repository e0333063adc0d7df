/**
 * Who may do what, as one table: function → action → the roles allowed. The role always comes from the stored
 * staff record of the caller's OPENID, never from the client. `public` needs no login at all (a page shared to
 * 朋友圈 opens without one); `signedIn` needs a WeChat identity (OPENID) but no role.
 * Step rules (reviewer approves step 1, leader step 2) are checked by the items handlers against the chain.
 */
import { ROLES, type Role, type StaffRole } from './roles';

export { ROLES, ROLE_LABELS, type Role, type StaffRole } from './roles';

export type Access = 'public' | 'signedIn' | readonly StaffRole[];

const STAFF = ROLES;

export const POLICY = {
  organ: {
    setup: 'signedIn',
    bind: 'signedIn',
    me: 'public',
    getProfile: 'public',
    updateProfile: ['admin'],
    invite: ['admin'],
    listStaff: ['admin'],
    removeStaff: ['admin'],
    settings: ['admin'],
    grantReminder: STAFF,
    reminders: STAFF,
  },
  items: {
    list: 'public',
    get: 'public',
    create: ['editor'],
    update: ['editor'],
    submit: ['editor'],
    approve: ['reviewer', 'leader'],
    reject: ['reviewer', 'leader'],
    withdraw: ['leader', 'admin'],
    correct: ['editor'],
    history: STAFF,
  },
  stats: { create: ['editor', 'admin'], remove: ['editor', 'admin'], list: STAFF },
  cases: { create: ['editor', 'admin'], close: ['editor', 'admin'], list: STAFF },
  reports: {
    listPublished: 'public',
    getPublished: 'public',
    build: STAFF,
    status: STAFF,
    cellRecords: STAFF,
    exportHtml: STAFF,
    check: STAFF,
    saveNarrative: ['editor'],
    submit: ['editor'],
    approve: ['reviewer', 'leader'],
    reject: ['reviewer', 'leader'],
    importPublished: ['admin'],
    previewImport: ['admin'],
  },
  requests: {
    submit: 'signedIn',
    track: 'public',
    mine: 'signedIn',
    view: 'signedIn',
    grantNotice: 'signedIn',
    list: STAFF,
    get: STAFF,
    act: STAFF,
    record: STAFF,
    letter: STAFF,
    approvers: STAFF,
    reissueCode: STAFF,
    getCalendar: STAFF,
    setCalendar: ['admin'],
  },
} as const satisfies Record<string, Record<string, Access>>;

export type PolicyTable = typeof POLICY;

/** Whether a caller with `role` (and an OPENID or not) may call `fn.action`; unknown actions are refused. */
export function allows(access: Access | undefined, role: Role, signedIn: boolean): boolean {
  if (access === undefined) return false;
  if (access === 'public') return true;
  if (access === 'signedIn') return signedIn;
  return role !== 'citizen' && access.includes(role);
}

export function accessOf(fn: string, action: string): Access | undefined {
  const table: Record<string, Record<string, Access>> = POLICY;
  return table[fn]?.[action];
}

// Ownership and approval-step rules per action, as data beside the role table.
export * from './rules';
