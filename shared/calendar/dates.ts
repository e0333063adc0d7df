/**
 * Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through UTC day numbers only, so a result never
 * depends on the process time zone (a local Date near midnight can fall on the neighbouring day).
 */
import { CalendarError } from './errors';

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01, or undefined when the text is not a real date (2025-02-30 is not). */
function parseDayNumber(text: string): number | undefined {
  const m = DATE_PATTERN.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 02-30 over to March; the round trip catches it. Years 0–99 are shifted by Date.UTC.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

export function isIsoDate(text: unknown): text is IsoDate {
  return typeof text === 'string' && parseDayNumber(text) !== undefined;
}

/** Throws INVALID_DATE naming the field, for dates handed to the public functions. */
export function assertIsoDate(text: unknown, label: string): asserts text is IsoDate {
  if (!isIsoDate(text)) {
    throw new CalendarError('INVALID_DATE', `${label}须为 YYYY-MM-DD 格式的有效日期，收到：${String(text)}`);
  }
}

export function toDayNumber(date: IsoDate): number {
  const n = parseDayNumber(date);
  if (n === undefined) throw new CalendarError('INVALID_DATE', `日期须为 YYYY-MM-DD 格式的有效日期，收到：${date}`);
  return n;
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOf(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** ISO dates sort as text; these keep call sites readable. */
export function isBefore(a: IsoDate, b: IsoDate): boolean {
  return a < b;
}

export function isAfter(a: IsoDate, b: IsoDate): boolean {
  return a > b;
}
