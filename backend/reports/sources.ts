/**
 * The records a year's report is built from, read with queries limited to that year (and paged), never by
 * fetching whole collections; published items are only counted.
 */
import type { ReviewCase, StatEntry } from '../../shared/records';
import { reviewCaseSchema, statEntrySchema } from '../../shared/records';
import type { ReportRecords } from '../../shared/report';
import { COLLECTIONS } from '../collections';
import { fetchAll } from '../paging';
import { requestRecordsFor } from '../requests/records';
import { num, type Db, type Row } from '../sdk';


function parseEach<T>(list: Row[], parse: (row: unknown) => { success: true; data: T } | { success: false }): T[] {
  const out: T[] = [];
  for (const row of list) {
    const r = parse({ ...row, id: row._id });
    if (r.success) out.push(r.data);
  }
  return out;
}

export async function loadReportRecords(db: Db, organId: string, organ: string, year: number): Promise<ReportRecords> {
  const _ = db.command;
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  const entryRows = await fetchAll(db.collection(COLLECTIONS.statEntries), _.or([{ organId, date: _.lte(end) }, { organId, year }]));
  const caseRows = await fetchAll(db.collection(COLLECTIONS.cases), _.and([{ organId, filedDate: _.lte(end) }, _.or([{ closedDate: null }, { closedDate: _.gte(start) }])]));
  const published = num(
    await db.collection(COLLECTIONS.items).where({ organId, publishYear: year, status: _.in(['published', 'withdrawn']), correctionOf: _.exists(false) }).count(),
    'total',
  );
  return {
    organ,
    requests: await requestRecordsFor(db, organId, year),
    statEntries: parseEach<StatEntry>(entryRows, (r) => statEntrySchema.safeParse(r)),
    cases: parseEach<ReviewCase>(caseRows, (r) => reviewCaseSchema.safeParse(r)),
    items: [],
    publishedItemCount: published,
  };
}
