/**
 * The working-day calendar: chinese-days' official data (国务院办公厅 放假安排, 2004–2026 in 1.5.7) plus the
 * organ's own table for other years. A year with neither falls back to Monday–Friday less the statutory
 * holidays of the 2024 放假办法 (statutory.ts), and every result that touched such a year says so
 * (provisional): bridge days and 调休 are unknown, so a due date is never silently wrong.
 *
 * The data is read from chinese-days' JSON rather than through its functions: those parse 'YYYY-MM-DD' as
 * UTC but read the weekday in local time, so west of UTC they judge the previous day.
 */
import official from 'chinese-days/dist/chinese-days.json';
import { CalendarError } from './errors';
import { assertIsoDate, fromDayNumber, toDayNumber, weekdayOf, yearOf, type IsoDate } from './dates';
import { statutoryHolidays } from './statutory';
import { organCalendarSchema, type OrganCalendar } from './schema';
import { issueMessage, toFieldErrors } from '../errors';

/** Where a year's holidays come from. */
export type Coverage = 'official' | 'organ' | 'none';

/** Carried by every result that depends on which days are working days. */
export interface Provisional {
  /** True when a year without entered data (coverage 'none') was involved. */
  provisional: boolean;
  provisionalYears: number[];
  /** Chinese prompt to enter those years' calendars; present only when provisional. */
  prompt?: string;
}

export interface DayResult extends Provisional {
  date: IsoDate;
  workday: boolean;
  coverage: Coverage;
  /** Official name of the holiday or 调休 working day, e.g. '国庆节' or '国庆节调休上班'. */
  name?: string;
}

export interface WorkdayResult extends Provisional {
  date: IsoDate;
}

export interface CountResult extends Provisional {
  count: number;
}

export interface Calendar {
  /** Whether `date` is a working day. Returns an object so the provisional flag cannot be dropped. */
  isWorkday(date: IsoDate): DayResult;
  /**
   * The n-th working day after `start` (start itself is not counted, as 条例 第三十三条 counts from the day
   * after receipt). n = 0 gives `start` when it is a working day, else the next working day (like
   * chinese-days' findWorkday(0, date)).
   */
  addWorkdays(start: IsoDate, n: number): WorkdayResult;
  /** Working days in (a, b]; negative (−count of (b, a]) when b is before a. */
  workdaysBetween(a: IsoDate, b: IsoDate): CountResult;
  coverage(year: number): Coverage;
}

/** Upper bound on n for addWorkdays: far beyond any legal time limit, low enough to fail fast on garbage. */
export const MAX_WORKDAYS = 10_000;

interface YearTable {
  holidays: ReadonlyMap<IsoDate, string>;
  workdays: ReadonlyMap<IsoDate, string>;
}

/** chinese-days stores 'English,中文,n'; keep the Chinese name. */
function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

const OFFICIAL_DATA: { holidays: Record<string, string>; workdays: Record<string, string> } = official;
const OFFICIAL: YearTable = {
  holidays: new Map(Object.entries(OFFICIAL_DATA.holidays).map(([d, e]) => [d, chineseName(e)])),
  workdays: new Map(Object.entries(OFFICIAL_DATA.workdays).map(([d, e]) => [d, `${chineseName(e)}调休上班`])),
};
/** Years the package has data for (derived, so a package update extends it without code changes). */
export const OFFICIAL_YEARS: ReadonlySet<number> = new Set([...OFFICIAL.holidays.keys()].map(yearOf));

/** Chinese prompt shown with a provisional result. */
export function provisionalPrompt(years: readonly number[]): string {
  const list = years.join('、');
  return `${list}年的节假日安排尚未录入，相关期限暂按周一至周五为工作日计算，仅供参考；请录入${list}年国务院办公厅公布的放假和调休安排。`;
}

function flags(years: ReadonlySet<number>): Provisional {
  const provisionalYears = [...years].sort((a, b) => a - b);
  if (provisionalYears.length === 0) return { provisional: false, provisionalYears };
  return { provisional: true, provisionalYears, prompt: provisionalPrompt(provisionalYears) };
}

