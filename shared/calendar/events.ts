/**
 * What happens to a request after receipt, as dated events. The clock (clock.ts) replays them in array
 * order; dates must not go backwards. Each event's comment names the article that gives it its effect.
 */
import * as z from 'zod';
import { typeError } from '../errors';
import { CLOCK_RULES } from './rules';
import { isoDateField } from './schema';

const date = isoDateField('事件日期');

/**
 * How a notice goes out. Online: available in the mini program with a message sent — received that day
 * (electronic delivery counts from arrival, not from opening). In person: received when handed over. Post:
 * received the day signed for, entered later as `noticeDelivered`; until then no period runs.
 */
export const DELIVERY_CHANNELS = ['online', 'inPerson', 'post'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
const via = z.enum(DELIVERY_CHANNELS, { error: '送达方式须为 online、inPerson 或 post' }).optional();

/** The notices whose receipt starts a period: 补正 (第三十条), 征求意见 (第三十二条), 收费 (109号). */
export const DELIVERED_NOTICES = ['correction', 'consultation', 'fee'] as const;
export type DeliveredNotice = (typeof DELIVERED_NOTICES)[number];
const notice = z.enum(DELIVERED_NOTICES, { error: '文书须为 correction、consultation 或 fee' });

export const clockEventSchema = z.discriminatedUnion(
  'type',
  [
    /** 条例 第三十条: one 补正 notice; the clock stops. `correctBy` is the applicant's deadline in the notice. */
    z.strictObject({
      type: z.literal('correctionRequested'),
      date,
      correctBy: isoDateField('补正期限'),
      via,
    }),
    /**
     * 条例 第三十条: the answer period restarts from zero, counted from the day after this date. A correction
     * after the deadline is accepted only with the 正当理由 recorded (`lateReason`): only a late correction
     * *without* good reason abandons the request.
     */
    z.strictObject({ type: z.literal('correctionReceived'), date, lateReason: z.string().trim().min(1).optional() }),
    /**
     * 条例 第三十二条、第三十三条第二款: consultation time is not counted. The third party has 15 working days from
     * its receipt of the letter; the pause ends on its answer or at that lapse. Several may follow one another.
     */
    z.strictObject({ type: z.literal('consultationStarted'), date, party: z.string().optional(), via }),
    z.strictObject({ type: z.literal('consultationEnded'), date }),
    /** 条例 第三十三条第一款: once, by at most 20 working days, approved by the 公开工作机构负责人. */
    z.strictObject({
      type: z.literal('extended'),
      date,
      workdays: z
        .number({ error: typeError('延长工作日数', '须为数字') })
        .int({ error: typeError('延长工作日数', '须为整数') })
        .min(1, { error: '延长工作日数至少为 1' })
        .max(CLOCK_RULES.maxExtension.workdays, {
          error: `延长工作日数不得超过 ${CLOCK_RULES.maxExtension.workdays} 个工作日（${CLOCK_RULES.maxExtension.basis}）`,
        }),
      approver: z
        .string({ error: typeError('批准人', '须为文本') })
        .trim()
        .min(1, { error: '批准人不能为空：延期须经政府信息公开工作机构负责人同意' }),
    }),
    /**
     * 109号: the fee notice is sent; payment is due 20 working days from the day after the applicant
     * RECEIVES it — the same day when sent online or handed over, the signed-for day by post.
     */
    z.strictObject({
      type: z.literal('feeNoticed'),
      date,
      amountYuan: z.number().int().nonnegative().optional(),
      via,
    }),
    /**
     * The addressee received the open notice on `date` (post: the day signed for). Its period counts from
     * here: 补正 keeps the length the notice gave, 征求意见 15 and 收费 20 working days (第三十二条; 109号).
     */
    z.strictObject({
      type: z.literal('noticeDelivered'),
      date,
      notice,
      via: z.enum(DELIVERY_CHANNELS, { error: '送达方式须为 online、inPerson 或 post' }),
    }),
    /** Returned post: no period starts; staff send the notice another way and record that delivery. */
    z.strictObject({ type: z.literal('noticeReturned'), date, notice }),
    z.strictObject({ type: z.literal('feePaid'), date }),
    /** The answer (any outcome) was given: the clock ends. */
    z.strictObject({ type: z.literal('answered'), date }),
  ],
  { error: '事件类型无效' },
);
export type ClockEvent = z.infer<typeof clockEventSchema>;
export type ClockEventType = ClockEvent['type'];

export const requestClockSchema = z.strictObject({
  /** 条例 第三十一条: in person the day submitted; by post the day signed for; online the day confirmed. */
  receivedDate: isoDateField('收到申请日期'),
  events: z.array(clockEventSchema, { error: '事件列表须为数组' }),
});
export type RequestClock = z.infer<typeof requestClockSchema>;

/** Event names for messages. */
export const EVENT_LABELS: Record<ClockEventType, string> = {
  correctionRequested: '发出补正告知',
  correctionReceived: '收到补正',
  consultationStarted: '征求第三方意见',
  consultationEnded: '收到第三方意见',
  extended: '延长答复期限',
  feeNoticed: '发出收费通知',
  noticeDelivered: '文书送达',
  noticeReturned: '邮件退回',
  feePaid: '缴纳信息处理费',
  answered: '作出答复',
};
