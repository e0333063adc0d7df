/**
 * Applying a staff action to a request: the transition table (transitions.ts), the guards (guards.ts), then
 * shared/calendar's clock over the new events, which refuses acts out of time (条例 第三十条、第三十三条;
 * 109号). Pure: `today` and the calendar come in; the request is never mutated.
 */
import {
  CalendarError,
  computeDeadline,
  createCalendar,
  isIsoDate,
  type Calendar,
  type ClockEvent,
  type ClockOptions,
  type DeadlineState,
  type IsoDate,
} from '../calendar';
import { parseWith } from '../errors';
import type { RequestRecord } from '../records';
import { ACTION_LABELS, requestActionSchema, type RequestAction } from './actions';
import { fromCalendarError, refuse, type RequestResult } from './errors';
import { checkGuards, eventFor, type GuardContext } from './guards';
import { STATUS_LABELS, type InfoRequest } from './model';
import { targetStatus, TRANSITIONS } from './transitions';

let officialCalendar: Calendar | undefined;
/** The official calendar, built on first use (nothing runs on import). Pass the organ's for its own years. */
function defaultCalendar(): Calendar {
  officialCalendar ??= createCalendar();
  return officialCalendar;
}

/** Runs the clock, turning its refusal into a RequestFailure. */
function runClock(
  calendar: Calendar,
  receivedDate: IsoDate,
  events: ClockEvent[],
  today: IsoDate,
): RequestResult<DeadlineState> {
  try {
    return { ok: true, data: computeDeadline(calendar, { receivedDate, events }, today) };
  } catch (error) {
    if (error instanceof CalendarError) return fromCalendarError(error);
    throw error;
  }
}

function parseAction(input: unknown): RequestResult<RequestAction> {
  const parsed = parseWith(requestActionSchema, input);
  if (parsed.ok) return parsed;
  const outcomeIssue = parsed.fieldErrors?.some((e) => e.path === 'outcome');
  return refuse(outcomeIssue ? 'OUTCOME_INVALID' : 'INVALID_ACTION', parsed.message, parsed.fieldErrors);
}

/**
 * Applies `action` on `today`. Returns the new request, or a refusal with a stable code: INVALID_ACTION,
 * ILLEGAL_TRANSITION (status not in the table's from-list), a guard's code, or the clock's (…_LATE, LAPSED).
 * `action` may be untrusted input: it is parsed with requestActionSchema first.
 */
export function applyAction(
  request: InfoRequest,
  input: RequestAction | unknown,
  today: IsoDate,
  calendar: Calendar = defaultCalendar(),
  context: GuardContext = {},
): RequestResult<InfoRequest> {
  if (!isIsoDate(today)) return refuse('INVALID_DATE', '今天须为 YYYY-MM-DD 格式的有效日期');
  const parsed = parseAction(input);
  if (!parsed.ok) return parsed;
  const action = parsed.data;
  const transition = TRANSITIONS[action.type];
  if (!transition.from.includes(request.status)) {
    return refuse(
      'ILLEGAL_TRANSITION',
      `申请处于「${STATUS_LABELS[request.status]}」状态，不能「${ACTION_LABELS[action.type]}」`,
    );
  }
  const last = request.history[request.history.length - 1];
  if (last && today < last.date) return refuse('DATE_ORDER', `操作日期 ${today} 早于上一次操作的日期 ${last.date}`);
  const refused = checkGuards(request, action, today, context);
  if (refused) return refused;

  const receivedDate = action.type === 'confirmReceipt' ? today : request.receivedDate;
  if (receivedDate === null) return refuse('ILLEGAL_TRANSITION', '申请尚未确认收到');

  let closeWith: { outcome: 'otherNoCorrection' | 'otherFeeUnpaid'; date: IsoDate } | undefined;
  if (action.type === 'close') {
    const now = runClock(calendar, receivedDate, request.events, today);
    if (!now.ok) return now;
    closeWith = now.data.autoClose;
    if (!closeWith) {
      return refuse(
        'NOT_LAPSED',
        `申请人的${request.status === 'feeNoticed' ? '缴费' : '补正'}期限尚未届满，不能终止办理`,
      );
    }
  }

  const event = eventFor(action, today, closeWith?.date);
  const events = event ? [...request.events, event] : [...request.events];
  const clock = runClock(calendar, receivedDate, events, today);
  if (!clock.ok) return clock;

  const next: InfoRequest = {
    ...request,
    status: targetStatus(transition, request),
    receivedDate,
    events,
    history: [...request.history, { date: today, action }],
    content: { ...request.content },
  };
  if (action.type === 'receiveCorrection' && action.description !== undefined) {
    next.content.description = action.description; // 条例 第三十条: the corrected request is what is answered
  }
  if (action.type === 'answer') {
    next.outcome = action.outcome;
    next.answeredDate = today;
  }
  if (closeWith) {
    next.outcome = closeWith.outcome;
    next.answeredDate = closeWith.date;
  }
  return { ok: true, data: next };
}

