/** The `organ` function: profile, first admin by a one-time setup code, staff by invitation codes. */
import * as z from 'zod';
import { ROLES } from '../policy';
import { isValidIndexPattern } from '../records/index-no';

/** 统一社会信用代码: 18 characters of digits and capitals (GB 32100; the checksum is checked in shared/requests). */
export const creditCodeSchema = z
  .string()
  .trim()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位数字或大写字母');

export const organProfileSchema = z.object({
  name: z.string().trim().min(2, '请填写机关名称').max(60),
  creditCode: creditCodeSchema,
  indexPattern: z.string().trim().refine(isValidIndexPattern, '索引号格式须含 {year} 和 {serial}').default('{code}/{year}-{serial:5}'),
  contactPhone: z.string().trim().max(30).default(''),
  address: z.string().trim().max(120).default(''),
  /** Month-day the annual report is due at the county (default 01-31, 条例 第四十九条). */
  reportDueDate: z.string().regex(/^\d{2}-\d{2}$/, '格式应为 MM-DD').default('01-31'),
});
export type OrganProfile = z.infer<typeof organProfileSchema>;

export const setupSchema = z.object({
  code: z.string().trim().min(6, '请输入设置码'),
  organ: organProfileSchema,
  displayName: z.string().trim().min(1, '请填写您的姓名').max(30),
});

export const updateProfileSchema = z.object({ patch: organProfileSchema.partial() });
export const inviteSchema = z.object({ role: z.enum(ROLES), expiresInDays: z.number().int().min(1).max(30).default(7) });
export const bindSchema = z.object({ code: z.string().trim().min(6, '请输入邀请码'), displayName: z.string().trim().min(1, '请填写您的姓名').max(30) });
export const removeStaffSchema = z.object({ staffId: z.string().min(1) });
export const getProfileSchema = z.object({ organId: z.string().min(1).optional() });
