/**
 * The requests a year's annual report counts (table 三), for the reports function: those received by 31 Dec
 * and not answered (or closed) before 1 Jan of the year, read page by page (CloudBase caps one get at 1000) with
 * only the fields toRequestRecord needs — no personal data leaves the store for a report.
 * Importing this module registers it as the reports' request source.
 */
import * as z from 'zod';
import { APPLICANT_TYPES, OUTCOME_ROWS } from '../../shared/format';
import type { RequestRecord } from '../../shared/records';
// Only the workflow module: the reports bundle that imports this need not carry letters, views or schemas.
import { toRequestRecord } from '../../shared/requests/workflow';
import { REQUEST_STATUSES } from '../../shared/requests/model';
import { COLLECTIONS } from '../collections';
import { rows, type Db } from '../sdk';
import { recordsOf } from '../typed-store';

const RECORD_FIELDS = {
  _id: true,
  applicantType: true,
  status: true,
  receivedDate: true,
  outcome: true,
  answeredDate: true,
} as const;

/** The projected fields toRequestRecord reads (the applicant type from its top-level copy). */
const recordFields = z
  .object({
    id: z.string(),
    applicantType: z.enum(APPLICANT_TYPES),
    status: z.enum(REQUEST_STATUSES),
    receivedDate: z.string().nullable().catch(null),
    outcome: z.enum(OUTCOME_ROWS).nullable().catch(null),
    answeredDate: z.string().nullable().catch(null),
  })
  .transform(({ applicantType, ...rest }) => ({ ...rest, applicant: { applicantType } }));

export async function requestRecordsFor(
  db: Db,
  organId: string,
  year: number,
  pageSize = 1000,
): Promise<RequestRecord[]> {
  const _ = db.command;
  const where = _.and([
    { organId, receivedDate: _.lte(`${year}-12-31`) },
    _.or([{ answeredDate: null }, { answeredDate: _.gte(`${year}-01-01`) }]),
  ]);
  const out: RequestRecord[] = [];
  for (let skip = 0; ; skip += pageSize) {
    const reply = await db
      .collection(COLLECTIONS.requests)
      .where(where)
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(pageSize)
      .field(RECORD_FIELDS)
      .get();
    for (const fields of recordsOf(recordFields, reply)) {
      const record = toRequestRecord(fields);
      if (record) out.push(record);
    }
    if (rows(reply).length < pageSize) return out;
  }
}
