/**
 * 机关设置 as data: the form of the stored settings, the patch of what changed (only that is sent), the zod errors
 * by field, and the 统一社会信用代码 check as the admin types. Pure.
 */
import { DEFAULT_NOTICE_FIELDS, ROLE_LABELS, SUBSCRIBE_PURPOSES, creditCodeSchema, parseWith, updateProfileSchema, type FieldError, type NoticeFields, type OrganSettings, type StaffListEntry, type SubscribePurpose } from 'gongkai-core';
import type { ProfilePatch } from '../../../api/staff-admin';

/** What each subscribe-message template is for, as the WeChat console's template library names such notices. */
export const PURPOSE_LABELS: Record<SubscribePurpose, string> = {
  approvalNeeded: '待审批提醒（工作人员）',
  itemReturned: '退回修改提醒（工作人员）',
  itemPublished: '信息发布通知（工作人员）',
  requestReceived: '申请受理通知（申请人）',
  requestAnswered: '申请答复通知（申请人）',
  deadlineNear: '办理期限提醒（工作人员）',
};

export const NOTICE_FIELD_LABELS: Record<keyof NoticeFields, string> = {
  applicationNo: '申请编号',
  status: '办理状态',
  date: '日期',
  note: '备注',
};

export const PURPOSES = SUBSCRIBE_PURPOSES.map((key) => ({ key, label: PURPOSE_LABELS[key] }));
export const NOTICE_KEYS = (Object.keys(NOTICE_FIELD_LABELS) as (keyof NoticeFields)[]).map((key) => ({ key, label: NOTICE_FIELD_LABELS[key] }));

export type ChainChoice = 'two' | 'one';

export const CHAINS: readonly { key: ChainChoice; label: string }[] = [
  { key: 'two', label: '两级（分管领导审核 → 第一负责人审批）' },
  { key: 'one', label: '一级（第一负责人审批）' },
];

export interface ProfileForm {
  name: string;
  creditCode: string;
  contactPhone: string;
  address: string;
  /** MM-DD */
  reportDueDate: string;
  chain: ChainChoice;
  feePayment: string;
  extensionApprovers: string[];
  templateIds: Record<SubscribePurpose, string>;
  noticeFields: NoticeFields;
}

export type FormField = keyof ProfileForm;

/** Errors by field; template ids and notice keys by `templateIds.<purpose>` / `noticeFields.<key>`. */
export type FormErrors = Record<string, string>;

export function formOf(s: OrganSettings): ProfileForm {
  const templateIds = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, s.templateIds[p] ?? ''])) as Record<SubscribePurpose, string>;
  return {
    name: s.name,
    creditCode: s.creditCode,
    contactPhone: s.contactPhone,
    address: s.address,
    reportDueDate: s.reportDueDate,
    chain: s.chain.includes('reviewer') ? 'two' : 'one',
    feePayment: s.feePayment,
    extensionApprovers: [...s.extensionApprovers],
    templateIds,
    noticeFields: { ...DEFAULT_NOTICE_FIELDS, ...s.noticeFields },
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields that differ from what was loaded, in the shape updateProfile takes (empty template ids left out). */
export function patchOf(form: ProfileForm, loaded: ProfileForm): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const key of ['name', 'creditCode', 'contactPhone', 'address', 'reportDueDate', 'feePayment'] as const) {
    if (form[key] !== loaded[key]) patch[key] = form[key];
  }
  if (form.chain !== loaded.chain) patch.chain = form.chain === 'two' ? ['reviewer', 'leader'] : ['leader'];
  if (!same([...form.extensionApprovers].sort(), [...loaded.extensionApprovers].sort())) patch.extensionApprovers = form.extensionApprovers;
  if (!same(form.templateIds, loaded.templateIds)) {
    patch.templateIds = Object.fromEntries(SUBSCRIBE_PURPOSES.filter((p) => form.templateIds[p].trim() !== '').map((p) => [p, form.templateIds[p]]));
  }
  if (!same(form.noticeFields, loaded.noticeFields)) patch.noticeFields = form.noticeFields;
  return patch;
}

