/**
 * reports.cellRecords without rebuilding: the cell's rule (shared/report/rules.ts) as one query — the organ, the
 * rule's date bounds for the year, the row's and column's values — read one page at a time, with only the fields a
 * line shows (a request: 申请编号, status, outcome; never personal data), and counted with count().
 */
import * as z from 'zod';
import type { CellRecordSummary } from '../../shared/api/reports';
import { CASE_RESULTS, DOCUMENT_ROWS, OUTCOME_ROWS } from '../../shared/format';
import { reviewCaseSchema, statEntrySchema } from '../../shared/records';
import { CASE_RULES, REQUEST_RULES, type DateBound } from '../../shared/report';
import { REQUEST_STATUSES, STATUS_LABELS } from '../../shared/requests/model';
import { COLLECTIONS } from '../collections';
import { num, type Db } from '../sdk';
import { recordsOf } from '../typed-store';
import { DONE_STATUSES } from './counts';
import { caseSummary, entrySummary, outcomeLabel } from './sources';

type Command = Db['command'];

interface CellQuery {
  collection: string;
  where: object;
  fields?: Record<string, boolean>;
  /** The lines of a get() reply's documents (those that fit the record's schema). */
  lines(reply: unknown): CellRecordSummary[];
}

/** A rule's date bounds as conditions; `open` also satisfies an `orNull` bound (a request not yet answered). */
function bounds(_: Command, list: readonly DateBound[], open?: object): object[] {
  return list.map((b) => {
    const range = b.gte && b.lte ? _.and(_.gte(b.gte), _.lte(b.lte)) : b.gte ? _.gte(b.gte) : _.lte(b.lte ?? '');
    const inRange = { [b.field]: range };
    return b.orNull ? _.or([{ [b.field]: null }, inRange, ...(open ? [open] : [])]) : inRange;
  });
}

const ruleOf = <R extends { key: string }>(rules: readonly R[], key: string): R => {
  const rule = rules.find((r) => r.key === key);
  if (!rule) throw new Error(`no rule ${key}`);
  return rule;
};

/** The projected fields a request's line shows (never personal data). */
const requestLineSchema = z.object({
  id: z.string(),
  applicationNo: z.string().catch(''),
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  outcome: z.unknown().optional(),
});

function requestLine(r: z.output<typeof requestLineSchema>): CellRecordSummary {
  const status = r.status ? STATUS_LABELS[r.status] : '';
  return {
    kind: 'request',
    id: r.id,
    title: `申请编号 ${r.applicationNo}`,
    detail: [status, outcomeLabel(r.outcome)].filter((s) => s !== '').join(' · '),
  };
}

function linesOf<T>(schema: z.ZodType<T>, show: (v: T) => CellRecordSummary) {
  return (reply: unknown): CellRecordSummary[] => recordsOf(schema, reply).map(show);
}

/** The query of one cell, or null for a cell no record stands behind. */
function cellQuery(_: Command, organId: string, year: number, cell: string, hasLastYear: boolean): CellQuery | null {
  const [table, row = '', column = ''] = cell.split('.');
  const done = { status: _.in([...DONE_STATUSES]) };
  const open = { status: _.nin([...DONE_STATUSES]) };
  if (table === 'applications') {
    const byColumn = column === 'total' ? [] : [{ 'applicant.applicantType': column }];
    let conditions: object[];
    if (row === 'newReceived' || row === 'carriedOver' || row === 'carriedForward')
      conditions = bounds(_, ruleOf(REQUEST_RULES, row).where(year), open);
    else if (row === 'resultTotal' || (OUTCOME_ROWS as readonly string[]).includes(row))
      conditions = [
        ...bounds(_, ruleOf(REQUEST_RULES, 'outcome').where(year)),
        done,
        { outcome: row === 'resultTotal' ? _.in([...OUTCOME_ROWS]) : row },
      ];
    else return null;
    return {
      collection: COLLECTIONS.requests,
      where: _.and([{ organId }, ...byColumn, ...conditions]),
      fields: { _id: true, applicationNo: true, status: true, outcome: true },
      lines: linesOf(requestLineSchema, requestLine),
    };
  }
  if (table === 'reviewLitigation') {
    const closed = [...bounds(_, ruleOf(CASE_RULES, 'result').where(year)), { result: _.in([...CASE_RESULTS]) }];
    const pending = bounds(_, ruleOf(CASE_RULES, 'pending').where(year));
    const conditions =
      column === 'pending'
        ? pending
        : column === 'total'
          ? [_.or([_.and(closed), _.and(pending)])]
          : [...bounds(_, ruleOf(CASE_RULES, 'result').where(year)), { result: column }];
    return {
      collection: COLLECTIONS.cases,
      where: _.and([{ organId, kind: row }, ...conditions]),
      lines: linesOf(reviewCaseSchema, caseSummary),
    };
  }
  if (table === 'proactive') {
    const lines = linesOf(statEntrySchema, entrySummary);
    const inYear = { date: _.and(_.gte(`${year}-01-01`), _.lte(`${year}-12-31`)) };
    if (column === 'inForce' && (DOCUMENT_ROWS as readonly string[]).includes(row)) {
      // Counted from the documents issued and repealed: in the year when last year's report gives the start,
      // else every one up to 31 Dec. (An override for the year is listed instead: see cellRecordsOf.)
      const dates = hasLastYear ? inYear : { date: _.lte(`${year}-12-31`) };
      return {
        collection: COLLECTIONS.statEntries,
        where: { organId, kind: 'count', metric: _.in([`${row}.issued`, `${row}.repealed`]), ...dates },
        lines,
      };
    }
    return { collection: COLLECTIONS.statEntries, where: { organId, metric: `${row}.${column}`, ...inYear }, lines };
  }
  return null;
}

/** The records behind one cell: how many, and the first `limit` lines in id order. */
export async function cellRecordsOf(
  db: Db,
  organId: string,
  year: number,
  cell: string,
  options: { hasLastYear: boolean; limit: number },
): Promise<{ total: number; records: CellRecordSummary[] }> {
  const _ = db.command;
  const [table, row = '', column = ''] = cell.split('.');
  if (table === 'proactive' && column === 'inForce') {
    const metric = `${row}.inForce`;
    const override = linesOf(
      statEntrySchema,
      entrySummary,
    )(
      await db
        .collection(COLLECTIONS.statEntries)
        .where({ organId, kind: 'inForceOverride', metric, year })
        .limit(1)
        .get(),
    );
    if (override.length > 0) return { total: 1, records: override };
  }
  const q = cellQuery(_, organId, year, cell, options.hasLastYear);
  if (!q) return { total: 0, records: [] };
  const col = db.collection(q.collection);
  let page = col.where(q.where).orderBy('_id', 'asc').limit(options.limit);
  if (q.fields) page = page.field(q.fields);
  const [total, list] = await Promise.all([col.where(q.where).count(), page.get()]);
  return { total: num(total, 'total'), records: q.lines(list) };
}
