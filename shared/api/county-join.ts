/**
 * What an organ joining its county needs of the county view (organ.joinCounty, backend/county/links): the code
 * its admin enters, and the figures stored on the county's rows for the reports it published before (also
 * answered by county.dashboard). Their own module, so the organ function carries these and not the county
 * function's inputs (nor, through them, the reports function's).
 */
import * as z from 'zod';

/** `organ.joinCounty`: a township's admin enters the code its county gave. */
export const joinCountySchema = z.object({ code: z.string().trim().min(6, '请输入县级机关提供的加入码') });

const figure = z.number().nullable();
/** CountyFigures as stored and answered. */
export const countyFiguresSchema = z.object({
  itemsPublished: figure,
  requestsReceived: figure,
  carriedOver: figure,
  carriedForward: figure,
  reviews: figure,
  suits: figure,
});

/** The figures a county compares across its organs (from the report's tables; null where a cell was unreadable). */
export interface CountyFigures {
  /** 主动公开 as the narrative states it (一、总体情况), null when it states none. */
  itemsPublished: number | null;
  /** 三 本年新收政府信息公开申请数量 (total). */
  requestsReceived: number | null;
  /** 三 上年结转政府信息公开申请数量 (total). */
  carriedOver: number | null;
  /** 三 结转下年度继续办理 (total). */
  carriedForward: number | null;
  /** 四 行政复议 (total). */
  reviews: number | null;
  /** 四 行政诉讼: 未经复议直接起诉 + 复议后起诉 (totals). */
  suits: number | null;
}
