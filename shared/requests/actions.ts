/**
 * The staff actions on a request, as a zod union on `type` (the function parses its payload with it). The
 * schema checks shapes only; the legal rules (one 补正, ≤ 20 days, the fee amount…) are guards in
 * transitions.ts, so each breach gets its own stable code.
 */
import * as z from 'zod';
import { typeError } from '../errors';
import { isoDateField } from '../calendar/schema';
import { OUTCOME_ROWS } from '../format';

function text(label: string, max: number) {
  return z
    .string({ error: typeError(label, '须为文本') })
    .trim()
    .min(1, { error: `${label}不能为空` })
    .max(max, { error: `${label}不能超过 ${max} 个字` });
}

const wholeNumber = (label: string) =>
  z.number({ error: typeError(label, '须为数字') }).int({ error: typeError(label, '须为整数') });

export const CONSULTATION_OPINIONS = ['agreed', 'objected', 'noReply'] as const;
export type ConsultationOpinion = (typeof CONSULTATION_OPINIONS)[number];

/** 109号: a fee is priced by count (this applicant's n-th request this calendar month) or by pages, never both. */
export const feeBasisSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({ method: z.literal('count'), nthThisMonth: wholeNumber('本月第几件') }),
    z.strictObject({ method: z.literal('pages'), pages: wholeNumber('页数') }),
  ],
  { error: '计费方式须为 count（按件）或 pages（按量）' },
);
export type FeeBasis = z.infer<typeof feeBasisSchema>;

export const requestActionSchema = z.discriminatedUnion(
  'type',
  [
    /** 条例 第三十一条: an online request counts as received the day the organ confirms it. */
    z.strictObject({ type: z.literal('confirmReceipt') }),
    /** 条例 第三十条: what to add, and by when. */
    z.strictObject({
      type: z.literal('requestCorrection'),
      items: text('补正事项', 500),
      correctBy: isoDateField('补正期限'),
    }),
    /** 条例 第三十条: the corrected description replaces the old one when given. */
    z.strictObject({
      type: z.literal('receiveCorrection'),
      description: text('补正后的信息描述', 2000).optional(),
    }),
    /** 条例 第三十二条: the third party (a name: personal data, staff only). */
    z.strictObject({
      type: z.literal('startConsultation'),
      party: z
        .string({ error: typeError('第三方', '须为文本') })
        .trim()
        .max(100),
    }),
    z.strictObject({
      type: z.literal('endConsultation'),
      opinion: z.enum(CONSULTATION_OPINIONS),
    }),
    /** 条例 第三十三条第一款: days and approver are checked by the guard (EXTENSION_TOO_LONG, EXTENSION_NO_APPROVER). */
    z.strictObject({
      type: z.literal('extend'),
      workdays: wholeNumber('延长工作日数'),
      approverId: z.string({ error: typeError('批准人', '须为文本') }).trim(),
      reason: text('延期理由', 500),
    }),
    /** 条例 第四十二条, 109号: `amountYuan` must equal the price computed from the basis. */
    z.strictObject({
      type: z.literal('noticeFee'),
      basis: feeBasisSchema,
      amountYuan: wholeNumber('收费金额'),
    }),
    z.strictObject({ type: z.literal('payFee') }),
    /** 条例 第三十六条 and the article of the outcome row (letters/outcomes.ts). */
    z.strictObject({
      type: z.literal('answer'),
      outcome: z.enum(OUTCOME_ROWS),
      reason: text('理由', 1000).optional(),
    }),
    /** 条例 第三十条; 109号: close an abandoned request once computeDeadline reports the lapse. */
    z.strictObject({ type: z.literal('close') }),
  ],
  { error: '操作类型无效' },
);
export type RequestAction = z.infer<typeof requestActionSchema>;
export type ActionType = RequestAction['type'];

export const ACTION_LABELS: Record<ActionType, string> = {
  confirmReceipt: '确认收到申请',
  requestCorrection: '告知补正',
  receiveCorrection: '收到补正',
  startConsultation: '征求第三方意见',
  endConsultation: '第三方意见征询结束',
  extend: '延长答复期限',
  noticeFee: '发出收费通知',
  payFee: '缴纳信息处理费',
  answer: '作出答复',
  close: '视为放弃申请，终止办理',
};
