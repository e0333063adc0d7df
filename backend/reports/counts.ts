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
import type { StatEntry } from '../../shared/records';
import { statEntrySchema } from '../../shared/records';
import type { CaseFacts, ReportRecords, RequestFacts, StatFacts } from '../../shared/report';
import { COLLECTIONS } from '../collections';
import { num, rows, type Db, type Row } from '../sdk';

const GROUPS_PAGE = 1000;
/** toRequestRecord's rule: only an answered or closed request has its outcome and answered date counted. */
export const DONE_STATUSES = ['answered', 'closed'] as const;

/** The groups of one pipeline, in key order, page after page (one page in practice: groups are few). */
async function grouped(db: Db, collection: string, match: object, group: Record<string, unknown>): Promise<Row[]> {
  const out: Row[] = [];
  for (let skip = 0; ; skip += GROUPS_PAGE) {
    const page = rows(
      await db
        .collection(collection)
        .aggregate()
        .match(match)
        .group(group)
        .sort({ _id: 1 })
        .skip(skip)
        .limit(GROUPS_PAGE)
        .end(),
    );
    out.push(...page);
    if (page.length < GROUPS_PAGE) return out;
  }
}

const year = (value: unknown): number | null => (typeof value === 'string' && value !== '' ? Number(value) : null);
const key = (row: Row): Row => (typeof row._id === 'object' && row._id !== null ? (row._id as Row) : {});

/** The year's records as the database counts them; `organ` (its name) is the caller's to fill in. */
export async function countReportRecords(db: Db, organId: string, reportYear: number): Promise<ReportRecords> {
  const _ = db.command;
  const $ = _.aggregate;
  const start = `${reportYear}-01-01`;
  const end = `${reportYear}-12-31`;
  const substrYear = (field: string) => $.substr([`$${field}`, 0, 4]);

  const [requestGroups, caseGroups, entryGroups, overrideRows, published] = await Promise.all([
    grouped(
      db,
      COLLECTIONS.requests,
      _.and([{ organId, receivedDate: _.lte(end) }, _.or([{ answeredDate: null }, { answeredDate: _.gte(start) }])]),
      {
        _id: {
          applicantType: '$applicant.applicantType',
          status: '$status',
          outcome: $.ifNull(['$outcome', '']),
          received: substrYear('receivedDate'),
          answered: substrYear('answeredDate'),
        },
        n: $.sum(1),
      },
    ),
    grouped(
      db,
      COLLECTIONS.cases,
      _.and([{ organId, filedDate: _.lte(end) }, _.or([{ closedDate: null }, { closedDate: _.gte(start) }])]),
      {
        _id: {
          kind: '$kind',
          result: $.ifNull(['$result', '']),
          filed: substrYear('filedDate'),
          closed: substrYear('closedDate'),
        },
        n: $.sum(1),
      },
    ),
    grouped(
      db,
      COLLECTIONS.statEntries,
      { organId, kind: _.in(['count', 'fee']), date: _.lte(end) },
      {
        _id: { kind: '$kind', metric: '$metric', year: substrYear('date') },
        count: $.sum('$count'),
        fee: $.sum('$amountWanYuan'),
      },
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

  const requests: RequestFacts[] = requestGroups.flatMap((g) => {
    const k = key(g);
    const received = year(k.received);
    if (received === null) return [];
    const done = (DONE_STATUSES as readonly unknown[]).includes(k.status);
    return [
      {
        applicantType: k.applicantType as RequestFacts['applicantType'],
        outcome: done && k.outcome ? (k.outcome as RequestFacts['outcome']) : null,
        receivedYear: received,
        answeredYear: done ? year(k.answered) : null,
        n: Number(g.n),
      },
    ];
  });
  const cases: CaseFacts[] = caseGroups.flatMap((g) => {
    const k = key(g);
    const filed = year(k.filed);
    if (filed === null) return [];
    return [
      {
        kind: k.kind as CaseFacts['kind'],
        result: k.result ? (k.result as CaseFacts['result']) : null,
        filedYear: filed,
        closedYear: year(k.closed),
        n: Number(g.n),
      },
    ];
  });
  const statEntries: StatFacts[] = entryGroups.flatMap((g) => {
    const k = key(g);
    const y = year(k.year);
    if (y === null || (k.kind !== 'count' && k.kind !== 'fee') || typeof k.metric !== 'string') return [];
    return [{ kind: k.kind, metric: k.metric, year: y, amount: Number(k.kind === 'fee' ? g.fee : g.count) }];
  });
  const overrides: StatEntry[] = [];
  for (const row of rows(overrideRows)) {
    const parsed = statEntrySchema.safeParse({ ...row, id: row._id });
    if (parsed.success) overrides.push(parsed.data);
  }
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