function validOverrides(overrides: OrganCalendar | undefined): OrganCalendar {
  const parsed = organCalendarSchema.safeParse(overrides ?? { years: {} }, { error: issueMessage });
  if (parsed.success) return parsed.data;
  const fieldErrors = toFieldErrors(parsed.error);
  throw new CalendarError('INVALID_CALENDAR', `本机关工作日历有误：${fieldErrors[0]?.message ?? '格式不正确'}`, {
    fieldErrors,
  });
}

export function createCalendar(overrides?: OrganCalendar): Calendar {
  const organ = new Map<number, YearTable>();
  for (const [year, table] of Object.entries(validOverrides(overrides).years)) {
    organ.set(Number(year), {
      holidays: new Map(table.holidays.map((d) => [d, ''])),
      workdays: new Map(table.workdays.map((d) => [d, ''])),
    });
  }

  const statutoryYears = new Map<number, ReadonlyMap<IsoDate, string>>();
  function statutoryOf(year: number): ReadonlyMap<IsoDate, string> {
    let days = statutoryYears.get(year);
    if (!days) statutoryYears.set(year, (days = statutoryHolidays(year)));
    return days;
  }

  function coverage(year: number): Coverage {
    if (organ.has(year)) return 'organ'; // an organ's table wins, so it can correct a year
    return OFFICIAL_YEARS.has(year) ? 'official' : 'none';
  }

  /** Classifies one valid date and records its year when it has no data. */
  function classify(date: IsoDate, unknownYears: Set<number>): Omit<DayResult, keyof Provisional> {
    const year = yearOf(date);
    const cov = coverage(year);
    const wd = weekdayOf(date);
    const weekday = wd >= 1 && wd <= 5;
    if (cov === 'none') {
      // No announced table: the statutory days of the 2024 放假办法 are known, bridge days and 调休 are not.
      unknownYears.add(year);
      const statutory = statutoryOf(year).get(date);
      if (statutory !== undefined) return { date, workday: false, coverage: cov, name: statutory };
      return { date, workday: weekday, coverage: cov };
    }
    const table = cov === 'organ' ? organ.get(year) : OFFICIAL;
    const makeUp = table?.workdays.get(date);
    if (makeUp !== undefined) return { date, workday: true, coverage: cov, ...(makeUp ? { name: makeUp } : {}) };
    const holiday = table?.holidays.get(date);
    if (holiday !== undefined) return { date, workday: false, coverage: cov, ...(holiday ? { name: holiday } : {}) };
    return { date, workday: weekday, coverage: cov };
  }

  return {
    coverage(year) {
      if (!Number.isInteger(year)) throw new CalendarError('INVALID_ARGUMENT', `年份须为整数，收到：${year}`);
      return coverage(year);
    },

    isWorkday(date) {
      assertIsoDate(date, '日期');
      const years = new Set<number>();
      const day = classify(date, years);
      return { ...day, ...flags(years) };
    },

    addWorkdays(start, n) {
      assertIsoDate(start, '起算日期');
      if (!Number.isInteger(n) || n < 0 || n > MAX_WORKDAYS) {
        throw new CalendarError('INVALID_ARGUMENT', `工作日数须为 0 至 ${MAX_WORKDAYS} 的整数，收到：${n}`);
      }
      const years = new Set<number>();
      let day = toDayNumber(start);
      if (n === 0) {
        while (!classify(fromDayNumber(day), years).workday) day += 1;
        return { date: fromDayNumber(day), ...flags(years) };
      }
      for (let left = n; left > 0;) {
        day += 1;
        if (classify(fromDayNumber(day), years).workday) left -= 1;
      }
      return { date: fromDayNumber(day), ...flags(years) };
    },

    workdaysBetween(a, b) {
      assertIsoDate(a, '开始日期');
      assertIsoDate(b, '结束日期');
      const [from, to, sign] = a <= b ? [a, b, 1] : [b, a, -1];
      const years = new Set<number>();
      let count = 0;
      for (let day = toDayNumber(from) + 1, end = toDayNumber(to); day <= end; day += 1) {
        if (classify(fromDayNumber(day), years).workday) count += 1;
      }
      return { count: count === 0 ? 0 : sign * count, ...flags(years) }; // never -0
    },
  };
}
