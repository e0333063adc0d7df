/**
 * Which records count in which cell: each counted cell's rule, once. Every rule compares a record's dates with
 * 1 Jan or 31 Dec of the report's year and nothing finer, so a record's facts are the YEARS of its dates:
 * - buildReport tests each record's facts (records → facts, one record each, with its id);
 * - the reports function groups each collection by the same facts in the database (backend/reports/counts.ts:
 *   one aggregation per collection, `$group` by applicant type, outcome and the years) and counts the groups with
 *   the same rules, so its round trips do not grow with the records;
 * - a cell's rule as a query (`where`) lists the records behind one cell, a page at a time (reports.cellRecords).
 * Rules per table: see the comment at the top of ./build.ts.
 */
import type { ApplicantType, CaseKind, CaseResult, Outcome } from '../format';

/** A request as table 三 counts it. `n` requests share these facts (1 for a record, the group's size for a tally). */
export interface RequestFacts {
  applicantType: ApplicantType;
  outcome: Outcome | null;
  receivedYear: number;
  /** The year it was answered (or closed), null while open. */
  answeredYear: number | null;
  n: number;
  id?: string;
}

/** A review or litigation case as table 四 counts it. */
export interface CaseFacts {
  kind: CaseKind;
  result: CaseResult | null;
  filedYear: number;
  closedYear: number | null;
  n: number;
  id?: string;
}

/** A date bound of a rule as a query: the field between the bounds (inclusive), or null when `orNull`. */
export interface DateBound {
  field: 'receivedDate' | 'answeredDate' | 'filedDate' | 'closedDate';
  gte?: string;
  lte?: string;
  orNull?: boolean;
}

export interface Rule<F> {
  /** The row (table 三: newReceived, carriedOver, outcome, carriedForward) or column (table 四) it fills. */
  key: string;
  counts(facts: F, year: number): boolean;
  /** The same rule over stored dates, for listing the records behind a cell. */
  where(year: number): DateBound[];
}

const first = (year: number): string => `${year}-01-01`;
const last = (year: number): string => `${year}-12-31`;

/**
 * Still open on 31 Dec of a year: begun by then and not ended by then (ended in a later year, or not yet). Table
 * 三's 结转下年度继续办理 (and, a year back, 上年结转) and table 四's 尚未审结 are this one rule, over each record's
 * own dates.
 */
function openAtYearEnd<F>(
  key: string,
  years: (f: F) => readonly [begun: number, ended: number | null],
  [begun, ended]: readonly [DateBound['field'], DateBound['field']],
): Rule<F> {
  return {
    key,
    counts: (f, y) => {
      const [from, to] = years(f);
      return from <= y && (to === null || to > y);
    },
    where: (y) => [
      { field: begun, lte: last(y) },
      { field: ended, gte: first(y + 1), orNull: true },
    ],
  };
}

// Received by 31 Dec and not answered by 31 Dec. (Calls marked pure: a function bundle that counts nothing drops them.)
const carriedForward = /* @__PURE__ */ openAtYearEnd<RequestFacts>(
  'carriedForward',
  (f) => [f.receivedYear, f.answeredYear],
  ['receivedDate', 'answeredDate'],
);

/** 表三: the rows every request may count in (an answered one under its outcome row). */
export const REQUEST_RULES: readonly Rule<RequestFacts>[] = [
  {
    key: 'newReceived',
    counts: (f, y) => f.receivedYear === y,
    where: (y) => [{ field: 'receivedDate', gte: first(y), lte: last(y) }],
  },
  {
    // Open on 1 Jan, i.e. carried forward from the year before (when last year's report does not give it).
    key: 'carriedOver',
    counts: (f, y) => carriedForward.counts(f, y - 1),
    where: (y) => carriedForward.where(y - 1),
  },
  {
    key: 'outcome',
    counts: (f, y) => f.outcome !== null && f.answeredYear === y,
    where: (y) => [{ field: 'answeredDate', gte: first(y), lte: last(y) }],
  },
  carriedForward,
];

/** 表四: closed in the year (under its result), or filed by 31 Dec and still open on 31 Dec (尚未审结). */
export const CASE_RULES: readonly Rule<CaseFacts>[] = [
  {
    key: 'result',
    counts: (f, y) => f.result !== null && f.closedYear === y,
    where: (y) => [{ field: 'closedDate', gte: first(y), lte: last(y) }],
  },
  /* @__PURE__ */ openAtYearEnd<CaseFacts>('pending', (f) => [f.filedYear, f.closedYear], ['filedDate', 'closedDate']),
];

/** The year of a 'YYYY-MM-DD' date (or of its first four characters, as the database groups them). */
export const yearOf = (date: string): number => Number(date.slice(0, 4));
