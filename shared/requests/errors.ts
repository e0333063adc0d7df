/**
 * Why an action on a request was refused: a stable code for programs and a Chinese message for people.
 * Messages name the rule and dates, never personal data (they may end up in logs).
 */
import type { CalendarError, CalendarErrorCode } from '../calendar';
import { failure, type ErrorCode, type Failure, type FieldError } from '../errors';

export const REQUEST_ERROR_CODES = [
  'INVALID_ACTION',
  'INVALID_DATE',
  'DATE_ORDER',
  'ILLEGAL_TRANSITION',
  'CORRECTION_TWICE',
  'CORRECTION_DEADLINE_INVALID',
  'CORRECTION_NOTICE_LATE',
  'CORRECTION_LATE',
  'PARTY_REQUIRED',
  'CONSULTATION_LATE',
  'EXTENSION_TOO_LONG',
  'EXTENSION_NO_APPROVER',
  'EXTENSION_LATE',
  'FEE_TWICE',
  'FEE_NOT_DUE',
  'FEE_AMOUNT_MISMATCH',
  'FEE_METHOD_NOT_ALLOWED',
  'FEE_NOTICE_LATE',
  'FEE_PAID_LATE',
  'OUTCOME_INVALID',
  'OUTCOME_RESERVED',
  'OUTCOME_NEEDS_CORRECTION',
  'REASON_REQUIRED',
  'LAPSED',
  'NOT_LAPSED',
  'CLOCK_REFUSED',
  'LETTER_INCOMPLETE',
  'FEE_COUNT_MISMATCH',
  'REASONS_NOT_ASKED',
  'THIRD_PARTY_NOTICE_REQUIRED',
  'BASIS_NOT_EDITABLE',
  'NOTHING_TO_DELIVER',
] as const;
export type RequestErrorCode = (typeof REQUEST_ERROR_CODES)[number];

export interface RequestFailure {
  ok: false;
  code: RequestErrorCode;
  message: string;
  fieldErrors?: FieldError[];
}
export type RequestResult<T> = { ok: true; data: T } | RequestFailure;

export function refuse(code: RequestErrorCode, message: string, fieldErrors?: FieldError[]): RequestFailure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Calendar codes that keep their meaning here; the rest become DATE_ORDER or CLOCK_REFUSED. */
const SAME_CODE: Partial<Record<CalendarErrorCode, RequestErrorCode>> = {
  INVALID_DATE: 'INVALID_DATE',
  CORRECTION_TWICE: 'CORRECTION_TWICE',
  CORRECTION_NOTICE_LATE: 'CORRECTION_NOTICE_LATE',
  CORRECTION_LATE: 'CORRECTION_LATE',
  CONSULTATION_LATE: 'CONSULTATION_LATE',
  EXTENSION_LATE: 'EXTENSION_LATE',
  FEE_TWICE: 'FEE_TWICE',
  FEE_NOTICE_LATE: 'FEE_NOTICE_LATE',
  FEE_PAID_LATE: 'FEE_PAID_LATE',
  EVENT_AFTER_CLOSE: 'LAPSED',
  EVENT_ORDER: 'DATE_ORDER',
  EVENT_BEFORE_RECEIPT: 'DATE_ORDER',
  EVENT_AFTER_TODAY: 'DATE_ORDER',
  TODAY_BEFORE_RECEIPT: 'DATE_ORDER',
};

/** The clock's refusal, re-coded for the workflow; its message (dates and rules only) is kept. */
export function fromCalendarError(error: CalendarError): RequestFailure {
  return refuse(SAME_CODE[error.code] ?? 'CLOCK_REFUSED', error.message);
}

/** Refusals that depend on the request's state rather than the input: CONFLICT for the function envelope. */
const CONFLICTS: ReadonlySet<RequestErrorCode> = new Set([
  'ILLEGAL_TRANSITION',
  'CORRECTION_TWICE',
  'FEE_TWICE',
  'LAPSED',
  'NOT_LAPSED',
]);

/** The project-wide Failure shape (shared/errors) for the cloud function's answer. */
export function toFailure(error: RequestFailure): Failure {
  const code: ErrorCode = CONFLICTS.has(error.code) ? 'CONFLICT' : 'VALIDATION';
  return failure(code, `${error.message}（${error.code}）`, error.fieldErrors);
}