/**
 * `patch.creditCode` (the page's own check) or `creditCode` (the server's) → `creditCode`, the message without its
 * path; `wrapper` is the payload's key around the profile (`patch`, or `organ` for organ.setup).
 */
export function errorsOf(fieldErrors: readonly FieldError[] | undefined, wrapper = 'patch'): FormErrors {
  const out: FormErrors = {};
  for (const e of fieldErrors ?? []) {
    const segments = e.path.split('.').filter((s, i) => !(i === 0 && s === wrapper));
    const head = segments[0] ?? '';
    const key = head === 'templateIds' || head === 'noticeFields' ? segments.slice(0, 2).join('.') : head;
    const text = e.message.startsWith(`${e.path}：`) ? e.message.slice(e.path.length + 1) : e.message;
    if (key !== '' && out[key] === undefined) out[key] = text;
  }
  return out;
}

export type Checked = { ok: true; patch: ProfilePatch } | { ok: false; errors: FormErrors; message: string };

/** The patch checked with the shared schema, normalised as the server will store it (trimmed, upper case). */
export function checkPatch(form: ProfileForm, loaded: ProfileForm): Checked {
  const parsed = parseWith(updateProfileSchema, { patch: patchOf(form, loaded) });
  if (parsed.ok) return { ok: true, patch: parsed.data.patch };
  return { ok: false, errors: errorsOf(parsed.fieldErrors), message: '请按提示修改后再保存' };
}

/** The saved patch applied to the form as loaded: the new baseline for the next save. */
export function applyPatch(loaded: ProfileForm, patch: ProfilePatch): ProfileForm {
  const next: ProfileForm = { ...loaded, templateIds: { ...loaded.templateIds }, noticeFields: { ...loaded.noticeFields } };
  for (const key of ['name', 'creditCode', 'contactPhone', 'address', 'reportDueDate', 'feePayment'] as const) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  if (patch.chain !== undefined) next.chain = patch.chain.includes('reviewer') ? 'two' : 'one';
  if (patch.extensionApprovers !== undefined) next.extensionApprovers = [...patch.extensionApprovers];
  if (patch.templateIds !== undefined) {
    const ids = patch.templateIds;
    next.templateIds = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, ids[p] ?? ''])) as Record<SubscribePurpose, string>;
  }
  if (patch.noticeFields !== undefined) next.noticeFields = { ...patch.noticeFields };
  return next;
}

export interface CreditCheck {
  ok: boolean;
  text: string;
}

/** The check character verified as the admin types (GB 32100-2015); nothing while the field is empty. */
export function creditCheck(code: string): CreditCheck | null {
  if (code.trim() === '') return null;
  const parsed = parseWith(creditCodeSchema, code);
  if (parsed.ok) return { ok: true, text: '校验位正确' };
  const first = parsed.fieldErrors?.[0]?.message ?? parsed.message;
  return { ok: false, text: first };
}

/** '01-31' → '1月31日'. */
export function monthDayLabel(md: string): string {
  const [m, d] = md.split('-').map(Number);
  return m && d ? `${m}月${d}日` : md;
}

export interface ApproverChoice {
  id: string;
  label: string;
  on: boolean;
}

/** Everyone on the staff, the chosen ones marked; a stored id no longer on the staff stays listed to be removed. */
export function approverChoices(staff: readonly StaffListEntry[], chosen: readonly string[]): ApproverChoice[] {
  const known = staff.map((s) => ({ id: s.id, label: `${s.displayName}（${ROLE_LABELS[s.role]}）`, on: chosen.includes(s.id) }));
  const gone = chosen.filter((id) => !staff.some((s) => s.id === id)).map((id) => ({ id, label: '已移除的人员', on: true }));
  return [...known, ...gone];
}
