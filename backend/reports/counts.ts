/**
 * The report counted where the data is: one aggregation per collection — `$match` the organ and the year's window,
 * `$group` by the facts the cells' rules read (shared/report/rules.ts: applicant type, outcome, the years of the
 * dates) — so a build takes the same few round trips for ten records or a county's hundred thousand. The groups go
 * to buildReport as tallies, counted with the same rules as records are.
 * CloudBase's aggregate answers 20 results when no `$limit` is given (not in its reference; observed and reported
 * in the WeChat developers' community, developers.weixin.qq.com/community/develop/article/doc/000624c67c8b48611dba2b12058c13,
 * unverified here: nothing leaves this machine): every pipeline sets its limit explicitly, and reads the next page
 * only in the unlikely case that one is full.
 */
import * as z from 'zod';
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, OUTCOME_ROWS } from '../../shared/format';
import { statEntrySchema } from '../../shared/records';
import type { CaseFacts, ReportRecords, RequestFacts, StatFacts } from '../../shared/report';
import { COLLECTIONS } from '../collections';
import { num, rows, type Db } from '../sdk';
import { recordsOf } from '../typed-store';

const GROUPS_PAGE = 1000;
/** toRequestRecord's rule: only an answered or closed request has its outcome and answered date counted. */
export const DONE_STATUSES = ['answered', 'closed'] as const;

/**
 * The groups of one pipeline, in key order, page after page (one page in practice: groups are few), each read
 * with `schema` (a group whose key does not fit is left out, as a record that does not fit would be).
 */
async function grouped<T>(
  db: Db,
  collection: string,
  { match, group }: { match: object; group: Record<string, unknown> },
  schema: z.ZodType<T>,
): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += GROUPS_PAGE) {
    const reply = await db
      .collection(collection)
      .aggregate()
      .match(match)
      .group(group)
      .sort({ _id: 1 })
      .skip(skip)
      .limit(GROUPS_PAGE)
      .end();
    out.push(...recordsOf(schema, reply));
    if (rows(reply).length < GROUPS_PAGE) return out;
  }
}

const year = (value: unknown): number | null => (typeof value === 'string' && value !== '' ? Number(value) : null);

/** The year of a date as `$substr` gives it ('' or absent when there is no date). */
const yearKey = z.unknown().optional().transform(year);
const requestGroup = z.object({
  _id: z.object({
    applicantType: z.enum(APPLICANT_TYPES),
    status: z.string(),
    outcome: z.enum(OUTCOME_ROWS).or(z.literal('')),
    /** received, answered */
    began: yearKey,
    ended: yearKey,
  }),
  n: z.number(),
});
const caseGroup = z.object({
  _id: z.object({
    kind: z.enum(CASE_KINDS),
    result: z.enum(CASE_RESULTS).or(z.literal('')),
    /** filed, closed */
    began: yearKey,
    ended: yearKey,
  }),
  n: z.number(),
});
const entryGroup = z.object({
  _id: z.object({ kind: z.enum(['count', 'fee']), metric: z.string(), year: yearKey }),
  count: z.unknown().optional(),
  fee: z.unknown().optional(),
});

/** The year's records as the database counts them; `organ` (its name) is the caller's to fill in. */
export async function countReportRecords(db: Db, organId: string, reportYear: number): Promise<ReportRecords> {
  const _ = db.command;
  const $ = _.aggregate;
  const start = `${reportYear}-01-01`;
  const end = `${reportYear}-12-31`;
  const substrYear = (field: string) => $.substr([`$${field}`, 0, 4]);
  /**
   * The organ's records open at some time in the year — begun (received, filed) by its end and not finished
   * (answered, closed) before its start, 上年结转 included — grouped by `keys` and the years they began and ended.
   */
  const openInYear = (began: string, ended: string, keys: Record<string, unknown>) => ({
    match: _.and([{ organId, [began]: _.lte(end) }, _.or([{ [ended]: null }, { [ended]: _.gte(start) }])]),
    group: { _id: { ...keys, began: substrYear(began), ended: substrYear(ended) }, n: $.sum(1) },
  });

  const [requestGroups, caseGroups, entryGroups, overrideRows, published] = await Promise.all([
    grouped(
      db,
      COLLECTIONS.requests,
      openInYear('receivedDate', 'answeredDate', {
        applicantType: '$applicant.applicantType',
        status: '$status',
        outcome: $.ifNull(['$outcome', '']),
      }),
      requestGroup,
    ),
    grouped(
      db,
      COLLECTIONS.cases,
      openInYear('filedDate', 'closedDate', { kind: '$kind', result: $.ifNull(['$result', '']) }),
      caseGroup,
    ),
    grouped(
      db,
      COLLECTIONS.statEntries,
      {
        match: { organId, kind: _.in(['count', 'fee']), date: _.lte(end) },
        group: {
          _id: { kind: '$kind', metric: '$metric', year: substrYear('date') },
          count: $.sum('$count'),
          fee: $.sum('$amountWanYuan'),
        },
      },
      entryGroup,
    ),
    db
      .collection(COLLECTIONS.statEntries)
      .where({ organId, kind: 'inForceOverride', year: reportYear })
      .limit(100)
      .get(),
    db
      .collection(COLLECTIONS.items)
      .where({
        organId,
        publishYear: reportYear,
        status: _.in(['published', 'withdrawn']),
        correctionOf: _.exists(false),
      })
      .count(),
  ]);

  const requests: RequestFacts[] = requestGroups.flatMap(({ _id: k, n }) => {
    if (k.began === null) return [];
    const done = (DONE_STATUSES as readonly string[]).includes(k.status);
    return [
      {
        applicantType: k.applicantType,
        outcome: done && k.outcome !== '' ? k.outcome : null,
        receivedYear: k.began,
        answeredYear: done ? k.ended : null,
        n,
      },
    ];
  });
  const cases: CaseFacts[] = caseGroups.flatMap(({ _id: k, n }) => {
    if (k.began === null) return [];
    return [{ kind: k.kind, result: k.result !== '' ? k.result : null, filedYear: k.began, closedYear: k.ended, n }];
  });
  const statEntries: StatFacts[] = entryGroups.flatMap(({ _id: k, count, fee }) => {
    if (k.year === null) return [];
    return [{ kind: k.kind, metric: k.metric, year: k.year, amount: Number(k.kind === 'fee' ? fee : count) }];
  });
  const overrides = recordsOf(statEntrySchema, overrideRows);
  return {
    organ: '',
    requests: [],
    cases: [],
    statEntries: overrides,
    items: [],
    tallies: { requests, cases, statEntries },
    publishedItemCount: num(published, 'total'),
  };
}
