/**
 * 机关设置 as data: the form of the stored settings, the patch of what changed (only that is sent), the zod errors
 * by field, and the 统一社会信用代码 check as the admin types. Pure.
 */
import {
  DEFAULT_NOTICE_FIELDS,
  DEFAULT_REMINDER_FIELDS,
  ROLE_LABELS,
  SUBSCRIBE_PURPOSES,
  creditCodeSchema,
  parseWith,
  updateProfileSchema,
  type FieldError,
  type NoticeFields,
  type OrganSettings,
  type StaffListEntry,
  type SubscribePurpose,
} from 'gongkai-staff';
import type { CallPayload } from 'gongkai-staff';

type ProfilePatch = CallPayload<'organ.updateProfile'>['patch'];

/** What each subscribe-message template is for, as the WeChat console's template library names such notices. */
export const PURPOSE_LABELS: Record<SubscribePurpose, string> = {
  approvalNeeded: '待审批提醒（工作人员）',
  itemReturned: '退回修改提醒（工作人员）',
  itemPublished: '信息发布通知（工作人员）',
  requestReceived: '收到申请提醒（工作人员）',
  requestAnswered: '申请办理进度通知（申请人）',
  deadlineNear: '办理期限提醒（工作人员）',
};

/** The four values every message carries, in the slots of NoticeFields (the first: a title or a 申请编号). */
export const KEY_LABELS: Record<keyof NoticeFields, string> = {
  applicationNo: '标题/编号',
  status: '状态',
  date: '日期',
  note: '备注',
};

/** What the four values are for each purpose (backend/items/review.ts, reports, requests/reminders.ts). */
export const KEY_HINTS: Record<SubscribePurpose, string> = {
  approvalNeeded: '信息标题、待审批、提交日期、备注',
  itemReturned: '信息标题、已退回、退回日期、退回理由',
  itemPublished: '信息标题、已发布、发布日期、索引号',
  requestReceived: '申请编号、待确认受理、收到日期、核对提示',
  requestAnswered: '申请编号、办理状态、日期、备注',
  deadlineNear: '申请编号、即将到期或已逾期、提醒日期、剩余期限',
};

export const NOTICE_KEYS = (Object.keys(KEY_LABELS) as (keyof NoticeFields)[]).map((key) => ({
  key,
  label: KEY_LABELS[key],
}));

/**
 * The keys of requestAnswered (the applicant's progress) are the profile's `noticeFields`: its row edits those, so
 * its errors come back as `noticeFields.<key>`; the staff purposes' as `templateFields.<purpose>.<key>`.
 */
export const errorPrefix = (p: SubscribePurpose): string =>
  p === 'requestAnswered' ? 'noticeFields.' : `templateFields.${p}.`;

/** The purposes as the page lists them; static, set once. */
export const PURPOSES = SUBSCRIBE_PURPOSES.map((key) => ({
  key,
  label: PURPOSE_LABELS[key],
  hint: `依次为：${KEY_HINTS[key]}`,
  errorPrefix: errorPrefix(key),
}));

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
  /** 条例 第五十一条: named in every letter; none is issued while either is empty. */
  reviewOrgan: string;
  court: string;
  extensionApprovers: string[];
  templateIds: Record<SubscribePurpose, string>;
  /**
   * The keys that apply now, per purpose. requestAnswered's row is the profile's `noticeFields` folded in (the
   * applicant's progress template; sent as `noticeFields`); the others are sent as `templateFields`.
   */
  keys: Record<SubscribePurpose, NoticeFields>;
  /** The stored profile names requestAnswered in `templateFields` (it then wins over `noticeFields`). */
  answeredOverride: boolean;
}

export type FormField = keyof ProfileForm;

/** Errors by field; template ids and keys by `templateIds.<purpose>`, `noticeFields.<key>`, `templateFields.<purpose>.<key>`. */
export type FormErrors = Record<string, string>;

export function formOf(s: OrganSettings): ProfileForm {
  const templateIds = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, s.templateIds[p] ?? ''])) as Record<
    SubscribePurpose,
    string
  >;
  const stored = s.templateFields ?? {};
  const fallback = (p: SubscribePurpose): NoticeFields =>
    p === 'requestAnswered' ? { ...DEFAULT_NOTICE_FIELDS, ...s.noticeFields } : DEFAULT_REMINDER_FIELDS;
  const keys = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, { ...(stored[p] ?? fallback(p)) }])) as Record<
    SubscribePurpose,
    NoticeFields
  >;
  return {
    name: s.name,
    creditCode: s.creditCode,
    contactPhone: s.contactPhone,
    address: s.address,
    reportDueDate: s.reportDueDate,
    chain: s.chain.includes('reviewer') ? 'two' : 'one',
    feePayment: s.feePayment,
    reviewOrgan: s.reviewOrgan,
    court: s.court,
    extensionApprovers: [...s.extensionApprovers],
    templateIds,
    keys,
    answeredOverride: stored.requestAnswered !== undefined,
  };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The staff purposes' keys worth storing: those that differ from the default (a default one applies anyway). */
