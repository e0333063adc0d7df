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
import { CASE_RULES, REQUEST_RULES, yearOf, type CaseFacts, type RequestFacts } from './rules';
import { emptySections, type ReportData, type Sections } from './schema';
import { Tally, type CellSources } from './tally';

export interface ReportRecords {
  organ: string;
  requests: readonly RequestRecord[];
  statEntries: readonly StatEntry[];
  cases: readonly ReviewCase[];
  items: readonly Pick<DisclosureItem, 'id' | 'status' | 'publishedDate'>[];
  /** Requests, cases and entries as the database counted them; when given, the lists above hold overrides only. */
  tallies?: ReportTallies;
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

/** A statistics entry as table 二 counts it: its amount (count or 万元) in the year of its date. */
export interface StatFacts {
  kind: 'count' | 'fee';
  metric: string;
  year: number;
  amount: number;
  id?: string;
}

/** What the database counted instead of listing the records (backend/reports/counts.ts). */
export interface ReportTallies {
  requests: readonly RequestFacts[];
  cases: readonly CaseFacts[];
  /** Count and fee entries; overrides of 现行有效 stay records (ReportRecords.statEntries). */
  statEntries: readonly StatFacts[];
}

export const requestFacts = (r: RequestRecord): RequestFacts => ({
  applicantType: r.applicantType,
  outcome: r.outcome,
  receivedYear: yearOf(r.receivedDate),
  answeredYear: r.answeredDate === null ? null : yearOf(r.answeredDate),
  n: 1,
  id: r.id,
});

export const caseFacts = (c: ReviewCase): CaseFacts => ({
  kind: c.kind,
  result: c.result,
  filedYear: yearOf(c.filedDate),
  closedYear: c.closedDate === null ? null : yearOf(c.closedDate),
  n: 1,
  id: c.id,
});

export const statFacts = (e: StatEntry): StatFacts | null =>
  e.kind === 'inForceOverride'
    ? null
    : {
        kind: e.kind,
        metric: e.metric,
        year: yearOf(e.date),
        amount: e.kind === 'fee' ? e.amountWanYuan : e.count,
        id: e.id,
      };

function countApplications(t: Tally, year: number, requests: readonly RequestFacts[], lastYear?: ReportData): void {
  for (const f of requests) {
    for (const rule of REQUEST_RULES) {
      if (!rule.counts(f, year)) continue;
      const row = rule.key === 'outcome' ? f.outcome : rule.key;
      if (row !== null) t.add(app(row, f.applicantType), f.id, f.n);
    }
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
function netIssued(e: StatFacts, row: string): number {
  if (e.kind !== 'count') return 0;
  if (e.metric === `${row}.issued`) return e.amount;
  if (e.metric === `${row}.repealed`) return -e.amount;
  return 0;
}

function countProactive(
  t: Tally,
  year: number,
  facts: readonly StatFacts[],
  overrides: readonly Extract<StatEntry, { kind: 'inForceOverride' }>[],
  lastYear?: ReportData,
): Record<CellAddress, string> {
  const notes: Record<CellAddress, string> = {};
  for (const e of facts) {
    if (e.year !== year) continue;
    const [row, column] = e.metric.split('.') as [string, string];
    t.add(cellAddress('proactive', row, column), e.id, e.amount);
  }
  for (const row of DOCUMENT_ROWS) {
    const at = (column: string) => cellAddress('proactive', row, column);
    const override = overrides.find((e) => e.metric === `${row}.inForce` && e.year === year);
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
      const upToEnd = facts.filter((e) => e.year <= year && netIssued(e, row) !== 0);
      value = upToEnd.reduce((s, e) => s + netIssued(e, row), 0);
      ids = upToEnd.flatMap((e) => (e.id === undefined ? [] : [e.id]));
    }
    if (value < 0) {
      notes[at('inForce')] = `按记录计算为 ${value}，已按 0 计，请核对制发和废止记录`;
      value = 0;
    }
    t.set(at('inForce'), value, ids);
  }
  return notes;
}

function countCases(t: Tally, year: number, cases: readonly CaseFacts[]): void {
  for (const f of cases) {
    // The first rule that counts it: a case closed in the year is not also pending.
    const rule = CASE_RULES.find((r) => r.counts(f, year));
    const column = rule?.key === 'result' ? f.result : rule?.key;
    if (column) t.add(cellAddress('reviewLitigation', f.kind, column), f.id, f.n);
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
  const tallies = records.tallies;
  const requests = tallies?.requests ?? records.requests.map(requestFacts);
  const entries = tallies?.statEntries ?? records.statEntries.flatMap((e) => statFacts(e) ?? []);
  countApplications(t, year, requests, previous);
  const cellNotes = countProactive(t, year, entries, records.statEntries.filter(isOverride), previous);
  countCases(t, year, tallies?.cases ?? records.cases.map(caseFacts));
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
