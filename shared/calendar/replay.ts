/**
 * Replays a request's events in order, enforcing the sequence the 条例 allows, and leaves the state the
 * clock needs: the day counting starts from, the limit, the pauses, and what is still open.
 */
import { addDays, type IsoDate } from './dates';
import { CalendarError, type CalendarErrorCode } from './errors';
import { EVENT_LABELS, type ClockEvent, type RequestClock } from './events';
import { CLOCK_RULES } from './rules';
import { dueDateOf, type DayCounter, type Pause } from './timeline';

export type PauseKind = 'correction' | 'consultation' | 'fee';
export type AutoCloseOutcome = 'otherNoCorrection' | 'otherFeeUnpaid';

export interface OpenPause {
  kind: PauseKind;
  start: IsoDate;
  /**
   * The applicant's deadline (correction, fee) or the third party's reply deadline (consultation), counted
   * from the addressee's receipt of the notice; undefined while a posted notice awaits its signed-for date
   * or came back (no period runs).
   */
  deadline?: IsoDate;
  /** The day the addressee received the notice, once known. */
  deliveredOn?: IsoDate;
  /** 补正: the working days the notice gave, from the notice day to its correctBy date. */
  correctBy?: IsoDate;
}

export interface Extension {
  date: IsoDate;
  workdays: number;
  approver: string;
}

export interface Replay {
  /** Counting starts the day after this: receipt, or receipt of the correction (条例 第三十条). */
  base: IsoDate;
  limit: number;
  /** Closed pauses since `base`. */
  pauses: Pause[];
  open?: OpenPause;
  answered?: IsoDate;
  correctionRequested?: IsoDate;
  /** Last day for the organ's 补正 notice (条例 第三十条). */
  correctionDueBy: IsoDate;
  extension?: Extension;
  /** The applicant's deadline lapsed: the request counts as abandoned from `date`. */
  lapse?: { outcome: AutoCloseOutcome; date: IsoDate; deadline: IsoDate };
  /** A consultation ended by the lapse of the third party's 15 working days (第三十二条), not by an answer. */
  consultationLapsed?: IsoDate;
  /** A correction accepted after its deadline for a 正当理由 (第三十条). */
  lateCorrectionReason?: string;
}

/** Which event ends which pause, and what missing it means. */
const PAUSE_END = {
  correction: { event: 'correctionReceived', late: 'CORRECTION_LATE', outcome: 'otherNoCorrection' },
  consultation: { event: 'consultationEnded', late: undefined, outcome: undefined },
  fee: { event: 'feePaid', late: 'FEE_PAID_LATE', outcome: 'otherFeeUnpaid' },
} as const;

export const PAUSE_LABELS: Record<PauseKind, string> = {
  correction: '补正',
  consultation: '征求第三方意见',
  fee: '缴费',
};

