/**
 * The requests a year's annual report counts (table 三), for the reports function: those received by 31 Dec
 * and not answered (or closed) before 1 Jan of the year, read page by page (CloudBase caps one get at 1000) with
 * only the fields toRequestRecord needs — no personal data leaves the store for a report.
 * Importing this module registers it as the reports' request source.
 */
import type { RequestRecord } from '../../shared/records';
// Only the workflow module: the reports bundle that imports this need not carry letters, views or schemas.
import { toRequestRecord } from '../../shared/requests/workflow';
import type { InfoRequest } from '../../shared/requests/model';
import { COLLECTIONS } from '../collections';
import { rows, type Db, type Row } from '../sdk';

const RECORD_FIELDS = {
  _id: true,
  applicantType: true,
  channel: true,
  status: true,
  receivedDate: true,
  outcome: true,
  answeredDate: true,
} as const;

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * An InfoRequest holding only the projected fields. toRequestRecord reads id, applicant.applicantType,
 * receivedDate, status, outcome and answeredDate; the rest is left empty on purpose (never fetched).
 */
function skeleton(row: Row): InfoRequest {
  return {
    id: String(row._id),
    applicationNo: '',
    queryCode: '',
    channel: row.channel as InfoRequest['channel'],
    status: row.status as InfoRequest['status'],
    submittedDate: '',
    receivedDate: text(row.receivedDate),
    applicant: {
      applicantType: row.applicantType as InfoRequest['applicant']['applicantType'],
      idType: 'other',
      idNumber: '',
      phone: '',
      address: '',
    },
    content: { description: '', deliveryForm: 'online' },
    events: [],
    history: [],
    outcome: text(row.outcome) as InfoRequest['outcome'],
    answeredDate: text(row.answeredDate),
  };
}

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
    const page = rows(
      await db
        .collection(COLLECTIONS.requests)
        .where(where)
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(pageSize)
        .field(RECORD_FIELDS)
        .get(),
    );
    for (const row of page) {
      const record = toRequestRecord(skeleton(row));
      if (record) out.push(record);
    }
    if (page.length < pageSize) return out;
  }
}
