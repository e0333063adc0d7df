/**
 * The records a year's report is built from, read with queries limited to that year (and paged), never by
 * fetching whole collections; published items are only counted.
 */
import type { CellRecordSummary } from '../../shared/api/reports';
import { FORMAT_2021 } from '../../shared/format';
import type { ReviewCase, StatEntry } from '../../shared/records';
import { reviewCaseSchema, statEntrySchema } from '../../shared/records';
import type { ReportRecords } from '../../shared/report';
import { STATUS_LABELS } from '../../shared/requests/model';
import { COLLECTIONS } from '../collections';
import { fetchAll } from '../paging';
import { requestRecordsFor } from '../requests/records';
import { num, rows, type Db, type Row } from '../sdk';

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
  const entryRows = await fetchAll(
    db.collection(COLLECTIONS.statEntries),
    _.or([
      { organId, date: _.lte(end) },
      { organId, year },
    ]),
  );
  const caseRows = await fetchAll(
    db.collection(COLLECTIONS.cases),
    _.and([{ organId, filedDate: _.lte(end) }, _.or([{ closedDate: null }, { closedDate: _.gte(start) }])]),
  );
  const published = num(
    await db
      .collection(COLLECTIONS.items)
      .where({ organId, publishYear: year, status: _.in(['published', 'withdrawn']), correctionOf: _.exists(false) })
      .count(),
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

// ---- the records behind one cell (reports.cellRecords) ----

const CASE_KIND_LABELS: Record<ReviewCase['kind'], string> = {
  review: '行政复议',
  directSuit: '行政诉讼（未经复议直接起诉）',
  suitAfterReview: '行政诉讼（复议后起诉）',
};
const CASE_RESULT_LABELS: Record<NonNullable<ReviewCase['result']>, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};
/** Only what identifies a request to staff without personal data: 申请编号, status, outcome. */
const REQUEST_FIELDS = { _id: true, applicationNo: true, status: true, outcome: true } as const;
const ITEM_FIELDS = { _id: true, title: true, indexNo: true, publishedDate: true } as const;

export function cellLabel(address: string): string {
  const def = FORMAT_2021.cellByAddress.get(address);
  return def ? `${def.rowLabel} · ${def.columnLabel}` : address;
}

function outcomeLabel(outcome: unknown): string {
  const row = FORMAT_2021.applications.rows.find((r) => r.key === outcome);
  return row ? [row.group, row.label].filter(Boolean).join(' ') : '';
}

function entrySummary(e: StatEntry): CellRecordSummary {
  const base = { kind: 'statEntry' as const, id: e.id };
  if (e.kind === 'inForceOverride')
    return {
      ...base,
      title: `${cellLabel(`proactive.${e.metric}`)}（更正）`,
      detail: `${e.year} 年末 ${e.value} 件：${e.reason}`,
    };
  if (e.kind === 'fee') return { ...base, title: '行政事业性收费', detail: `${e.date} · ${e.amountWanYuan} 万元` };
  const extra = [e.docNo, e.note].filter((s): s is string => typeof s === 'string' && s !== '');
  return {
    ...base,
    title: e.title ?? cellLabel(`proactive.${e.metric}`),
    detail: [`${e.date} · ${e.count} 件`, ...extra].join(' · '),
  };
}

function caseSummary(c: ReviewCase): CellRecordSummary {
  const closed =
    c.closedDate !== null && c.result !== null ? `审结 ${c.closedDate} · ${CASE_RESULT_LABELS[c.result]}` : '尚未审结';
  return {
    kind: 'case',
    id: c.id,
    title: [CASE_KIND_LABELS[c.kind], c.caseNo].filter(Boolean).join(' '),
    detail: `立案 ${c.filedDate} · ${closed}`,
  };
}

async function byIds(
  db: Db,
  collection: string,
  organId: string,
  ids: readonly string[],
  fields: Record<string, boolean>,
): Promise<Row[]> {
  const _ = db.command;
  const out: Row[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    out.push(
      ...rows(
        await db
          .collection(collection)
          .where({ organId, _id: _.in(ids.slice(i, i + 100)) })
          .limit(100)
          .field(fields)
          .get(),
      ),
    );
  }
  return out;
}

/**
 * One line per record behind a cell, in the order the report cites them, at most `limit`. Statistics and cases
 * come from the records already loaded; requests and items are read by id with only the fields shown.
 */
export async function summarizeRecords(
  db: Db,
  organId: string,
  records: ReportRecords,
  ids: readonly string[],
  limit: number,
): Promise<CellRecordSummary[]> {
  const shown = ids.slice(0, limit);
  const entries = new Map(records.statEntries.map((e) => [e.id, e]));
  const cases = new Map(records.cases.map((c) => [c.id, c]));
  const requestIds = new Set(records.requests.map((r) => r.id));
  const asRequest = shown.filter((id) => requestIds.has(id));
  const rest = shown.filter((id) => !requestIds.has(id) && !entries.has(id) && !cases.has(id));
  const requests = new Map(
    (await byIds(db, COLLECTIONS.requests, organId, asRequest, REQUEST_FIELDS)).map((r) => [String(r._id), r]),
  );
  const items = new Map(
    (await byIds(db, COLLECTIONS.items, organId, rest, ITEM_FIELDS)).map((r) => [String(r._id), r]),
  );
  const out: CellRecordSummary[] = [];
  for (const id of shown) {
    const entry = entries.get(id);
    const c = cases.get(id);
    const request = requests.get(id);
    const item = items.get(id);
    if (entry) out.push(entrySummary(entry));
    else if (c) out.push(caseSummary(c));
    else if (request) {
      const status = STATUS_LABELS[request.status as keyof typeof STATUS_LABELS] ?? '';
      out.push({
        kind: 'request',
        id,
        title: `申请编号 ${String(request.applicationNo ?? '')}`,
        detail: [status, outcomeLabel(request.outcome)].filter((s) => s !== '').join(' · '),
      });
    } else if (item) {
      out.push({
        kind: 'item',
        id,
        title: String(item.title ?? ''),
        detail: [item.indexNo, item.publishedDate].filter((s) => typeof s === 'string' && s !== '').join(' · '),
      });
    }
  }
  return out;
}
