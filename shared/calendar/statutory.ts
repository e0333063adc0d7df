/**
 * The statutory public holidays of 《全国年节及纪念日放假办法》 as revised in 2024 (国务院令第795号, in force
 * 2025-01-01), 第二条: 13 days — 元旦 1月1日; 春节 农历除夕至正月初三 (4); 清明节 (the solar term's day, 1);
 * 劳动节 5月1日、2日 (2); 端午节 农历五月初五 (1); 中秋节 农历八月十五 (1); 国庆节 10月1日至3日 (3).
 *
 * For a year whose 国务院办公厅 notice is not out yet these days are known; only the bridge days and the
 * 调休 weekends are not. Counting them as days off makes a provisional due date less wrong (never earlier
 * because of them); it stays provisional because the bridge days can only push it later.
 *
 * The lunar and solar-term dates are data, computed once with chinese-days 1.5.7 (getSolarDateFromLunar,
 * getSolarTermDate('pure_brightness')) under TZ=Asia/Shanghai and TZ=UTC (identical), and checked against the
 * known 2027–2028 dates (春节 2027-02-06, 2028-01-26; 中秋 2027-09-15, 2028-10-03). A year outside the table falls back to the fixed-date holidays.
 */
import { addDays, type IsoDate } from './dates';

/** Month-day of 正月初一, 清明, 端午 (五月初五), 中秋 (八月十五) per year. */
const MOVABLE: Readonly<Record<number, readonly [string, string, string, string]>> = {
  2027: ['02-06', '04-05', '06-09', '09-15'],
  2028: ['01-26', '04-04', '05-28', '10-03'],
  2029: ['02-13', '04-04', '06-16', '09-22'],
  2030: ['02-03', '04-05', '06-05', '09-12'],
  2031: ['01-23', '04-05', '06-24', '10-01'],
  2032: ['02-11', '04-04', '06-12', '09-19'],
  2033: ['01-31', '04-04', '06-01', '09-08'],
  2034: ['02-19', '04-05', '06-20', '09-27'],
  2035: ['02-08', '04-05', '06-10', '09-16'],
  2036: ['01-28', '04-04', '05-30', '10-04'],
  2037: ['02-15', '04-04', '06-18', '09-24'],
  2038: ['02-04', '04-05', '06-07', '09-13'],
  2039: ['01-24', '04-05', '05-27', '10-02'],
  2040: ['02-12', '04-04', '06-14', '09-20'],
  2041: ['02-01', '04-04', '06-03', '09-10'],
  2042: ['01-22', '04-04', '06-22', '09-28'],
  2043: ['02-10', '04-05', '06-11', '09-17'],
  2044: ['01-30', '04-04', '05-31', '10-05'],
  2045: ['02-17', '04-04', '06-19', '09-25'],
  2046: ['02-06', '04-04', '06-08', '09-15'],
  2047: ['01-26', '04-05', '05-29', '10-04'],
  2048: ['02-14', '04-04', '06-15', '09-22'],
  2049: ['02-02', '04-04', '06-04', '09-11'],
  2050: ['01-23', '04-04', '06-23', '09-30'],
  2051: ['02-11', '04-05', '06-13', '09-19'],
  2052: ['02-01', '04-04', '06-01', '09-07'],
  2053: ['02-19', '04-04', '06-20', '09-26'],
  2054: ['02-08', '04-04', '06-10', '09-16'],
  2055: ['01-28', '04-05', '05-30', '10-05'],
  2056: ['02-15', '04-04', '06-17', '09-24'],
  2057: ['02-04', '04-04', '06-06', '09-13'],
  2058: ['01-24', '04-04', '06-25', '10-02'],
  2059: ['02-12', '04-05', '06-14', '09-21'],
  2060: ['02-02', '04-04', '06-03', '09-09'],
};

export const STATUTORY_HOLIDAY_BASIS = '《全国年节及纪念日放假办法》（2024年修订）第二条';

/** The years whose movable holidays are in the table. */
export const STATUTORY_TABLE_YEARS = { from: 2027, to: 2060 } as const;

/** The statutory days off of `year`, date → name (weekends that fall inside are not added). */
export function statutoryHolidays(year: number): ReadonlyMap<IsoDate, string> {
  const days = new Map<IsoDate, string>();
  const y = String(year).padStart(4, '0');
  days.set(`${y}-01-01`, '元旦');
  days.set(`${y}-05-01`, '劳动节');
  days.set(`${y}-05-02`, '劳动节');
  for (const d of ['10-01', '10-02', '10-03']) days.set(`${y}-${d}`, '国庆节');
  const movable = MOVABLE[year];
  if (movable) {
    const [springFestival, qingming, duanwu, midAutumn] = movable;
    const first = `${y}-${springFestival}`;
    days.set(addDays(first, -1), '春节'); // 除夕: the day before 正月初一 (may fall in the same year only)
    for (let i = 0; i < 3; i += 1) days.set(addDays(first, i), '春节');
    days.set(`${y}-${qingming}`, '清明节');
    days.set(`${y}-${duanwu}`, '端午节');
    days.set(`${y}-${midAutumn}`, '中秋节');
  }
  return days;
}
