import { countedDays, createCalendar, DayCounter, dueDateOf } from '../../../shared/calendar';

const cal = createCalendar();

describe('timeline', () => {
  it('a pause excludes (start, end]: the start day counts, counting resumes after the end', () => {
    const counter = new DayCounter(cal);
    const pauses = [{ start: '2025-09-29', end: '2025-09-30' }];
    expect(countedDays(counter, '2025-09-25', pauses, '2025-09-30')).toBe(3); // 09-26, 09-28, 09-29
    expect(dueDateOf(counter, '2025-09-25', pauses, 2)).toBe('2025-09-28');
    expect(dueDateOf(counter, '2025-09-25', pauses, 4)).toBe('2025-10-09');
    // The 3rd day is the pause's first day: the deadline is carried to the pause end.
    expect(dueDateOf(counter, '2025-09-25', pauses, 3)).toBe('2025-09-30');
  });

  it('a pause starting on the due date carries it to the pause end, also through back-to-back pauses', () => {
    const counter = new DayCounter(cal);
    const pauses = [
      { start: '2025-09-29', end: '2025-10-15' },
      { start: '2025-10-15', end: '2025-10-17' },
    ];
    expect(dueDateOf(counter, '2025-09-25', pauses, 3)).toBe('2025-10-17');
    // An empty pause (same-day start and end) changes nothing.
    expect(dueDateOf(counter, '2025-09-25', [{ start: '2025-09-29', end: '2025-09-29' }], 3)).toBe('2025-09-29');
  });

  it('remembers the years without data it touched', () => {
    const counter = new DayCounter(cal);
    expect(counter.provisionalYears).toEqual([]);
    counter.addWorkdays('2026-12-30', 5);
    counter.isWorkday('2028-03-01');
    expect(counter.provisionalYears).toEqual([2027, 2028]);
  });
});
