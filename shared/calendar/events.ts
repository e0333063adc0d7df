/**
 * What happens to a request after receipt, as dated events. The clock (clock.ts) replays them in array
 * order; dates must not go backwards. Each event's comment names the article that gives it its effect.
 */
import * as z from 'zod';
import { typeError } from '../errors';
import { CLOCK_RULES } from './rules';
import { isoDateField } from './schema';

const date = isoDateField('事件日期');

export const clockEventSchema = z.discriminatedUnion(
  'type',
  [
    /** 条例 第三十条: one 补正 notice; the clock stops. `correctBy` is the applicant's deadline in the notice. */
    z.strictObject({
      type: z.literal('correctionRequested'),
      date,
      correctBy: isoDateField('补正期限'),
    }),
    /** 条例 第三十条: the answer period restarts from zero, counted from the day after this date. */
    z.strictObject({ type: z.literal('correctionReceived'), date }),
    /** 条例 第三十二条、第三十三条第二款: consultation time is not counted. Several may follow one another. */
    z.strictObject({ type: z.literal('consultationStarted'), date, party: z.string().optional() }),
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
     * 109号: the date the applicant received the fee notice (payment is due 20 working days from the next
     * day); use the sending date when receipt is unknown, which errs towards the shorter deadline.
     */
    z.strictObject({ type: z.literal('feeNoticed'), date, amountYuan: z.number().int().nonnegative().optional() }),
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
  feePaid: '缴纳信息处理费',
  answered: '作出答复',
};
