import {
  addDays,
  assertIsoDate,
  fromDayNumber,
  isAfter,
  isBefore,
  isIsoDate,
  toDayNumber,
  weekdayOf,
  yearOf,
} from '../../../shared/calendar';

describe('dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(isIsoDate('0050-01-01')).toBe(false); // Date.UTC maps years 0–99 to 19xx
    expect(isIsoDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });

  it('does day arithmetic in UTC day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2025-12-31') + 1)).toBe('2026-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('1969-12-28')).toBe(0); // before the epoch too
    expect(weekdayOf('2025-10-11')).toBe(6);
    expect(yearOf('2027-01-01')).toBe(2027);
    expect(isBefore('2025-09-30', '2025-10-01')).toBe(true);
    expect(isAfter('2025-09-30', '2025-10-01')).toBe(false);
  });

  it('throws a coded Chinese error naming the field', () => {
    expect(() => assertIsoDate('2025/10/01', '收到申请日期')).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATE',
        message: expect.stringContaining('收到申请日期须为 YYYY-MM-DD'),
      }),
    );
    expect(() => toDayNumber('x')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
