/**
 * records → report: every cell of the 2021 format computed from the stored records, with the ids behind
 * each cell. Pure: the caller passes the records and (optionally) last year's report.
 *
 * Counting rules (all dates 'YYYY-MM-DD', Asia/Shanghai):
 * - 表三 本年新收: requests received in the year, by applicant type.
 * - 表三 上年结转: last year's 结转下年度 when its report is given (and readable); else recounted as
 *   requests received before 1 Jan and not answered before 1 Jan.
 * - 表三 办理结果: requests answered in the year, by outcome row and applicant type.
 * - 表三 结转下年度: requests received by 31 Dec and not answered by 31 Dec.
 * - 表二 制发/废止/处理决定/收费: entries dated in the year. 现行有效: an override for the year (with its reason),
 *   else last year's 现行有效 + 制发 − 废止, else all issued − repealed up to 31 Dec.
 * - 表四: a case counts in a year when it was closed in that year (under its result) or was filed by 31 Dec
 *   and still open on 31 Dec (尚未审结). A case open across several year ends counts as 尚未审结 in each.
 * - 主动公开条数 (for the narrative check): items first published in the year, withdrawn later or not.
 */
import {
  APPLICANT_TYPES,
  CASE_KINDS,
  CASE_RESULTS,
  DOCUMENT_ROWS,
  OUTCOME_ROWS,
  cellAddress,
  type CellAddress,
} from '../format';
import { extractNarrativeNumbers } from './narrative-numbers';
import type { DisclosureItem, RequestRecord, ReviewCase, StatEntry } from '../records';
import { emptySections, type ReportData, type Sections } from './schema';
import { Tally, type CellSources } from './tally';

export interface ReportRecords {
  organ: string;
  requests: readonly RequestRecord[];
  statEntries: readonly StatEntry[];
  cases: readonly ReviewCase[];
  items: readonly Pick<DisclosureItem, 'id' | 'status' | 'publishedDate'>[];
  /** The count of items published in the year when the store counted them (instead of listing `items`). */
  publishedItemCount?: number;
  /** The narrative as staff wrote it so far. */
  sections?: Partial<Sections>;
}

export interface BuiltReport {
  report: ReportData;
  sources: CellSources;
}

const app = (row: string, column: string): CellAddress => cellAddress('applications', row, column);

function countApplications(t: Tally, year: number, requests: readonly RequestRecord[], lastYear?: ReportData): void {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const r of requests) {
    const col = r.applicantType;
    const answered = r.answeredDate;
    if (r.receivedDate >= start && r.receivedDate <= end) t.add(app('newReceived', col), r.id);
    if (r.receivedDate < start && (answered === null || answered >= start)) t.add(app('carriedOver', col), r.id);
    if (answered !== null && r.outcome !== null && answered >= start && answered <= end)
      t.add(app(r.outcome, col), r.id);
    if (r.receivedDate <= end && (answered === null || answered > end)) t.add(app('carriedForward', col), r.id);
  }
  if (lastYear) {
    for (const col of APPLICANT_TYPES) {
      const before = lastYear.cells[app('carriedForward', col)];
      if (typeof before === 'number') t.set(app('carriedOver', col), before, t.ids(app('carriedOver', col)));
    }
  }
  for (const col of APPLICANT_TYPES)
    t.total(
      app('resultTotal', col),
      OUTCOME_ROWS.map((o) => app(o, col)),
    );
  for (const row of ['newReceived', 'carriedOver', ...OUTCOME_ROWS, 'resultTotal', 'carriedForward']) {
    t.total(
      app(row, 'total'),
      APPLICANT_TYPES.map((c) => app(row, c)),
    );
  }
}

function isOverride(e: StatEntry): e is Extract<StatEntry, { kind: 'inForceOverride' }> {
  return e.kind === 'inForceOverride';
}

