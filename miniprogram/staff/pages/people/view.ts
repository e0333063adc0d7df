/** 人员与邀请 as data: the staff list with role labels, the roles and validities an invitation offers. Pure. */
import { ROLE_LABELS, type Invitation, type StaffListEntry, type StaffRole } from 'gongkai-staff';

/** What each role does here, so the admin picks the right one for the person. */
const ROLE_NOTES: Record<StaffRole, string> = {
  editor: '起草信息、登记申请、统计和年度报告',
  reviewer: '审核信息（含保密审查）、审批延期',
  leader: '审批发布信息和年度报告',
  admin: '机关设置、人员和工作日历',
  county: '查看下辖机关的年度报告和问题，退回或代为发布（仅县级机关可邀请）',
};

export interface RoleOption {
  key: StaffRole;
  label: string;
  note: string;
}

/** The roles an invitation offers: the county role only at an organ set up as a county (organ.invite refuses it elsewhere). */
export function roleOptions(isCounty: boolean): RoleOption[] {
  const roles: StaffRole[] = ['editor', 'reviewer', 'leader', 'admin', ...(isCounty ? (['county'] as const) : [])];
  return roles.map((key) => ({ key, label: ROLE_LABELS[key], note: ROLE_NOTES[key] }));
}

/** Days an invitation stays valid (organ.invite takes 1–30). */
export const VALIDITY_DAYS: readonly number[] = [1, 3, 7, 30];
export const DEFAULT_VALIDITY = 7;

export interface StaffLine {
  id: string;
  name: string;
  roleLabel: string;
  /** The admin looking at the list: not removable. */
  self: boolean;
}

const ROLE_ORDER: readonly StaffRole[] = ['leader', 'reviewer', 'editor', 'admin', 'county'];

export function staffLines(staff: readonly StaffListEntry[], myId: string | null): StaffLine[] {
  return [...staff]
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
    .map((s) => ({
      id: s.id,
      name: s.displayName || '（未填姓名）',
      roleLabel: ROLE_LABELS[s.role],
      self: s.id === myId,
    }));
}

export interface ShownInvitation {
  code: string;
  roleLabel: string;
  /** 2026-12-04 15:30 (the phone's time zone, Asia/Shanghai). */
  expires: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** When a code expires, to the minute in the phone's time zone (the county's organ invitations too). */
export function expiresText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function shownInvitation(invite: Invitation): ShownInvitation {
  return { code: invite.code, roleLabel: invite.roleLabel, expires: expiresText(invite.expiresAt) };
}
