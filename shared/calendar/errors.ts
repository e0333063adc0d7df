/**
 * One error class for the calendar, the clock and the fee tables: a stable `code` for programs, a Chinese
 * `message` for people. `toFailure` turns it into the project-wide Failure shape (shared/errors).
 */
import { failure, type Failure, type FieldError } from '../errors';

export const CALENDAR_ERROR_CODES = [
  'INVALID_DATE',
  'INVALID_ARGUMENT',
  'INVALID_CALENDAR',
  'INVALID_EVENT',
  'TODAY_BEFORE_RECEIPT',
  'EVENT_ORDER',
  'EVENT_BEFORE_RECEIPT',
  'EVENT_AFTER_TODAY',
  'EVENT_AFTER_ANSWER',
  'EVENT_AFTER_CLOSE',
  'UNEXPECTED_EVENT',
  'PAUSE_OVERLAP',
  'CORRECTION_TWICE',
  'CORRECTION_NOTICE_LATE',
  'CORRECTION_LATE',
  'CONSULTATION_LATE',
  'EXTENSION_TWICE',
  'EXTENSION_LATE',
  'FEE_TWICE',
  'FEE_NOTICE_LATE',
  'FEE_PAID_LATE',
] as const;
export type CalendarErrorCode = (typeof CALENDAR_ERROR_CODES)[number];

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly fieldErrors: FieldError[] | undefined;
  /** Index of the offending event in the events array, for clock errors. */
  readonly eventIndex: number | undefined;

  constructor(
    code: CalendarErrorCode,
    message: string,
    extra: { fieldErrors?: FieldError[]; eventIndex?: number } = {},
  ) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.fieldErrors = extra.fieldErrors;
    this.eventIndex = extra.eventIndex;
  }
}

/** Every calendar error is bad input from the caller's point of view: VALIDATION, message kept. */
export function toFailure(error: CalendarError): Failure {
  return failure('VALIDATION', error.message, error.fieldErrors);
}
