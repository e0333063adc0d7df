import { execFileSync } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import chineseDays from 'chinese-days';
import {
  addDays,
  CalendarError,
  createCalendar,
  MAX_WORKDAYS,
  OFFICIAL_YEARS,
  statutoryHolidays,
  weekdayOf,
} from '../../../shared/calendar';

const cal = createCalendar();

/** A hypothetical 2027 table, as an organ would enter it (not the real 2027 arrangement). */
const ORGAN_2027 = {
  years: {
    '2027': {
      holidays: [
        '2027-01-01',
        '2027-10-01',
        '2027-10-02',
        '2027-10-03',
        '2027-10-04',
        '2027-10-05',
        '2027-10-06',
        '2027-10-07',
      ],
      workdays: ['2027-09-26', '2027-10-09'],
    },
  },
};

describe('official calendar (chinese-days data, checked by hand against the 国务院办公厅 notices)', () => {
  it.each([
    // [date, weekday 0=Sun, working?, name]
    ['2025-01-26', 0, true, '春节调休上班'],
    ['2025-02-08', 6, true, '春节调休上班'],
    ['2025-04-27', 0, true, '劳动节调休上班'],
    ['2025-09-28', 0, true, '国庆节调休上班'],
    ['2025-10-11', 6, true, '国庆节调休上班'],
    ['2025-10-06', 1, false, '中秋'],
    ['2025-10-08', 3, false, '国庆节'],
    ['2025-01-28', 2, false, '春节'],
    ['2025-02-04', 2, false, '春节'],
    ['2026-01-04', 0, true, '元旦调休上班'],
    ['2026-02-14', 6, true, '春节调休上班'],
    ['2026-02-28', 6, true, '春节调休上班'],
    ['2026-05-09', 6, true, '劳动节调休上班'],
    ['2026-09-20', 0, true, '国庆节调休上班'],
    ['2026-10-10', 6, true, '国庆节调休上班'],
    ['2026-02-23', 1, false, '春节'],
    ['2026-09-25', 5, false, '中秋'],
    ['2026-10-07', 3, false, '国庆节'],
  ] as const)('%s (weekday %d) working=%s (%s)', (date, weekday, working, name) => {
    expect(weekdayOf(date)).toBe(weekday);
    expect(cal.isWorkday(date)).toEqual({
      date,
      workday: working,
      coverage: 'official',
      name,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('plain weekdays and weekends carry no name', () => {
    expect(cal.isWorkday('2025-09-26')).toMatchObject({ workday: true, coverage: 'official' });
    expect(cal.isWorkday('2025-09-27')).toMatchObject({ workday: false });
    expect(cal.isWorkday('2025-09-27').name).toBeUndefined();
  });

  it.each([
    // 国庆 2025: 09-28 (Sun) and 10-11 (Sat) count, 10-01..08 do not.
    ['2025-09-25', 20, '2025-10-29'],
    ['2025-09-25', 7, '2025-10-11'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-09-30', 1, '2025-10-09'],
    // 春节 2025: 01-26 (Sun) and 02-08 (Sat) count, 01-28..02-04 do not.
    ['2025-01-20', 20, '2025-02-21'],
    ['2025-01-20', 7, '2025-02-05'],
    // 春节 2026: 02-14 and 02-28 (Saturdays) count, 02-15..23 do not.
    ['2026-02-10', 20, '2026-03-16'],
    ['2026-02-10', 7, '2026-02-26'],
    // 中秋 + 国庆 2026: 09-20 (Sun) and 10-10 (Sat) count, 09-25..27 and 10-01..07 do not.
    ['2026-09-18', 20, '2026-10-22'],
    ['2026-09-18', 1, '2026-09-20'],
  ])('addWorkdays(%s, %d) = %s', (start, n, due) => {
    expect(cal.addWorkdays(start, n)).toEqual({ date: due, provisional: false, provisionalYears: [] });
    expect(chineseDays.findWorkday(n, start)).toBe(due);
  });

  it('n = 0 gives the start when it is a working day, else the next working day', () => {
    expect(cal.addWorkdays('2025-09-26', 0).date).toBe('2025-09-26');
    expect(cal.addWorkdays('2025-09-28', 0).date).toBe('2025-09-28'); // 调休 Sunday
    expect(cal.addWorkdays('2025-10-01', 0).date).toBe('2025-10-09');
  });

  it('counts working days in (a, b], negative when b is before a', () => {
    expect(cal.workdaysBetween('2025-09-25', '2025-10-29').count).toBe(20);
    expect(cal.workdaysBetween('2025-09-30', '2025-10-08').count).toBe(0);
    expect(cal.workdaysBetween('2025-10-29', '2025-09-25').count).toBe(-20);
    expect(cal.workdaysBetween('2025-09-27', '2025-09-27').count).toBe(0);
    expect(Object.is(cal.workdaysBetween('2025-10-05', '2025-10-03').count, 0)).toBe(true);
  });

  it('knows which years it covers', () => {
    expect([...OFFICIAL_YEARS].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
    expect(cal.coverage(2025)).toBe('official');
    expect(cal.coverage(2027)).toBe('none');
    expect(cal.coverage(2003)).toBe('none');
  });

  it('agrees with chinese-days on every day it covers', () => {
    const mismatches: string[] = [];
    for (let d = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (cal.isWorkday(d).workday !== chineseDays.isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('does not depend on the process time zone (chinese-days functions do, west of UTC)', () => {
    const tsx = path.join(__dirname, '../../../node_modules/.bin/tsx');
    const script = `import { createCalendar } from './shared/calendar'; const c = createCalendar();
      console.log(JSON.stringify([c.isWorkday('2025-09-27').workday, c.isWorkday('2025-09-28').workday, c.addWorkdays('2025-09-25', 20).date]));`;
    const out = execFileSync(tsx, ['-e', script], {
      cwd: path.join(__dirname, '../../..'),
      env: { ...process.env, TZ: 'America/Los_Angeles' },
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([false, true, '2025-10-29']);
  });
});

describe('years without data', () => {
  it('treats Monday–Friday less the statutory holidays as working and flags the result provisional', () => {
    const day = cal.isWorkday('2027-10-01');
    expect(day).toMatchObject({ workday: false, coverage: 'none', name: '国庆节', provisional: true });
    expect(day.prompt).toContain('2027年的节假日安排尚未录入');
    expect(cal.isWorkday('2027-10-04')).toMatchObject({ workday: true, provisional: true }); // a bridge day: unknown
    // 1 January 2027 (a Friday) is 元旦, not a working day: the 20th working day moves one day later.
    const due = cal.addWorkdays('2026-12-15', 20);
    expect(due).toMatchObject({ date: '2027-01-13', provisional: true, provisionalYears: [2027] });
    expect(cal.workdaysBetween('2026-12-15', '2027-01-13')).toMatchObject({ count: 20, provisional: true });
  });

  it('knows the 13 statutory days of a later year (2024 放假办法), lunar ones included', () => {
    const off = (d: string) => cal.isWorkday(d).workday === false;
    // 2027: 除夕 2-05, 春节 2-06..2-08, 清明 4-05, 端午 6-09, 中秋 9-15 (weekdays unless noted).
    for (const d of ['2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-05-03']) {
      expect([d, off(d)]).toEqual([d, d !== '2027-05-03']); // 5月3日 is not statutory
    }
    expect(cal.isWorkday('2027-05-01').name).toBe('劳动节');
    expect(statutoryHolidays(2027).size).toBe(13);
    const statutory = statutoryHolidays(2028);
    expect(statutory.get('2028-01-25')).toBe('春节'); // 除夕 of 2028 (正月初一 is 1-26)
    expect(statutory.size).toBe(12); // 中秋 2028 falls on 10月3日, a 国庆 day already
    expect(statutoryHolidays(2099).size).toBe(6); // outside the lunar table: the six fixed-date days only
  });

  it('is not provisional when the range stays inside covered years', () => {
    const due = cal.addWorkdays('2026-12-01', 20);
    expect(due).toEqual({ date: '2026-12-29', provisional: false, provisionalYears: [] });
    expect(due.prompt).toBeUndefined();
  });

  it('lists every uncovered year touched, in order', () => {
    expect(cal.workdaysBetween('2026-12-31', '2029-01-02').provisionalYears).toEqual([2027, 2028, 2029]);
  });
});

describe('organ calendar', () => {
  const organ = createCalendar(ORGAN_2027);

  it('makes 2027 non-provisional and skips its holidays', () => {
    expect(organ.coverage(2027)).toBe('organ');
    expect(organ.isWorkday('2027-10-01')).toEqual({
      date: '2027-10-01',
      workday: false,
      coverage: 'organ',
      provisional: false,
      provisionalYears: [],
    });
    expect(organ.isWorkday('2027-10-09').workday).toBe(true); // a Saturday entered as 调休
    expect(weekdayOf('2027-10-09')).toBe(6);
    expect(organ.addWorkdays('2026-12-15', 20)).toEqual({
      date: '2027-01-13',
      provisional: false,
      provisionalYears: [],
    });
    // 2027-09-30 (Thu) + 1 → 10-08 (Fri), skipping the week off.
    expect(organ.addWorkdays('2027-09-30', 1).date).toBe('2027-10-08');
    expect(organ.addWorkdays('2027-09-30', 2).date).toBe('2027-10-09');
  });

  it('wins over chinese-days for a year it enters, so an organ can correct a year', () => {
    const corrected = createCalendar({ years: { '2026': { holidays: ['2026-10-08'], workdays: [] } } });
    expect(corrected.coverage(2026)).toBe('organ');
    expect(corrected.isWorkday('2026-10-08').workday).toBe(false);
    expect(corrected.isWorkday('2026-10-01').workday).toBe(true); // not in its table any more
    expect(corrected.isWorkday('2026-10-10').workday).toBe(false); // 调休 Saturday not entered
    expect(corrected.coverage(2025)).toBe('official');
  });

  it('rejects an invalid table with a coded error naming the field', () => {
    const bad = { years: { '2027': { holidays: ['2027-02-30'], workdays: [] } } };
    expect(() => createCalendar(bad)).toThrow(CalendarError);
    try {
      createCalendar(bad);
    } catch (e) {
      expect(e).toMatchObject({ code: 'INVALID_CALENDAR' });
      expect((e as CalendarError).fieldErrors?.[0]?.path).toBe('years.2027.holidays.0');
      expect((e as CalendarError).message).toContain('放假日期须为 YYYY-MM-DD 格式的有效日期');
      expect((e as CalendarError).message).not.toMatch(/holidays|Invalid/);
    }
  });
});

describe('argument checks', () => {
  it.each([
    ['month 13', () => cal.isWorkday('2025-13-01'), 'INVALID_DATE'],
    ['unpadded date', () => cal.isWorkday('2025-9-1'), 'INVALID_DATE'],
    ['29 Feb of a common year', () => cal.addWorkdays('2025-02-29', 1), 'INVALID_DATE'],
    ['negative n', () => cal.addWorkdays('2025-02-28', -1), 'INVALID_ARGUMENT'],
    ['fractional n', () => cal.addWorkdays('2025-02-28', 1.5), 'INVALID_ARGUMENT'],
    ['n too large', () => cal.addWorkdays('2025-02-28', MAX_WORKDAYS + 1), 'INVALID_ARGUMENT'],
    ['text end date', () => cal.workdaysBetween('2025-02-28', 'tomorrow'), 'INVALID_DATE'],
    ['fractional year', () => cal.coverage(2025.5), 'INVALID_ARGUMENT'],
  ] as const)('%s: throws %s', (_label, call, code) => {
    expect(call).toThrow(expect.objectContaining({ code }));
  });
});

describe('properties', () => {
  // Every day from 2004 to 2028: official years, and 2027–2028 from the organ table or the fallback.
  const day = fc.integer({ min: 0, max: 9131 }).map((i) => addDays('2004-01-01', i));
  const calendars = fc.constantFrom(cal, createCalendar(ORGAN_2027));

  it('adding N working days never ends on a day off', () => {
    fc.assert(
      fc.property(calendars, day, fc.integer({ min: 0, max: 60 }), (c, start, n) => {
        expect(c.isWorkday(c.addWorkdays(start, n).date).workday).toBe(true);
      }),
    );
  });

  it('workdaysBetween(a, addWorkdays(a, n)) === n for n ≥ 1, and for n = 0 on a working day', () => {
    fc.assert(
      fc.property(calendars, day, fc.integer({ min: 0, max: 60 }), (c, start, n) => {
        fc.pre(n > 0 || c.isWorkday(start).workday);
        expect(c.workdaysBetween(start, c.addWorkdays(start, n).date).count).toBe(n);
      }),
    );
  });

  it('workdaysBetween is additive and antisymmetric', () => {
    const near = fc.integer({ min: 0, max: 800 }).map((i) => addDays('2025-06-01', i));
    fc.assert(
      fc.property(near, near, near, (a, b, x) => {
        expect(cal.workdaysBetween(a, x).count).toBe(cal.workdaysBetween(a, b).count + cal.workdaysBetween(b, x).count);
        expect(cal.workdaysBetween(b, a).count + cal.workdaysBetween(a, b).count).toBe(0);
      }),
    );
  });

  it('matches chinese-days findWorkday inside covered years', () => {
    const covered = fc.integer({ min: 0, max: 8300 }).map((i) => addDays('2004-01-01', i));
    fc.assert(
      fc.property(covered, fc.integer({ min: 0, max: 40 }), (start, n) => {
        expect(cal.addWorkdays(start, n).date).toBe(chineseDays.findWorkday(n, start));
      }),
    );
  });

  it('is provisional exactly when a day of an uncovered year was consulted', () => {
    const late2026 = fc.integer({ min: 0, max: 60 }).map((i) => addDays('2026-11-15', i));
    fc.assert(
      fc.property(late2026, fc.integer({ min: 1, max: 40 }), (start, n) => {
        const r = cal.addWorkdays(start, n);
        expect(r.provisional).toBe(r.date >= '2027-01-01');
        expect(r.provisionalYears).toEqual(r.date >= '2027-01-01' ? [2027] : []);
      }),
    );
  });
});