/**
 * Where the request stands against its deadline (shared/calendar's computeDeadline); null before receipt.
 * Throws the calendar's CalendarError as computeDeadline does (e.g. TODAY_BEFORE_RECEIPT).
 */
export function deadlineOf(
  calendar: Calendar,
  request: InfoRequest,
  today: IsoDate,
  options?: ClockOptions,
): DeadlineState | null {
  if (request.receivedDate === null) return null;
  return computeDeadline(calendar, { receivedDate: request.receivedDate, events: request.events }, today, options);
}

/** The clock on `today`, or null when it cannot be read (before receipt, refused events). */
function clockOn(request: InfoRequest, today: IsoDate, calendar: Calendar): DeadlineState | null {
  if (request.receivedDate === null) return null;
  const state = runClock(calendar, request.receivedDate, request.events, today);
  return state.ok ? state.data : null;
}

/** A daily job's move: `action` applied on `today` when the clock (null when unread) says it is due; else null. */
function moveWhenDue(
  request: InfoRequest,
  today: IsoDate,
  calendar: Calendar,
  due: (clock: DeadlineState | null) => boolean,
  action: RequestAction,
): InfoRequest | null {
  if (!due(clockOn(request, today, calendar))) return null;
  const moved = applyAction(request, action, today, calendar);
  return moved.ok ? moved.data : null;
}

/**
 * For a daily job: closes the request as otherNoCorrection / otherFeeUnpaid when the clock says the
 * applicant's deadline lapsed (条例 第三十条; 109号); otherwise returns null. Never on a provisional date:
 * the unknown bridge days of a year without its table make such a lapse too early — `needsDecision` flags it
 * to staff instead.
 */
export function autoCloseIfDue(request: InfoRequest, today: IsoDate, calendar = defaultCalendar()): InfoRequest | null {
  if (!TRANSITIONS.close.from.includes(request.status)) return null;
  return moveWhenDue(request, today, calendar, (clock) => !clock?.provisional, { type: 'close' });
}

/**
 * For a daily job: ends a consultation whose 15 working days from the third party's receipt have run
 * (条例 第三十二条: the organ then decides on its own) — the clock already resumed the day after the lapse;
 * this records it as 'noReply' so the desk shows the request running again. Null otherwise.
 */
export function endLapsedConsultation(
  request: InfoRequest,
  today: IsoDate,
  calendar = defaultCalendar(),
): InfoRequest | null {
  if (request.status !== 'consulting') return null;
  const noReply: RequestAction = { type: 'endConsultation', opinion: 'noReply' };
  return moveWhenDue(request, today, calendar, (clock) => Boolean(clock?.consultationLapsed), noReply);
}

export interface StaffAlert {
  status: string;
  note: string;
}

/**
 * What the desk must be told today about an open request, most urgent first: a lapse on a provisional date
 * (staff decide, the sweep does not close), a third party's period about to end, an overdue or at-risk answer.
 */
export function staffAlert(
  request: InfoRequest,
  today: IsoDate,
  calendar: Calendar = defaultCalendar(),
): StaffAlert | null {
  const state = clockOn(request, today, calendar);
  if (!state || state.status === 'answered' || state.status === 'closed') {
    if (state?.status === 'closed' && state.provisional && TRANSITIONS.close.from.includes(request.status)) {
      return {
        status: '待人工确认',
        note: '按暂定日历已届满，请核实放假安排后决定',
      };
    }
    return null;
  }
  if (state.pausedBy === 'consultation' && state.pauseEndingSoon && state.pauseEndsBy) {
    return { status: '第三方意见即将到期', note: `第三方应于${state.pauseEndsBy}前提出意见` };
  }
  if (state.overdue) return { status: '已逾期', note: `应于${state.dueDate}前答复，已逾期` };
  if (state.atRisk) {
    return { status: '即将到期', note: `剩${state.daysRemaining}个工作日，应于${state.dueDate}前答复` };
  }
  return null;
}

/**
 * The record the annual report counts (shared/records RequestRecord): applicant column, receipt date and,
 * once answered or closed, the outcome row with its date — an abandoned request counts under its outcome at
 * the date it closed. Null while an online submission awaits confirmation (not yet received, 第三十一条).
 */
export function toRequestRecord(
  request: Pick<InfoRequest, 'id' | 'status' | 'receivedDate' | 'outcome' | 'answeredDate'> & {
    applicant: Pick<InfoRequest['applicant'], 'applicantType'>;
  },
): RequestRecord | null {
  if (request.receivedDate === null) return null;
  const done = request.status === 'answered' || request.status === 'closed';
  return {
    id: request.id,
    applicantType: request.applicant.applicantType,
    receivedDate: request.receivedDate,
    outcome: done ? request.outcome : null,
    answeredDate: done ? request.answeredDate : null,
  };
}
