/**
 * What an applicant submits (条例 第二十九条) and what staff enter for a request received on paper, by post
 * or in person (with its receipt date, 第三十一条). One schema each, used by the form and by the function.
 * Messages are Chinese, name the field, and never repeat what was typed (it may be personal data).
 */
import * as z from 'zod';
import { isoDateField } from '../calendar/schema';
import { labelledCodes } from '../codes';
import { APPLICANT_TYPES } from '../format';
import { parseWith, type Result, typeError } from '../errors';
import { ID_TYPES } from './id-types';
import { idNumberProblem, isPhone, normalizeIdNumber, normalizePhone } from './identity';

/** 条例 第二十九条: the form of delivery the applicant wants. */
export const { codes: DELIVERY_FORMS, labels: DELIVERY_FORM_LABELS } = labelledCodes({
  paper: '纸质文本（邮寄）',
  email: '电子邮件',
  online: '网上获取（电子文本）',
  pickup: '当面领取',
  inspection: '现场查阅',
});
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];

/**
 * How the request arrived; decides the receipt date (条例 第三十一条): in person the day handed in, by post the day
 * signed for (or confirmed with the applicant for ordinary letters), online or by the office's fax the day both
 * sides confirm it. Staff enter that date for every channel but the mini program's own online form.
 */
export const { codes: CHANNELS, labels: CHANNEL_LABELS } = labelledCodes({
  online: '网上申请',
  inPerson: '当面提交',
  post: '信函邮寄',
  fax: '传真',
});
export type Channel = (typeof CHANNELS)[number];

export const LIMITS = {
  name: 50,
  organisationName: 100,
  address: { min: 5, max: 200 },
  description: { min: 5, max: 2000 },
  titleHint: 200,
  docNoHint: 100,
} as const;

function text(label: string, max: number, min = 1) {
  return z
    .string({ error: typeError(label, '须为文本') })
    .trim()
    .min(min, { error: min === 1 ? `${label}不能为空` : `${label}至少 ${min} 个字` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });
}

function optionalText(label: string, max: number) {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(label, max).optional());
}

const submissionFields = z.strictObject({
  /** Table 三's six applicant columns: 自然人, or one of the five kinds of 法人或其他组织. */
  applicantType: z.enum(APPLICANT_TYPES),
  name: optionalText('申请人姓名', LIMITS.name),
  organisationName: optionalText('单位名称', LIMITS.organisationName),
  contactName: optionalText('联系人姓名', LIMITS.name),
  idType: z.enum(ID_TYPES),
  idNumber: z.string({ error: typeError('证件号码', '须为文本') }).transform(normalizeIdNumber),
  phone: z.string({ error: typeError('联系电话', '须为文本') }).transform(normalizePhone),
  /** Needed only where something is posted (纸质文本邮寄); checked in checkSubmission. */
  address: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    text('通讯地址', LIMITS.address.max, LIMITS.address.min).optional(),
  ),
  email: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.email({ error: '电子邮箱格式不正确' }).max(100, { error: '电子邮箱过长' }).optional(),
  ),
  /** 条例 第二十九条第二款（二）: the information wanted, with what helps to find it. */
  description: text('所需信息描述', LIMITS.description.max, LIMITS.description.min),
  titleHint: optionalText('信息名称', LIMITS.titleHint),
  docNoHint: optionalText('文号', LIMITS.docNoHint),
  /** 条例 第二十九条第二款（三）. */
  deliveryForm: z.enum(DELIVERY_FORMS),
  channel: z.enum(CHANNELS),
});

type Fields = z.output<typeof submissionFields>;

/** Cross-field rules of 第二十九条: who the applicant is, a valid identity number and phone, an e-mail for e-mail delivery. */
function checkSubmission(s: Fields, ctx: z.RefinementCtx): void {
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (s.applicantType === 'natural') {
    if (!s.name) add('name', '申请人为自然人的，须填写姓名');
    if (s.idType === 'creditCode') add('idType', '自然人的证件类型不能是统一社会信用代码');
  } else {
    if (!s.organisationName) add('organisationName', '申请人为法人或其他组织的，须填写单位名称');
    if (!s.contactName) add('contactName', '申请人为法人或其他组织的，须填写联系人姓名');
  }
  const idProblem = idNumberProblem(s.idType, s.idNumber);
  if (idProblem) add('idNumber', idProblem);
  if (!isPhone(s.phone)) add('phone', '联系电话须为 11 位手机号码或带区号的固定电话');
  if (s.deliveryForm === 'email' && !s.email) add('email', '选择电子邮件方式获取的，须填写电子邮箱');
  if (s.deliveryForm === 'paper' && !s.address) add('address', '选择纸质文本邮寄的，须填写通讯地址');
}

/** What a citizen submits online (the mini program form). */
export const submissionSchema = submissionFields.superRefine(checkSubmission);
export type Submission = z.output<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;

/**
 * Staff entry of a request received on paper, by post or in person, or confirmed from another online
 * route. 条例 第三十一条: in person the day submitted; by post the day signed for; online the day confirmed.
 */
export const staffEntrySchema = submissionFields
  .extend({
    receivedDate: isoDateField('收到申请日期'),
    /** By post: the postmark date, kept for the record; the receipt date is the day signed for. */
    postmarkDate: isoDateField('邮戳日期').optional(),
  })
  .superRefine((s, ctx) => {
    checkSubmission(s, ctx);
    if (s.postmarkDate !== undefined && s.channel !== 'post') {
      ctx.addIssue({
        code: 'custom',
        path: ['postmarkDate'],
        message: '只有信函邮寄的申请才填写邮戳日期',
      });
    }
    if (s.postmarkDate !== undefined && s.postmarkDate > s.receivedDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['postmarkDate'],
        message: '邮戳日期不能晚于签收日期',
      });
    }
  });
export type StaffEntry = z.output<typeof staffEntrySchema>;
export type StaffEntryInput = z.input<typeof staffEntrySchema>;

export function parseSubmission(input: unknown): Result<Submission> {
  return parseWith(submissionSchema, input);
}

/** Parses a staff entry; a receipt date after `today` is refused (第三十一条: the day it really arrived). */
export function parseStaffEntry(input: unknown, today: string): Result<StaffEntry> {
  const parsed = parseWith(staffEntrySchema, input);
  if (!parsed.ok || parsed.data.receivedDate <= today) return parsed;
  const message = `收到申请日期不能晚于今天 ${today}`;
  return {
    ok: false,
    code: 'VALIDATION',
    message: `输入有误：${message}`,
    fieldErrors: [{ path: 'receivedDate', message }],
  };
}