/** issued counts up, repealed counts down: the documents in force at a date. */
function netIssued(e: StatEntry, row: string): number {
  if (e.kind !== 'count') return 0;
  if (e.metric === `${row}.issued`) return e.count;
  if (e.metric === `${row}.repealed`) return -e.count;
  return 0;
}

function countProactive(
  t: Tally,
  year: number,
  entries: readonly StatEntry[],
  lastYear?: ReportData,
): Record<CellAddress, string> {
  const notes: Record<CellAddress, string> = {};
  const end = `${year}-12-31`;
  for (const e of entries) {
    if (e.kind === 'inForceOverride' || e.date.slice(0, 4) !== String(year)) continue;
    const [row, column] = e.metric.split('.') as [string, string];
    t.add(cellAddress('proactive', row, column), e.id, e.kind === 'fee' ? e.amountWanYuan : e.count);
  }
  for (const row of DOCUMENT_ROWS) {
    const at = (column: string) => cellAddress('proactive', row, column);
    const override = entries.filter(isOverride).find((e) => e.metric === `${row}.inForce` && e.year === year);
    if (override) {
      t.set(at('inForce'), override.value, [override.id]);
      notes[at('inForce')] = override.reason;
      continue;
    }
    const before = lastYear?.cells[at('inForce')];
    let value: number;
    let ids: string[];
    if (typeof before === 'number') {
      value = before + t.get(at('issued')) - t.get(at('repealed'));
      ids = [...t.ids(at('issued')), ...t.ids(at('repealed'))];
    } else {
      const upToEnd = entries.filter((e) => e.kind === 'count' && e.date <= end && netIssued(e, row) !== 0);
      value = upToEnd.reduce((s, e) => s + netIssued(e, row), 0);
      ids = upToEnd.map((e) => e.id);
    }
    if (value < 0) {
      notes[at('inForce')] = `按记录计算为 ${value}，已按 0 计，请核对制发和废止记录`;
      value = 0;
    }
    t.set(at('inForce'), value, ids);
  }
  return notes;
}

function countCases(t: Tally, year: number, cases: readonly ReviewCase[]): void {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  for (const c of cases) {
    const at = (column: string) => cellAddress('reviewLitigation', c.kind, column);
    if (c.closedDate !== null && c.result !== null && c.closedDate >= start && c.closedDate <= end) {
      t.add(at(c.result), c.id);
    } else if (c.filedDate <= end && (c.closedDate === null || c.closedDate > end)) {
      t.add(at('pending'), c.id);
    }
  }
  for (const kind of CASE_KINDS) {
    const at = (column: string) => cellAddress('reviewLitigation', kind, column);
    t.total(at('total'), [...CASE_RESULTS, 'pending'].map(at));
  }
}

function countPublishedItems(year: number, items: ReportRecords['items']): number {
  const ids = new Set<string>();
  for (const item of items) {
    const published = item.status === 'published' || item.status === 'withdrawn';
    if (published && item.publishedDate?.slice(0, 4) === String(year)) ids.add(item.id);
  }
  return ids.size;
}

export function buildReport(year: number, records: ReportRecords, lastYear?: ReportData): BuiltReport {
  const t = new Tally();
  // Last year's report counts only when it really is last year's.
  const previous = lastYear && lastYear.year === year - 1 ? lastYear : undefined;
  countApplications(t, year, records.requests, previous);
  const cellNotes = countProactive(t, year, records.statEntries, previous);
  countCases(t, year, records.cases);
  const sections: Sections = { ...emptySections(), ...records.sections };
  const report: ReportData = {
    organ: records.organ,
    year,
    formatVersion: '2021',
    cells: t.cells,
    sections,
    overviewParts: [],
    narrative: extractNarrativeNumbers(sections),
    facts: { publishedItems: records.publishedItemCount ?? countPublishedItems(year, records.items) },
    findings: [],
    ...(Object.keys(cellNotes).length > 0 ? { cellNotes } : {}),
  };
  return { report, sources: t.sources };
}
