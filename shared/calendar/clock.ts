/**
 * The request clock: where a 依申请公开 request stands against its answer deadline, computed purely from its
 * receipt date, its events and `today` (all 'YYYY-MM-DD'). Rules and their articles: rules.ts, events.ts.
 */
import { parseWith } from '../errors';
import { provisionalPrompt, type Calendar, type Provisional } from './calendar';
import { assertIsoDate, type IsoDate } from './dates';
import { CalendarError } from './errors';
import { requestClockSchema, type RequestClock } from './events';
import { replay, type AutoCloseOutcome, type Extension, type PauseKind } from './replay';
import { DEFAULT_AT_RISK_WORKDAYS } from './rules';
import { countedDays, DayCounter, dueDateOf, type Pause } from './timeline';

export type ClockStatus = 'running' | 'paused' | 'answered' | 'closed';

export interface DeadlineState extends Provisional {
  /**
   * Last day to answer. While paused it is projected as if the pause ended today (see `projected`); once
   * closed, where it would have fallen had the applicant acted on the last allowed day.
   */
  dueDate: IsoDate;
  /** True while paused: the due date moves on by each further day of the pause. */
  projected: boolean;
  /** Working days allowed: 20, plus an extension (条例 第三十三条第一款). */
  limit: number;
  /** Counted working days so far (up to the answer, the lapse, or today). */
  daysUsed: number;
  daysRemaining: number;
  /**
   * Working days counted past the due date (up to the answer or today): what the desk shows as 已逾期 N 个工作日.
   * 0 unless overdue, and 0 too on a rest day right after the due date (late, but no working day used yet).
   */
  daysOverdue: number;
  status: ClockStatus;
  pausedBy?: PauseKind;
  /**
   * While paused: the applicant's correction or payment deadline, or the third party's reply deadline,
   * counted from the addressee's receipt of the notice. Absent while a posted notice awaits its signed-for
   * date or came back: then no period runs (`awaitingDelivery`).
   */
  pauseEndsBy?: IsoDate;
  awaitingDelivery?: boolean;
  /** While paused with a period running: at most `atRiskDays` working days left of it — remind the desk. */
  pauseEndingSoon?: boolean;
  /** The third party's 15 working days ran out on this day and the clock resumed (条例 第三十二条). */
  consultationLapsed?: IsoDate;
  /** A correction accepted after its deadline for this 正当理由 (条例 第三十条). */
  lateCorrectionReason?: string;
  /** Running or paused, not overdue, and at most `atRiskDays` working days left. */
  atRisk: boolean;
  /** Answered after the due date, or still open after it. */
  overdue: boolean;
  /** While no 补正 notice has been sent and the request is open: last day to send one (条例 第三十条). */
  correctionDueBy?: IsoDate;
  /** The applicant's correction or fee deadline lapsed: close the request with this outcome from `date`. */
  autoClose?: { outcome: AutoCloseOutcome; date: IsoDate };
  answeredDate?: IsoDate;
  extension?: Extension;
}

export interface ClockOptions {
  /** atRisk when this many working days are left or fewer; default 3. */
  atRiskDays?: number;
}

function validInput(input: RequestClock): RequestClock {
  const parsed = parseWith(requestClockSchema, input);
  if (parsed.ok) return parsed.data;
  throw new CalendarError('INVALID_EVENT', parsed.message, { fieldErrors: parsed.fieldErrors ?? [] });
}

export function computeDeadline(
  calendar: Calendar,
  input: RequestClock,
  today: IsoDate,
  options: ClockOptions = {},
): DeadlineState {
  assertIsoDate(today, '今天');
  const atRiskDays = options.atRiskDays ?? DEFAULT_AT_RISK_WORKDAYS;
  if (!Number.isInteger(atRiskDays) || atRiskDays < 0) {
    throw new CalendarError('INVALID_ARGUMENT', `临期提醒天数须为非负整数，收到：${atRiskDays}`);
  }
  const request = validInput(input);
  if (today < request.receivedDate) {
    throw new CalendarError('TODAY_BEFORE_RECEIPT', `今天 ${today} 早于收到申请日期 ${request.receivedDate}`);
  }

  const counter = new DayCounter(calendar);
  const state = replay(counter, request, today);
  const { open, lapse, answered } = state;

  // Counting stops at the lapse, the answer, or today; an open pause is taken to end there.
  const horizon = lapse ? lapse.deadline : (answered ?? today);
  let base = state.base;
  let pauses: Pause[] = state.pauses;
  if (open?.kind === 'correction') {
    base = horizon; // 条例 第三十条: restarts from zero once the correction arrives — projected as today
    pauses = [];
  } else if (open) {
    pauses = [...pauses, { start: open.start, end: horizon }];
  }

  const dueDate = dueDateOf(counter, base, pauses, state.limit);
  const daysUsed = countedDays(counter, base, pauses, horizon);
  const daysRemaining = Math.max(0, state.limit - daysUsed);
  const status: ClockStatus = lapse ? 'closed' : answered ? 'answered' : open ? 'paused' : 'running';
  const live = status === 'running' || status === 'paused';
  // Late pauses and extensions are refused by replay, so a lapsed request was never overdue before it.
  const overdue = status !== 'closed' && horizon > dueDate;

  const result: DeadlineState = {
    dueDate,
    projected: status === 'paused',
    limit: state.limit,
    daysUsed,
    daysRemaining,
    daysOverdue: overdue ? Math.max(0, daysUsed - state.limit) : 0,
    status,
    atRisk: live && !overdue && daysRemaining <= atRiskDays,
    overdue,
    provisional: false,
    provisionalYears: [],
  };
  if (status === 'paused' && open) {
    result.pausedBy = open.kind;
    if (open.deadline === undefined) result.awaitingDelivery = true;
    else {
      result.pauseEndsBy = open.deadline;
      result.pauseEndingSoon = counter.workdaysIn(today, open.deadline) <= atRiskDays;
    }
  }
  if (state.consultationLapsed) result.consultationLapsed = state.consultationLapsed;
  if (state.lateCorrectionReason) result.lateCorrectionReason = state.lateCorrectionReason;
  if (live && !state.correctionRequested) result.correctionDueBy = state.correctionDueBy;
  if (lapse) result.autoClose = { outcome: lapse.outcome, date: lapse.date };
  if (answered) result.answeredDate = answered;
  if (state.extension) result.extension = state.extension;

  const years = counter.provisionalYears;
  if (years.length > 0) {
    result.provisional = true;
    result.provisionalYears = years;
    result.prompt = provisionalPrompt(years);
  }
  return result;
}