export function replay(counter: DayCounter, input: RequestClock, today: IsoDate): Replay {
  const received = input.receivedDate;
  const state: Replay = {
    base: received,
    limit: CLOCK_RULES.answer.workdays,
    pauses: [],
    correctionDueBy: counter.addWorkdays(received, CLOCK_RULES.correctionNotice.workdays),
  };
  let feeNoticed = false;
  let previous = received;

  /** The due date as it stood on `at`, an open pause taken to end that day. */
  const dueOn = (at: IsoDate): IsoDate => {
    const pauses = state.open ? [...state.pauses, { start: state.open.start, end: at }] : state.pauses;
    return dueDateOf(counter, state.base, pauses, state.limit);
  };

  /** The period of the open pause, counted from the addressee's receipt on `on`. */
  const periodFrom = (kind: PauseKind, sent: IsoDate, on: IsoDate, correctBy?: IsoDate): IsoDate => {
    if (kind === 'consultation') return counter.addWorkdays(on, CLOCK_RULES.thirdPartyReply.workdays);
    if (kind === 'fee') return counter.addWorkdays(on, CLOCK_RULES.feePayment.workdays);
    // 补正: the notice's own period, moved to start from receipt; never earlier than the date it printed.
    const printed = correctBy ?? sent;
    if (on <= sent) return printed;
    const moved = counter.addWorkdays(on, counter.workdaysIn(sent, printed));
    return moved > printed ? moved : printed;
  };
  /** Posted notices start no period until the signed-for date is entered. */
  const opened = (kind: PauseKind, date: IsoDate, via: string | undefined, correctBy?: IsoDate): OpenPause => {
    const pause: OpenPause = { kind, start: date };
    if (correctBy !== undefined) pause.correctBy = correctBy;
    if (via !== 'post') {
      pause.deliveredOn = date;
      pause.deadline = periodFrom(kind, date, date, correctBy);
    }
    return pause;
  };
  /** 第三十二条: the consultation ends by itself once the third party's period has run. */
  const lapseConsultation = (at: IsoDate) => {
    const open = state.open;
    if (open?.kind !== 'consultation' || open.deadline === undefined || at <= open.deadline) return;
    state.pauses.push({ start: open.start, end: open.deadline });
    state.consultationLapsed = open.deadline;
    delete state.open;
  };

  input.events.forEach((event, index) => {
    const fail = (code: CalendarErrorCode, why: string) =>
      new CalendarError(code, `第 ${index + 1} 个事件（${EVENT_LABELS[event.type]}，${event.date}）：${why}`, {
        eventIndex: index,
      });
    if (event.date < received) throw fail('EVENT_BEFORE_RECEIPT', `早于收到申请日期 ${received}`);
    if (event.date < previous) throw fail('EVENT_ORDER', `早于前一事件的日期 ${previous}；事件须按发生顺序排列`);
    if (event.date > today) throw fail('EVENT_AFTER_TODAY', `晚于今天 ${today}，不能登记未发生的事件`);
    if (state.answered) throw fail('EVENT_AFTER_ANSWER', `申请已于 ${state.answered} 答复，不能再登记后续事件`);
    if (event.type !== 'consultationEnded') lapseConsultation(event.date);
    checkLapse(state.open, event, fail);
    apply(event, fail);
    previous = event.date;
  });

  function apply(event: ClockEvent, fail: (code: CalendarErrorCode, why: string) => CalendarError): void {
    const open = state.open;
    const mustBeRunning = () => {
      if (open) throw fail('PAUSE_OVERLAP', `${PAUSE_LABELS[open.kind]}（自 ${open.start} 起）尚未结束`);
    };
    const mustBeInTime = (code: CalendarErrorCode, what: string) => {
      const due = dueOn(event.date);
      if (event.date > due) throw fail(code, `答复期限已于 ${due} 届满，${what}须在期限内作出`);
    };
    const closePause = (kind: PauseKind) => {
      if (open?.kind !== kind) throw fail('UNEXPECTED_EVENT', `没有进行中的${PAUSE_LABELS[kind]}`);
      state.pauses.push({ start: open.start, end: event.date });
      delete state.open;
    };

    switch (event.type) {
      case 'correctionRequested':
        // 条例 第三十条: one notice, within 7 working days of receipt.
        if (state.correctionRequested) {
          throw fail(
            'CORRECTION_TWICE',
            `已于 ${state.correctionRequested} 告知补正，补正只能一次性告知（条例 第三十条）`,
          );
        }
        mustBeRunning();
        if (event.date > state.correctionDueBy) {
          throw fail(
            'CORRECTION_NOTICE_LATE',
            `补正告知须在收到申请后 ${CLOCK_RULES.correctionNotice.workdays} 个工作日内（${state.correctionDueBy} 前）发出（条例 第三十条）`,
          );
        }
        if (event.correctBy < event.date) throw fail('INVALID_EVENT', `补正期限 ${event.correctBy} 早于告知日期`);
        state.correctionRequested = event.date;
        state.open = opened('correction', event.date, event.via, event.correctBy);
        return;
      case 'correctionReceived':
        // 条例 第三十条: the period restarts from zero; earlier pauses no longer matter.
        if (open?.kind !== 'correction') throw fail('UNEXPECTED_EVENT', '没有待补正的告知');
        if (event.lateReason !== undefined && open.deadline !== undefined && event.date > open.deadline) {
          state.lateCorrectionReason = event.lateReason;
        }
        state.base = event.date;
        state.pauses = [];
        delete state.open;
        return;
      case 'consultationStarted':
        // 条例 第三十二条、第三十三条第二款: consultation time is not counted.
        mustBeRunning();
        mustBeInTime('CONSULTATION_LATE', '征求第三方意见');
        state.open = opened('consultation', event.date, event.via);
        return;
      case 'consultationEnded':
        // An answer after the lapse does not stretch the pause: it ended on the 15th working day.
        if (!open && state.consultationLapsed) return;
        if (open?.kind === 'consultation' && open.deadline !== undefined && event.date > open.deadline) {
          lapseConsultation(event.date);
          return;
        }
        closePause('consultation');
        return;
      case 'noticeDelivered':
      case 'noticeReturned': {
        if (open?.kind !== event.notice)
          throw fail('UNEXPECTED_EVENT', `没有待送达的${PAUSE_LABELS[event.notice]}文书`);
        if (event.type === 'noticeReturned') {
          delete open.deadline; // returned post starts no period
          delete open.deliveredOn;
          return;
        }
        open.deliveredOn = event.date;
        open.deadline = periodFrom(open.kind, open.start, event.date, open.correctBy);
        return;
      }
      case 'extended':
        // 条例 第三十三条第一款: once, ≤ 20 working days (checked by the schema), decided within the period.
        if (state.extension) throw fail('EXTENSION_TWICE', `已于 ${state.extension.date} 延期，答复期限只能延长一次`);
        if (open?.kind === 'correction') throw fail('UNEXPECTED_EVENT', '补正期间答复期限尚未重新起算，不能延期');
        mustBeInTime('EXTENSION_LATE', '延期决定');
        state.extension = { date: event.date, workdays: event.workdays, approver: event.approver };
        state.limit += event.workdays;
        return;
      case 'feeNoticed':
        // 条例 第四十二条 and 109号: the notice is sent within the period; one fee per request.
        if (feeNoticed) throw fail('FEE_TWICE', '本申请已发出过收费通知');
        mustBeRunning();
        mustBeInTime('FEE_NOTICE_LATE', '收费通知');
        feeNoticed = true;
        state.open = opened('fee', event.date, event.via);
        return;
      case 'feePaid':
        closePause('fee');
        return;
      case 'answered':
        state.answered = event.date;
        return;
    }
  }

  lapseConsultation(state.answered ?? today);
  const open = state.open;
  const end = open && PAUSE_END[open.kind].outcome;
  if (open?.deadline !== undefined && end && (state.answered ?? today) > open.deadline) {
    state.lapse = { outcome: end, date: addDays(open.deadline, 1), deadline: open.deadline };
  }
  return state;
}

/** After the applicant's deadline only the closing answer may follow (条例 第三十条; 109号). */
function checkLapse(
  open: OpenPause | undefined,
  event: ClockEvent,
  fail: (code: CalendarErrorCode, why: string) => CalendarError,
): void {
  if (!open || open.deadline === undefined || event.date <= open.deadline || event.type === 'answered') return;
  const end = PAUSE_END[open.kind];
  if (!end.late) return;
  // 条例 第三十条: a late correction with a 正当理由 recorded is accepted and restarts the clock.
  if (event.type === 'correctionReceived' && event.lateReason !== undefined) return;
  if (event.type === end.event) {
    throw fail(
      end.late,
      `晚于${PAUSE_LABELS[open.kind]}期限 ${open.deadline}，申请视为放弃；如申请人坚持，应作为新申请登记`,
    );
  }
  throw fail(
    'EVENT_AFTER_CLOSE',
    `${PAUSE_LABELS[open.kind]}期限 ${open.deadline} 已过，申请视为放弃，只能登记答复（告知结果）`,
  );
}
