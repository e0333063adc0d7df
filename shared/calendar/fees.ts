/**
 * 信息处理费 per 国办函〔2020〕109号, in whole 元. Charging at all is a staff decision (条例 第四十二条: only
 * where requests clearly exceed a reasonable amount or frequency); these functions only price it. Each
 * request is priced by count or by pages, never both (109号 第三条).
 */
import { CalendarError } from './errors';

function assertCount(value: number, min: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new CalendarError('INVALID_ARGUMENT', `${label}须为不小于 ${min} 的整数，收到：${value}`);
  }
}

/**
 * 109号 第四条 (by count, one applicant, one calendar month): requests 1–10 free; 11–30 100元 each; from
 * the 31st in bands of 10, each band 100元 more per request (31–40 200元, 41–50 300元, …).
 */
export function feeByCount(nthRequestThisMonth: number): number {
  assertCount(nthRequestThisMonth, 1, '本月第几件申请');
  const n = nthRequestThisMonth;
  if (n <= 10) return 0;
  if (n <= 30) return 100;
  return 100 * (2 + Math.floor((n - 31) / 10));
}

/** Sum of feeByCount over the 1st … `requests`-th request of a month (progressive, 109号 第三条). */
export function totalFeeByCount(requests: number): number {
  assertCount(requests, 0, '本月申请件数');
  let total = 100 * Math.max(0, Math.min(requests, 30) - 10);
  for (let first = 31, rate = 200; first <= requests; first += 10, rate += 100) {
    total += rate * (Math.min(requests, first + 9) - first + 1);
  }
  return total;
}

/** 109号 第五条 (by pages; paper, e-mail or copied delivery), progressive over the page bands. */
export const PAGE_BANDS = [
  { from: 31, to: 100, yuanPerPage: 10 },
  { from: 101, to: 200, yuanPerPage: 20 },
  { from: 201, to: Infinity, yuanPerPage: 40 },
] as const;

/** ≤ 30 pages free; pages 31–100 10元/页; 101–200 20元/页; from 201 40元/页 — each rate on its band only. */
export function feeByPages(pages: number): number {
  assertCount(pages, 0, '页数');
  return PAGE_BANDS.reduce(
    (sum, band) => sum + band.yuanPerPage * Math.max(0, Math.min(pages, band.to) - band.from + 1),
    0,
  );
}
