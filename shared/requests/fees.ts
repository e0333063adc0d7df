/**
 * Pricing a 信息处理费 for one request with shared/calendar's tables (国办函〔2020〕109号). Whether to charge
 * at all is a staff decision (条例 第四十二条: only where amount or frequency clearly exceeds a reasonable
 * range); this only computes the amount a fee notice must state, and shows how.
 */
import { PAGE_BANDS, feeByCount, feeByPages } from '../calendar/fees';
import type { FeeBasis } from './actions';
import type { Applicant, InfoRequest } from './model';
import type { DeliveryForm } from './schema';

/** 109号: by pages only for delivery that produces copies (paper, e-mail, copies picked up). (verify) */
export const PAGE_FEE_FORMS: ReadonlySet<DeliveryForm> = new Set(['paper', 'email', 'pickup']);

/** The same applicant across requests: the identity document (type and number). */
export function applicantKey(applicant: Pick<Applicant, 'idType' | 'idNumber'>): string {
  return `${applicant.idType}:${applicant.idNumber}`;
}

/**
 * 109号 第四条 counts per applicant per calendar month: the position of `request` among the requests of the
 * same applicant received in the same month (by receipt date, then 申请编号), `request` included. Requests
 * not yet received (no receipt date) do not count. Returns 0 when `request` itself is not received.
 */
export function nthRequestThisMonth(request: InfoRequest, all: readonly InfoRequest[]): number {
  const received = request.receivedDate;
  if (received === null) return 0;
  const key = applicantKey(request.applicant);
  const month = received.slice(0, 7);
  const before = (r: InfoRequest, date: string) =>
    date < received || (date === received && r.applicationNo < request.applicationNo);
  let n = 1;
  for (const other of all) {
    const date = other.receivedDate;
    if (other.id === request.id || date === null || date.slice(0, 7) !== month) continue;
    if (applicantKey(other.applicant) === key && before(other, date)) n += 1;
  }
  return n;
}

/** The fee for a basis (whole 元); throws the calendar's INVALID_ARGUMENT for a count below 1 or bad pages. */
export function priceFee(basis: FeeBasis): number {
  return basis.method === 'count' ? feeByCount(basis.nthThisMonth) : feeByPages(basis.pages);
}

const COUNT_BANDS = '每月 10 件以内免费；第 11–30 件每件 100 元；第 31 件起每 10 件为一档，每档每件加收 100 元';

/** How the amount was computed, for the 收费通知 (109号 第四条、第五条). */
export function describeFee(basis: FeeBasis): string {
  const amount = priceFee(basis);
  if (basis.method === 'count') {
    return `按件计收：本申请为申请人本自然月内提出的第 ${basis.nthThisMonth} 件申请（${COUNT_BANDS}），应缴 ${amount} 元。`;
  }
  const parts = PAGE_BANDS.filter((b) => basis.pages >= b.from).map((b) => {
    const pages = Math.min(basis.pages, b.to) - b.from + 1;
    const upper = b.to === Infinity ? basis.pages : Math.min(basis.pages, b.to);
    return `第 ${b.from}–${upper} 页 ${pages} 页 × ${b.yuanPerPage} 元 = ${pages * b.yuanPerPage} 元`;
  });
  const detail = parts.length > 0 ? `；${parts.join('；')}` : '';
  return `按量计收：共 ${basis.pages} 页，30 页以内免费${detail}；合计 ${amount} 元。`;
}
