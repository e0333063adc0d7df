/**
 * Counting working days with pauses cut out. A pause covers the days in (start, end]: the day a notice goes
 * out still counts (the organ worked on it), counting resumes the day after the pause ends — the same
 * "from the next day" rule 条例 第三十三条 applies to receipt.
 */
import type { Calendar } from './calendar';
import { addDays, type IsoDate } from './dates';

export interface Pause {
  start: IsoDate;
  end: IsoDate;
}

/** Wraps a calendar and remembers every year without data that any answer depended on. */
export class DayCounter {
  private readonly unknownYears = new Set<number>();

  constructor(private readonly calendar: Calendar) {}

  isWorkday(date: IsoDate): boolean {
    const day = this.calendar.isWorkday(date);
    this.remember(day.provisionalYears);
    return day.workday;
  }

  addWorkdays(start: IsoDate, n: number): IsoDate {
    const result = this.calendar.addWorkdays(start, n);
    this.remember(result.provisionalYears);
    return result.date;
  }

  /** Working days in (a, b]; 0 when b is not after a. */
  workdaysIn(a: IsoDate, b: IsoDate): number {
    if (b <= a) return 0;
    const result = this.calendar.workdaysBetween(a, b);
    this.remember(result.provisionalYears);
    return result.count;
  }

  get provisionalYears(): number[] {
    return [...this.unknownYears].sort((a, b) => a - b);
  }

  private remember(years: readonly number[]): void {
    for (const y of years) this.unknownYears.add(y);
  }
}

function isPaused(date: IsoDate, pauses: readonly Pause[]): boolean {
  return pauses.some((p) => p.start < date && date <= p.end);
}

function counts(counter: DayCounter, date: IsoDate, pauses: readonly Pause[]): boolean {
  return !isPaused(date, pauses) && counter.isWorkday(date);
}

/**
 * The day the `limit`-th counted working day after `base` falls on. When a pause starts on that very day the
 * deadline moves to the pause's end: the period ran out while the clock was stopped, and the time from the
 * notice on is not counted (条例 第三十三条第二款; 109号 for fees), so the organ may still answer that day.
 */
export function dueDateOf(counter: DayCounter, base: IsoDate, pauses: readonly Pause[], limit: number): IsoDate {
  let date = base;
  for (let count = 0; count < limit;) {
    date = addDays(date, 1);
    if (counts(counter, date, pauses)) count += 1;
  }
  for (;;) {
    const carried = pauses.find((p) => p.start === date && p.end > date);
    if (!carried) return date;
    date = carried.end;
  }
}

/** Counted working days in (base, until]. */
export function countedDays(counter: DayCounter, base: IsoDate, pauses: readonly Pause[], until: IsoDate): number {
  let n = 0;
  for (let date = addDays(base, 1); date <= until; date = addDays(date, 1)) {
    if (counts(counter, date, pauses)) n += 1;
  }
  return n;
}
