/** The `organ` function: profile, first admin by a one-time setup code, staff by invitation codes. */
import * as z from 'zod';
import { approvalChainSchema, DEFAULT_CHAIN, type ApproverRole } from '../approval';
import { ROLES, type Role, type StaffRole } from '../policy/roles';
import { monthDay } from '../records/month-day';
import { DEFAULT_INDEX_PATTERN, isValidIndexPattern } from '../records/index-no';
import { isCreditCode } from '../requests/identity';
import {
  DEFAULT_NOTICE_FIELDS,
  noticeFieldsSchema,
  STAFF_PURPOSES,
  SUBSCRIBE_PURPOSES,
  templateFieldsSchema,
  type StaffPurpose,
  type SubscribePurpose,
  type TemplateFields,
} from './subscribe';

// The subscribe messages' settings have their own module (the functions that send messages need only those).
export * from './subscribe';

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
export const creditCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(
    (s) => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s),
    '统一社会信用代码应为18位数字或大写字母（不含 I、O、S、V、Z）',
  )
  .refine(
    (s) => !/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s) || isCreditCode(s),
    '统一社会信用代码校验位不符，请核对',
  );

// The report due date's month-day has its own module: the county's settings check it too.
export { monthDay } from '../records/month-day';

// The chain's schema is the approval module's (shared/approval); organs store it, items and reports keep a copy.
export { approvalChainSchema } from '../approval';

/** `organ.grantReminder`: one accepted subscription (one message) for a staff purpose. */
export const grantReminderSchema = z.object({
  purpose: z.enum(STAFF_PURPOSES),
  templateId: z.string().trim().min(1, '请提供模板 ID').max(100),
});
export type GrantReminderInput = z.infer<typeof grantReminderSchema>;
export const remindersSchema = z.object({});

/** `organ.grantReminder` and `organ.reminders`: the caller's unused grants per staff purpose (messages still possible). */
export type ReminderCounts = Record<StaffPurpose, number>;

/** The profile's fields without defaults: a patch must not reset what it does not name. */
const profileFields = {
  name: z.string().trim().min(2, '请填写机关名称').max(60),
  creditCode: creditCodeSchema,
  indexPattern: z.string().trim().max(80).refine(isValidIndexPattern, '索引号格式须含年份 <YYYY> 和一个序号 <NNNNN>'),
  /** Shown on the 关于 page. */
  contactPhone: z.string().trim().max(30),
  address: z.string().trim().max(120),
  /** Month-day the annual report is due at the county (条例 第四十九条; the county may set another). */
  reportDueDate: monthDay,
  /** The approval chain items go through. */
  chain: approvalChainSchema,
  templateIds: z.partialRecord(z.enum(SUBSCRIBE_PURPOSES), z.string().trim().min(1).max(100)),
  noticeFields: noticeFieldsSchema,
  templateFields: templateFieldsSchema,
  /**
   * Staff who may approve an extension (条例 第三十三条: the 政府信息公开工作机构负责人). Empty: the organ's 分管领导
   * (reviewer role), who heads 政务公开 at a township.
   */
  extensionApprovers: z.array(z.string().trim().min(1).max(64)).max(10),
  /** How an applicant pays the 信息处理费: printed in the fee notice (109号). */
  feePayment: z.string().trim().max(300),
  /**
   * 条例 第五十一条; 行政复议法 第二十条, 行政诉讼法 第四十六条: every reply names where and within what time to
   * seek 行政复议 and 行政诉讼. Free text: for a 乡镇 usually the 县级 or 区 people's government; for a county
   * department the 本级 government. Required before a letter can be issued.
   */
  reviewOrgan: z.string().trim().max(60),
  /** The court with jurisdiction over suits against this organ (行政诉讼法 第十八条), free text. */
  court: z.string().trim().max(60),
};

export const organProfileSchema = z.object({
  ...profileFields,
  indexPattern: profileFields.indexPattern.default(DEFAULT_INDEX_PATTERN),
  contactPhone: profileFields.contactPhone.default(''),
  address: profileFields.address.default(''),
  reportDueDate: profileFields.reportDueDate.default('01-31'),
  chain: profileFields.chain.default([...DEFAULT_CHAIN]),
  templateIds: profileFields.templateIds.default({}),
  noticeFields: profileFields.noticeFields.default(DEFAULT_NOTICE_FIELDS),
  templateFields: profileFields.templateFields.default({}),
  extensionApprovers: profileFields.extensionApprovers.default([]),
  feePayment: profileFields.feePayment.default(''),
  reviewOrgan: profileFields.reviewOrgan.default(''),
  court: profileFields.court.default(''),
});
export type OrganProfile = z.infer<typeof organProfileSchema>;

export const setupSchema = z.object({
  code: z.string().trim().min(6, '请输入设置码'),
  organ: organProfileSchema,
  displayName: z.string().trim().min(1, '请填写您的姓名').max(30),
});

export const updateProfileSchema = z.object({ patch: z.object(profileFields).partial() });
export const inviteSchema = z.object({
  role: z.enum(ROLES),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export const bindSchema = z.object({
  code: z.string().trim().min(6, '请输入邀请码'),
  displayName: z.string().trim().min(1, '请填写您的姓名').max(30),
});
export const removeStaffSchema = z.object({ staffId: z.string().min(1) });
export const getProfileSchema = z.object({ organId: z.string().min(1).optional() });

/** `organ.getProfile` (no login needed): what the 关于 page and the subscribe prompts use. */
export interface OrganPublicProfile {
  id: string;
  name: string;
  creditCode: string;
  contactPhone: string;
  address: string;
  reportDueDate: string;
  indexPattern: string;
  chain: ApproverRole[];
  templateIds: Partial<Record<SubscribePurpose, string>>;
}

/** `organ.me`: who the caller is here; `citizen` with nulls when not staff (or not signed in). */
export interface StaffMe {
  signedIn: boolean;
  role: Role;
  roleLabel: string;
  organId: string | null;
  displayName: string | null;
  staffId: string | null;
}

/** `organ.setup` and `organ.bind`. */
export interface BindAnswer {
  organId: string;
  role: StaffRole;
  roleLabel: string;
}

/** `organ.invite`: the code is shown once; only its hash is stored. */
export interface Invitation {
  code: string;
  role: StaffRole;
  roleLabel: string;
  expiresAt: string;
}

/**
 * `organ.settings` (admin only): the whole stored profile, with what the public one leaves out (noticeFields,
 * templateFields when any is set, extensionApprovers, feePayment). No personal data: the profile holds none.
 */
export type OrganSettings = Omit<OrganProfile, 'templateFields'> & {
  id: string;
  templateFields?: TemplateFields | undefined;
  /** Set up as a county (its admin may invite the county role). */
  isCounty: boolean;
  /** The county the organ is under (organ.joinCounty), null when none. */
  county: string | null;
};

export interface StaffListEntry {
  id: string;
  role: StaffRole;
  displayName: string;
}
