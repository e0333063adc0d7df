/**
 * 工作日历 as data: which years the built-in data covers and which the organ entered, a year as rows (holiday
 * ranges, 调休 working days) and back as the shared table, and the schema's errors put on their rows. Pure.
 */
import { addDays, isIsoDate, weekdayOf, type FieldError, type OrganCalendar, type OrganYear } from 'gongkai-staff';

export interface HolidayRow {
  start: string;
  end: string;
}

export interface WorkdayRow {
  date: string;
}

/** '2004–2026年' from the years the built-in data covers (a gap starts a new span). */
export function yearSpans(years: readonly number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const spans: string[] = [];
  let from = sorted[0];
  for (let i = 0; i < sorted.length; i += 1) {
    const y = sorted[i];
    const next = sorted[i + 1];
    if (from === undefined || y === undefined) break;
    if (next !== y + 1) {
      spans.push(from === y ? `${y}` : `${from}–${y}`);
      from = next;
    }
  }
  return spans.length === 0 ? '无' : `${spans.join('、')}年`;
}

/** The years offered: last year to next year, the year after the built-in data, and any the organ entered. */
export function yearChoices(current: number, officialYears: readonly number[], own: readonly number[]): number[] {
  const lastOfficial = Math.max(0, ...officialYears);
  const set = new Set<number>([current - 1, current, current + 1, ...own]);
  if (lastOfficial > 0) set.add(lastOfficial + 1);
  return [...set].sort((a, b) => a - b);
}

/** Where to start: the first year from now that neither the built-in data nor the organ covers yet. */
export function firstMissing(
  years: readonly number[],
  current: number,
  officialYears: readonly number[],
  own: readonly number[],
): number {
  const missing = years.find((y) => y >= current && !officialYears.includes(y) && !own.includes(y));
  return missing ?? current + 1;
}

export function yearLabel(year: number, officialYears: readonly number[], own: readonly number[]): string {
  if (own.includes(year)) return `${year}年（本机关已录入）`;
  if (officialYears.includes(year)) return `${year}年（内置数据已覆盖）`;
  return `${year}年（尚未覆盖）`;
}

/** Consecutive days off as one range, as the 放假安排 states them (10月1日至7日). */
export function holidayRows(dates: readonly string[]): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const date of [...dates].sort()) {
    const last = rows[rows.length - 1];
    if (last !== undefined && addDays(last.end, 1) === date) last.end = date;
    else rows.push({ start: date, end: date });
  }
  return rows;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** '10月1日至10月8日（8天）' or '5月1日（周四）'. */
export function rangeLabel(row: HolidayRow): string {
  const md = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  if (!isIsoDate(row.start) || !isIsoDate(row.end)) return '';
  if (row.start === row.end) return `${md(row.start)}（${WEEKDAYS[weekdayOf(row.start)] ?? ''}）`;
  if (row.end < row.start) return '';
  let days = 1;
  for (let d = row.start; d < row.end; d = addDays(d, 1)) days += 1;
  return `${md(row.start)}至${md(row.end)}（${days}天）`;
}

export interface YearRows {
  holidays: HolidayRow[];
  workdays: WorkdayRow[];
}

export function rowsOf(table: OrganYear | undefined): YearRows {
  return {
    holidays: table ? holidayRows(table.holidays) : [],
    workdays: table ? table.workdays.map((date) => ({ date })) : [],
  };
}

export interface RowErrors {
  holidays: string[];
  workdays: string[];
  /** About the year as a whole (no holiday at all). */
  year: string;
}

export const noErrors = (): RowErrors => ({ holidays: [], workdays: [], year: '' });

const hasErrors = (e: RowErrors): boolean =>
  e.year !== '' || e.holidays.some((m) => m !== '') || e.workdays.some((m) => m !== '');

export type Built = { ok: true; table: OrganYear; rowOfHoliday: number[] } | { ok: false; errors: RowErrors };

/** The rows as the year's table: each range spelled out day by day, with the row each day came from. */
export function tableOf(rows: YearRows): Built {
  const errors = noErrors();
  const holidays: string[] = [];
  const rowOfHoliday: number[] = [];
  rows.holidays.forEach((row, i) => {
    if (row.start === '' || row.end === '') errors.holidays[i] = '请选择放假的起止日期';
    else if (row.end < row.start) errors.holidays[i] = '结束日期不能早于开始日期';
    else {
      for (let d = row.start; d <= row.end; d = addDays(d, 1)) {
        holidays.push(d);
        rowOfHoliday.push(i);
      }
    }
  });
  rows.workdays.forEach((row, i) => {
    if (row.date === '') errors.workdays[i] = '请选择调休上班日期';
  });
  if (hasErrors(errors)) return { ok: false, errors };
  return { ok: true, table: { holidays, workdays: rows.workdays.map((r) => r.date) }, rowOfHoliday };
}

/** The whole calendar with `year` replaced by its new table. */
export function withYear(calendar: OrganCalendar, year: number, table: OrganYear): OrganCalendar {
  return { years: { ...calendar.years, [String(year)]: table } };
}

/**
 * The schema's errors (`calendar.years.2027.holidays.3：…`) on their rows: a holiday day's index → its range.
 * The message loses its path; what it says (不属于 2027 年, 重复, 同时填为…) stays.
 */
export function rowErrors(
  fieldErrors: readonly FieldError[] | undefined,
  year: number,
  rowOfHoliday: readonly number[],
): RowErrors {
  const errors = noErrors();
  for (const e of fieldErrors ?? []) {
    const parts = e.path.split('.');
    const at = parts.indexOf(String(year));
    const field = parts[at + 1];
    const index = Number(parts[at + 2]);
    const text = e.message.startsWith(`${e.path}：`) ? e.message.slice(e.path.length + 1) : e.message;
    if (at < 0) errors.year = errors.year || text;
    else if (field === 'holidays' && Number.isInteger(index)) {
      const row = rowOfHoliday[index] ?? 0;
      errors.holidays[row] = errors.holidays[row] || text;
    } else if (field === 'workdays' && Number.isInteger(index)) errors.workdays[index] = errors.workdays[index] || text;
    else errors.year = errors.year || text;
  }
  return errors;
}

export interface OwnYear {
  year: number;
  summary: string;
}

export function ownYears(calendar: OrganCalendar): OwnYear[] {
  return Object.entries(calendar.years)
    .map(([year, t]) => ({
      year: Number(year),
      summary: `放假 ${t.holidays.length} 天，调休上班 ${t.workdays.length} 天`,
    }))
    .sort((a, b) => a.year - b.year);
}
