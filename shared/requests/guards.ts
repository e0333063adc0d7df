/**
 * The conditions an action must meet beyond its from-status (transitions.ts), each with its article, and
 * the clock event it adds. Date rules that depend on working days (7 days for 补正, within the period for
 * an extension or a fee notice…) are left to shared/calendar's clock, which applyAction runs afterwards.
 */
import { CLOCK_RULES, type ClockEvent, type DeliveryChannel, type IsoDate } from '../calendar';
import { OUTCOME_ROWS } from '../format';
import type { RequestAction } from './actions';
import { refuse, type RequestFailure } from './errors';
import { PAGE_FEE_FORMS, priceFee } from './fees';
import { OUTCOME_RULES, outcomeLabel } from './letters/outcomes';
import { lastAction, thirdPartyObjected, type InfoRequest } from './model';
import { DELIVERY_FORM_LABELS } from './schema';

/** Facts the function reads from the records, which the page may not supply. */
export interface GuardContext {
  /** 109号: the applicant's count of requests this calendar month, this one included (fees.ts). */
  nthThisMonth?: number;
}

/** The open notice a status waits on (its receipt starts the period). */
const OPEN_NOTICE = { correctionRequested: 'correction', consulting: 'consultation', feeNoticed: 'fee' } as const;

/** Returns the refusal, or null when the action may go ahead. */
export function checkGuards(
  request: InfoRequest,
  action: RequestAction,
  today: IsoDate,
  context: GuardContext = {},
): RequestFailure | null {
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
      return checkFee(request, action, context);
    case 'recordDelivery': {
      const open = OPEN_NOTICE[request.status as keyof typeof OPEN_NOTICE] as string | undefined;
      if (open !== action.notice) return refuse('NOTHING_TO_DELIVER', '没有待送达的该类文书（notice）');
      if (action.date > today) return refuse('DATE_ORDER', `送达日期（date）${action.date} 晚于今天`);
      return null;
    }
    case 'receiveReasons':
      return lastAction(request, 'askReasons')
        ? null
        : refuse('REASONS_NOT_ASKED', '尚未要求申请人说明理由（条例 第三十五条）');
    case 'setLaterDate':
      if (!lastAction(request, 'receiveReasons')) {
        return refuse(
          'REASONS_NOT_ASKED',
          '须先收到申请人说明的理由，认为合理的才可确定延迟答复期限（条例 第三十五条）',
        );
      }
      return action.date <= today ? refuse('DATE_ORDER', `延迟答复日期（date）须晚于今天 ${today}`) : null;
    case 'answer':
      return checkAnswer(request, action);
    default:
      return null;
  }
}

function checkFee(
  request: InfoRequest,
  action: Extract<RequestAction, { type: 'noticeFee' }>,
  context: GuardContext,
): RequestFailure | null {
  const earlier = lastAction(request, 'noticeFee');
  if (earlier)
    return refuse('FEE_TWICE', `本申请已于 ${earlier.date} 发出收费通知，一件申请只能收费一次（国办函〔2020〕109号）`);
  const { feeBasis: basis } = action;
  if (basis.method === 'count' ? basis.nthThisMonth < 1 : basis.pages < 0) {
    return refuse('INVALID_ACTION', basis.method === 'count' ? '本月第几件须为正整数' : '页数不能为负数');
  }
  // 109号: the count comes from the records; only a 一事一申请 split (第四条), with its reason, raises it.
  if (basis.method === 'count' && context.nthThisMonth !== undefined) {
    const counted = context.nthThisMonth;
    if (basis.nthThisMonth < counted || (basis.nthThisMonth > counted && !basis.splitReason)) {
      return refuse(
        'FEE_COUNT_MISMATCH',
        `按记录，本申请是申请人本月第 ${counted} 件；只有按“一事一申请”拆分计件（国办函〔2020〕109号 第四条）并写明理由（splitReason）时才可提高，收到：第 ${basis.nthThisMonth} 件`,
      );
    }
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
  // 条例 第三十六条第（五）项: not this organ's, and no responsible organ named — say why.
  if (outcome === 'unavailableNotHeld' && action.notThisOrgan && !action.holderOrgan && !action.reason) {
    return refuse(
      'REASON_REQUIRED',
      '不属于本机关负责公开、又无法确定负责机关的，须说明理由（reason）（条例 第三十六条第（五）项）',
    );
  }
  // 条例 第三十五条: 不予处理 for 大量反复 only after the applicant was asked for reasons.
  if (outcome === 'notProcessedMassRepeated' && !lastAction(request, 'askReasons')) {
    return refuse(
      'REASONS_NOT_ASKED',
      '「申请公开数量、频次明显超过合理范围」须先要求申请人说明理由（条例 第三十五条）',
    );
  }
  if (action.basis !== undefined && !rule.editableBasis) {
    return refuse('BASIS_NOT_EDITABLE', `「${outcomeLabel(outcome)}」的依据为条例条款，不能修改（basis）`);
  }
  // 条例 第三十二条: disclosing over the third party's objection needs the public-interest reasons, which the
  // third party is told in writing.
  const discloses = outcome === 'disclosed' || outcome === 'partlyDisclosed';
  if (discloses && thirdPartyObjected(request) && !action.publicInterestReason) {
    return refuse(
      'THIRD_PARTY_NOTICE_REQUIRED',
      '第三方不同意公开，决定公开须写明公共利益理由（publicInterestReason），并书面告知第三方（条例 第三十二条）',
    );
  }
  return null;
}

/** The clock event an action adds on `today` (close: the day the request lapsed, from the clock). */
export function eventFor(action: RequestAction, today: IsoDate, closeDate?: IsoDate): ClockEvent | null {
  switch (action.type) {
    case 'requestCorrection':
      return { type: 'correctionRequested', date: today, correctBy: action.correctBy, ...viaOf(action) };
    case 'receiveCorrection':
      return {
        type: 'correctionReceived',
        date: today,
        ...(action.lateReason !== undefined ? { lateReason: action.lateReason } : {}),
      };
    case 'startConsultation':
      return { type: 'consultationStarted', date: today, ...viaOf(action) };
    case 'recordDelivery':
      return action.returned
        ? { type: 'noticeReturned', date: action.date, notice: action.notice }
        : { type: 'noticeDelivered', date: action.date, notice: action.notice, via: action.via };
    case 'askReasons':
    case 'receiveReasons':
    case 'setLaterDate':
      return null; // 条例 第三十五条 does not pause the clock
    case 'endConsultation':
      return { type: 'consultationEnded', date: today };
    case 'extend':
      return { type: 'extended', date: today, workdays: action.workdays, approver: action.approverId };
    case 'noticeFee':
      return { type: 'feeNoticed', date: today, amountYuan: action.amountYuan, ...viaOf(action) };
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

function viaOf(action: { via?: DeliveryChannel | undefined }): { via?: DeliveryChannel } {
  return action.via !== undefined ? { via: action.via } : {};
}
