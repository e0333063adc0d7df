/** A 行政复议 or 行政诉讼 case about the organ's information disclosure, for table 四. */
import * as z from 'zod';
import { CASE_KINDS, CASE_RESULTS } from '../format';
import { isoDate, recordId } from './common';

const caseFields = z.object({
  kind: z.enum(CASE_KINDS),
  filedDate: isoDate,
  result: z.enum(CASE_RESULTS).nullable().default(null),
  closedDate: isoDate.nullable().default(null),
  caseNo: z.string().trim().max(100).optional(),
});

function consistent(c: z.infer<typeof caseFields>, ctx: z.RefinementCtx): void {
  if ((c.result === null) !== (c.closedDate === null)) {
    ctx.addIssue({ code: 'custom', path: ['result'], message: '审结结果与审结日期须同时填写或同时为空' });
  }
  if (c.closedDate !== null && c.closedDate < c.filedDate) {
    ctx.addIssue({ code: 'custom', path: ['closedDate'], message: '审结日期不能早于立案日期' });
  }
}

/** What staff enter; the store gives the id. */
export const reviewCaseInputSchema = caseFields.superRefine(consistent);
export const reviewCaseSchema = caseFields.extend({ id: recordId }).superRefine(consistent);
export type ReviewCase = z.infer<typeof reviewCaseSchema>;