function staffFields(keys: ProfileForm['keys']): Partial<Record<SubscribePurpose, NoticeFields>> {
  const differing = SUBSCRIBE_PURPOSES.filter(
    (p) => p !== 'requestAnswered' && !same(keys[p], DEFAULT_REMINDER_FIELDS),
  );
  return Object.fromEntries(differing.map((p) => [p, keys[p]]));
}

/** The profile's plain text fields: compared one by one for the patch, and applied back after a save. */
const PROFILE_TEXT_FIELDS = [
  'name',
  'creditCode',
  'contactPhone',
  'address',
  'reportDueDate',
  'feePayment',
  'reviewOrgan',
  'court',
] as const;

/** The fields that differ from what was loaded, in the shape updateProfile takes (empty template ids left out). */
export function patchOf(form: ProfileForm, loaded: ProfileForm): ProfilePatch {
  const patch: ProfilePatch = {};
  for (const key of PROFILE_TEXT_FIELDS) {
    if (form[key] !== loaded[key]) patch[key] = form[key];
  }
  if (form.chain !== loaded.chain) patch.chain = form.chain === 'two' ? ['reviewer', 'leader'] : ['leader'];
  if (!same([...form.extensionApprovers].sort(), [...loaded.extensionApprovers].sort()))
    patch.extensionApprovers = form.extensionApprovers;
  if (!same(form.templateIds, loaded.templateIds)) {
    patch.templateIds = Object.fromEntries(
      SUBSCRIBE_PURPOSES.filter((p) => form.templateIds[p].trim() !== '').map((p) => [p, form.templateIds[p]]),
    );
  }
  const answeredChanged = !same(form.keys.requestAnswered, loaded.keys.requestAnswered);
  const staffChanged = !same(staffFields(form.keys), staffFields(loaded.keys));
  if (answeredChanged || (loaded.answeredOverride && staffChanged)) patch.noticeFields = form.keys.requestAnswered;
  // Sent whole, never naming requestAnswered: a stored one (which would win over noticeFields) moves to noticeFields.
  if (staffChanged || (loaded.answeredOverride && answeredChanged)) patch.templateFields = staffFields(form.keys);
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
    const depth = head === 'templateIds' || head === 'noticeFields' ? 2 : head === 'templateFields' ? 3 : 1;
    const key = segments.slice(0, depth).join('.');
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
  const next: ProfileForm = copyForm(loaded);
  for (const key of PROFILE_TEXT_FIELDS) {
    const value = patch[key];
    if (value !== undefined) next[key] = value;
  }
  if (patch.chain !== undefined) next.chain = patch.chain.includes('reviewer') ? 'two' : 'one';
  if (patch.extensionApprovers !== undefined) next.extensionApprovers = [...patch.extensionApprovers];
  if (patch.templateIds !== undefined) {
    const ids = patch.templateIds;
    next.templateIds = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, ids[p] ?? ''])) as Record<
      SubscribePurpose,
      string
    >;
  }
  if (patch.noticeFields !== undefined) next.keys.requestAnswered = { ...patch.noticeFields };
  if (patch.templateFields !== undefined) {
    const fields = patch.templateFields;
    for (const p of SUBSCRIBE_PURPOSES)
      if (p !== 'requestAnswered') next.keys[p] = { ...(fields[p] ?? DEFAULT_REMINDER_FIELDS) };
    next.answeredOverride = false;
  }
  return next;
}

/** A deep copy: the page edits its form by data paths, which must not reach the baseline it compares with. */
export function copyForm(form: ProfileForm): ProfileForm {
  const keys = Object.fromEntries(SUBSCRIBE_PURPOSES.map((p) => [p, { ...form.keys[p] }])) as Record<
    SubscribePurpose,
    NoticeFields
  >;
  return { ...form, extensionApprovers: [...form.extensionApprovers], templateIds: { ...form.templateIds }, keys };
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
/** The county line of 机关设置: a county itself, the county the organ is under, or '' (the join code is asked). */
export function countyTextOf(s: Pick<OrganSettings, 'isCounty' | 'county'>): string {
  if (s.isCounty) return '本机关为县级机关：下辖机关的年度报告在“县级审核”中查看';
  return s.county === null ? '' : `所属县级机关：${s.county}`;
}

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
  const known = staff.map((s) => ({
    id: s.id,
    label: `${s.displayName}（${ROLE_LABELS[s.role]}）`,
    on: chosen.includes(s.id),
  }));
  const gone = chosen
    .filter((id) => !staff.some((s) => s.id === id))
    .map((id) => ({ id, label: '已移除的人员', on: true }));
  return [...known, ...gone];
}

/** The letter settings still missing (条例 第五十一条): the 工作台 says so on top until they are set. */
export function missingLetterSettings(s: Pick<OrganSettings, 'reviewOrgan' | 'court'>): string[] {
  const missing: string[] = [];
  if (!s.reviewOrgan.trim()) missing.push('行政复议机关');
  if (!s.court.trim()) missing.push('管辖法院');
  return missing;
}
