/**
 * The staff actions on a request, as a zod union on `type` (the function parses its payload with it). The
 * schema checks shapes only; the legal rules (one 补正, ≤ 20 days, the fee amount…) are guards in
 * transitions.ts, so each breach gets its own stable code.
 */
import * as z from 'zod';
import { typeError } from '../errors';
import { DELIVERED_NOTICES, DELIVERY_CHANNELS } from '../calendar/events';
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

/** How the notice goes out (shared/calendar events.ts): online and in person are received that day. */
const via = z.enum(DELIVERY_CHANNELS, { error: '送达方式须为 online、inPerson 或 post' }).optional();

/** 109号: a fee is priced by count (this applicant's n-th request this calendar month) or by pages, never both. */
export const feeBasisSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({
      method: z.literal('count'),
      /** Computed by the function from the records; staff may raise it only for a 一事一申请 split. */
      nthThisMonth: wholeNumber('本月第几件'),
      /** 109号 第四条: why one application counts as several (一事一申请), required to raise the count. */
      splitReason: text('拆分计件理由', 300).optional(),
    }),
    z.strictObject({ method: z.literal('pages'), pages: wholeNumber('页数') }),
  ],
  { error: '计费方式须为 count（按件）或 pages（按量）' },
);
export type FeeBasis = z.infer<typeof feeBasisSchema>;

/**
 * What staff write into a reply beside its outcome (条例 第三十六条 and the outcome's article): the answer action
 * carries them, and the letter draft (`requests.letter`) takes them too, so the draft is filled as staff type.
 */
export const answerDetailsSchema = z.strictObject({
  reason: text('理由', 1000).optional(),
  /** 予以公开 / 部分公开: how and when the information is provided; already public: where to get it. */
  deliveryNote: text('提供方式和时间', 300).optional(),
  whereToGet: text('获取途径', 300).optional(),
  /** 条例 第三十六条第（五）项: the organ responsible for the information, when known, and its contact. */
  holderOrgan: text('负责公开的机关', 100).optional(),
  holderContact: text('该机关的联系方式', 100).optional(),
  /** unavailableNotHeld: the information exists but is not this organ's to disclose (第三十六条第（五）项). */
  notThisOrgan: z.boolean().optional(),
  /** notProcessedConfirmation only: the cited basis (答复依据), as staff edit it (the 条例 has no article of its own). */
  basis: text('答复依据', 300).optional(),
  /**
   * 条例 第三十二条: disclosing over the third party's objection because the public interest requires it —
   * the reasons, told to the third party in writing before disclosure.
   */
  publicInterestReason: text('公共利益理由', 1000).optional(),
});
export type AnswerDetails = z.infer<typeof answerDetailsSchema>;

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
      via,
    }),
    /** 条例 第三十条: the corrected description replaces the old one when given. */
    z.strictObject({
      type: z.literal('receiveCorrection'),
      description: text('补正后的信息描述', 2000).optional(),
      /** 条例 第三十条: a correction after the deadline is accepted only for a 正当理由, recorded here. */
      lateReason: text('逾期补正的正当理由', 300).optional(),
    }),
    /** 条例 第三十二条: the third party (a name: personal data, staff only). */
    z.strictObject({
      type: z.literal('startConsultation'),
      party: z
        .string({ error: typeError('第三方', '须为文本') })
        .trim()
        .max(100),
      /** Where to reach the organ, printed in the 征求意见 letter. */
      contact: text('联系方式', 100).optional(),
      via,
    }),
    /**
     * The addressee received the open notice on `date` (post: the signed-for day, entered by staff), or the
     * post came back (`returned`): then no period runs until it is delivered another way.
     */
    z.strictObject({
      type: z.literal('recordDelivery'),
      notice: z.enum(DELIVERED_NOTICES, { error: '文书须为 correction、consultation 或 fee' }),
      via: z.enum(DELIVERY_CHANNELS, { error: '送达方式须为 online、inPerson 或 post' }),
      date: isoDateField('送达日期'),
      returned: z.boolean().optional(),
    }),
    /** 条例 第三十五条: the request exceeds a reasonable range — ask the applicant for reasons (no pause). */
    z.strictObject({ type: z.literal('askReasons'), items: text('需说明的事项', 500).optional() }),
    z.strictObject({ type: z.literal('receiveReasons'), answer: text('申请人说明的理由', 2000) }),
    /** 条例 第三十五条: reasons accepted, but more time is needed — a reasonable later date told to the applicant. */
    z.strictObject({
      type: z.literal('setLaterDate'),
      date: isoDateField('延迟答复日期'),
      reason: text('理由', 500),
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
    /** 条例 第四十二条, 109号: `amountYuan` must equal the price computed from the fee basis (计费依据). */
    z.strictObject({
      type: z.literal('noticeFee'),
      feeBasis: feeBasisSchema,
      amountYuan: wholeNumber('收费金额'),
      via,
    }),
    z.strictObject({ type: z.literal('payFee') }),
    /** 条例 第三十六条 and the article of the outcome row (letters/outcomes.ts). */
    z.strictObject({ type: z.literal('answer'), outcome: z.enum(OUTCOME_ROWS), ...answerDetailsSchema.shape }),
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
  recordDelivery: '登记文书送达',
  askReasons: '要求申请人说明理由',
  receiveReasons: '收到申请人说明的理由',
  setLaterDate: '告知延迟答复日期',
  extend: '延长答复期限',
  noticeFee: '发出收费通知',
  payFee: '缴纳信息处理费',
  answer: '作出答复',
  close: '视为放弃申请，终止办理',
};
