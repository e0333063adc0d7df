/**
 * An information request (依申请公开) as the annual report counts it: who applied (one of the six applicant
 * columns of table 三), when it was received (第三十一条), and how and when it was answered (one of the 21
 * outcome rows). The full workflow record extends this.
 */
import * as z from 'zod';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../format';
import { isoDate, recordId } from './common';

export const requestRecordSchema = z
  .object({
    id: recordId,
    applicantType: z.enum(APPLICANT_TYPES),
    receivedDate: isoDate,
    outcome: z.enum(OUTCOME_ROWS).nullable().default(null),
    answeredDate: isoDate.nullable().default(null),
  })
  .superRefine((r, ctx) => {
    if ((r.outcome === null) !== (r.answeredDate === null)) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: '办理结果与办结日期须同时填写或同时为空' });
    }
    if (r.answeredDate !== null && r.answeredDate < r.receivedDate) {
      ctx.addIssue({ code: 'custom', path: ['answeredDate'], message: '办结日期不能早于收到日期' });
    }
  });
export type RequestRecord = z.infer<typeof requestRecordSchema>;
