/**
 * The conditions an action must meet beyond its from-status (transitions.ts), each with its article, and
 * the clock event it adds. Date rules that depend on working days (7 days for 补正, within the period for
 * an extension or a fee notice…) are left to shared/calendar's clock, which applyAction runs afterwards.
 */
import { CLOCK_RULES, type ClockEvent, type IsoDate } from '../calendar';
import { OUTCOME_ROWS } from '../format';
import type { RequestAction } from './actions';
import { refuse, type RequestFailure } from './errors';
import { PAGE_FEE_FORMS, priceFee } from './fees';
import { OUTCOME_RULES, outcomeLabel } from './letters/outcomes';
import { lastAction, type InfoRequest } from './model';
import { DELIVERY_FORM_LABELS } from './schema';

/** Returns the refusal, or null when the action may go ahead. */
export function checkGuards(request: InfoRequest, action: RequestAction, today: IsoDate): RequestFailure | null {
  switch (action.type) {
    case 'confirmReceipt':
      // 条例 第三十一条: the receipt date is the day of confirmation, which cannot precede the submission.
      return today < request.submittedDate
        ? refuse('DATE_ORDER', `确认收到日期 ${today} 早于提交日期 ${request.submittedDate}`)
        : null;
    case 'requestCorrection': {
      // 条例 第三十条: 一次性告知 — one notice only, with a deadline after the notice.
      const earlier = lastAction(request, 'requestCorrection');
      if (earlier)
        return refuse('CORRECTION_TWICE', `已于 ${earlier.date} 告知补正，补正只能一次性告知（条例 第三十条）`);
      if (action.correctBy <= today) {
        return refuse(
          'CORRECTION_DEADLINE_INVALID',
          `补正期限须晚于告知日 ${today}，给申请人合理的补正时间（条例 第三十条）`,
        );
      }
      return null;
    }
    case 'startConsultation':
      return action.party === '' ? refuse('PARTY_REQUIRED', '须填写被征求意见的第三方（条例 第三十二条）') : null;
    case 'extend': {
      // 条例 第三十三条第一款: at most 20 working days, with the approval of the 公开工作机构负责人.
      const max = CLOCK_RULES.maxExtension.workdays;
      if (action.workdays < 1 || action.workdays > max) {
        return refuse(
          'EXTENSION_TOO_LONG',
          `延长期限须为 1 至 ${max} 个工作日（${CLOCK_RULES.maxExtension.basis}），收到：${action.workdays}`,
        );
      }
      if (action.approverId === '') {
        return refuse(
          'EXTENSION_NO_APPROVER',
          '延长答复期限须经政府信息公开工作机构负责人同意，请填写批准人（条例 第三十三条）',
        );
      }
      return null;
    }
    case 'noticeFee':
      return checkFee(request, action);
    case 'answer':
      return checkAnswer(request, action);
    default:
      return null;
  }
}

function checkFee(request: InfoRequest, action: Extract<RequestAction, { type: 'noticeFee' }>): RequestFailure | null {
  const earlier = lastAction(request, 'noticeFee');
  if (earlier)
    return refuse('FEE_TWICE', `本申请已于 ${earlier.date} 发出收费通知，一件申请只能收费一次（国办函〔2020〕109号）`);
  const { basis } = action;
  if (basis.method === 'count' ? basis.nthThisMonth < 1 : basis.pages < 0) {
    return refuse('INVALID_ACTION', basis.method === 'count' ? '本月第几件须为正整数' : '页数不能为负数');
  }
  if (basis.method === 'pages' && !PAGE_FEE_FORMS.has(request.content.deliveryForm)) {
    const form = DELIVERY_FORM_LABELS[request.content.deliveryForm];
    return refuse(
      'FEE_METHOD_NOT_ALLOWED',
      `获取方式为「${form}」的申请不能按页计收，请按件计收（国办函〔2020〕109号）`,
    );
  }
  const amount = priceFee(basis);
  if (amount === 0)
    return refuse('FEE_NOT_DUE', '按所选方式计算的信息处理费为 0 元，无需发出收费通知（国办函〔2020〕109号）');
  if (action.amountYuan !== amount) {
    return refuse(
      'FEE_AMOUNT_MISMATCH',
      `收费金额应为 ${amount} 元（按国办函〔2020〕109号标准计算），收到：${action.amountYuan} 元`,
    );
  }
  return null;
}

function checkAnswer(request: InfoRequest, action: Extract<RequestAction, { type: 'answer' }>): RequestFailure | null {
  const { outcome } = action;
  // Exactly one of the 21 rows of table 三 (the schema already narrows; this guards typed callers too).
  if (!(OUTCOME_ROWS as readonly string[]).includes(outcome)) {
    return refuse('OUTCOME_INVALID', '办理结果须为表三 21 种办理结果之一');
  }
  const rule = OUTCOME_RULES[outcome];
  if (rule.closeOnly) {
    return refuse(
      'OUTCOME_RESERVED',
      `「${outcomeLabel(outcome)}」只能在申请人逾期后以「终止办理」登记（${rule.basis}）`,
    );
  }
  // 条例 第三十条: 补正后仍不明确 presupposes a correction that arrived.
  if (outcome === 'unavailableStillUnclear' && !lastAction(request, 'receiveCorrection')) {
    return refuse('OUTCOME_NEEDS_CORRECTION', '「补正后申请内容仍不明确」须在申请人补正之后才能选择（条例 第三十条）');
  }
  if (rule.needsReason && !action.reason) {
    return refuse('REASON_REQUIRED', `「${outcomeLabel(outcome)}」须说明理由（${rule.basis}）`);
  }
  return null;
}

/** The clock event an action adds on `today` (close: the day the request lapsed, from the clock). */
export function eventFor(action: RequestAction, today: IsoDate, closeDate?: IsoDate): ClockEvent | null {
  switch (action.type) {
    case 'requestCorrection':
      return { type: 'correctionRequested', date: today, correctBy: action.correctBy };
    case 'receiveCorrection':
      return { type: 'correctionReceived', date: today };
    case 'startConsultation':
      return { type: 'consultationStarted', date: today };
    case 'endConsultation':
      return { type: 'consultationEnded', date: today };
    case 'extend':
      return { type: 'extended', date: today, workdays: action.workdays, approver: action.approverId };
    case 'noticeFee':
      return { type: 'feeNoticed', date: today, amountYuan: action.amountYuan };
    case 'payFee':
      return { type: 'feePaid', date: today };
    case 'answer':
      return { type: 'answered', date: today };
    case 'close':
      return { type: 'answered', date: closeDate ?? today };
    case 'confirmReceipt':
      return null;
  }
}
