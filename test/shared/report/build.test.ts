import fc from 'fast-check';
import { checkReport } from '../../../shared/checks';
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, OUTCOME_ROWS } from '../../../shared/format';
import type { RequestRecord, ReviewCase, StatEntry } from '../../../shared/records';
import { buildReport, reportDataSchema, type ReportRecords } from '../../../shared/report';

const NARRATIVE = {
  overview: '本年主动公开工作有序开展。',
  problems: '存在的问题：公开及时性不足。改进情况：建立台账。',
  other: '本年未收取信息处理费。',
};

function records(partial: Partial<ReportRecords>): ReportRecords {
  return { organ: '某县财政局', requests: [], statEntries: [], cases: [], items: [], sections: NARRATIVE, ...partial };
}

const req = (
  id: string,
  applicantType: RequestRecord['applicantType'],
  receivedDate: string,
  outcome: RequestRecord['outcome'] = null,
  answeredDate: string | null = null,
): RequestRecord => ({
  id,
  applicantType,
  receivedDate,
  outcome,
  answeredDate,
});

describe('buildReport: table 三 across year ends', () => {
  const requests = [
    req('r1', 'natural', '2022-12-28', 'disclosed', '2023-01-15'), // carried over into 2023
    req('r2', 'natural', '2023-03-01', 'partlyDisclosed', '2023-03-20'),
    req('r3', 'commercial', '2023-06-01', 'unavailableNotHeld', '2023-06-10'),
    req('r4', 'legalService', '2023-12-28'), // still open on 31 Dec: carried forward
    req('r5', 'natural', '2023-12-30', 'withheldThirdParty', '2024-01-10'), // answered next year
    req('r6', 'natural', '2024-02-01', 'disclosed', '2024-02-05'), // next year only
  ];

  it('counts received, carried over, outcomes and carried forward with the records behind each cell', () => {
    const { report, sources } = buildReport(2023, records({ requests }));
    const c = report.cells;
    expect(c['applications.newReceived.natural']).toBe(2);
    expect(c['applications.newReceived.commercial']).toBe(1);
    expect(c['applications.newReceived.legalService']).toBe(1);
    expect(c['applications.newReceived.total']).toBe(4);
    expect(c['applications.carriedOver.natural']).toBe(1);
    expect(c['applications.disclosed.natural']).toBe(1);
    expect(c['applications.partlyDisclosed.natural']).toBe(1);
    expect(c['applications.unavailableNotHeld.commercial']).toBe(1);
    expect(c['applications.resultTotal.total']).toBe(3);
    expect(c['applications.carriedForward.natural']).toBe(1);
    expect(c['applications.carriedForward.legalService']).toBe(1);
    expect(c['applications.carriedForward.total']).toBe(2);
    expect(sources['applications.carriedOver.natural']).toEqual(['r1']);
    expect(sources['applications.carriedForward.total']?.sort()).toEqual(['r4', 'r5']);
    expect(sources['applications.newReceived.total']?.sort()).toEqual(['r2', 'r3', 'r4', 'r5']);
    expect(checkReport(report).filter((f) => f.level !== 'info')).toEqual([]);
  });

  it('counts a 12-28 request answered on 01-15 in this year’s carriedForward and next year’s carriedOver and outcome', () => {
    const y2023 = buildReport(2023, records({ requests })).report;
    const y2024 = buildReport(2024, records({ requests }), y2023).report;
    expect(y2024.cells['applications.carriedOver.natural']).toBe(1); // r5
    expect(y2024.cells['applications.carriedOver.legalService']).toBe(1); // r4
    expect(y2024.cells['applications.withheldThirdParty.natural']).toBe(1);
    expect(y2024.cells['applications.disclosed.natural']).toBe(1); // r6
    expect(y2024.cells['applications.carriedForward.total']).toBe(1); // r4 still open
    y2023.sections.problems = '上年的问题：培训不足。';
    expect(checkReport(y2024, { lastYear: y2023 }).filter((f) => f.level !== 'info')).toEqual([]);
  });

  it('takes carried over from last year’s report, so a wrong recount shows up as a balance error', () => {
    const lastYear = buildReport(2022, records({})).report;
    lastYear.cells['applications.carriedForward.natural'] = 5;
    const { report } = buildReport(2023, records({ requests }), lastYear);
    expect(report.cells['applications.carriedOver.natural']).toBe(5);
    expect(checkReport(report).map((f) => f.check)).toContain('balance');
  });

  it('ignores a "last year" report of another year', () => {
    const other = buildReport(2020, records({})).report;
    other.cells['applications.carriedForward.natural'] = 9;
    expect(buildReport(2023, records({ requests }), other).report.cells['applications.carriedOver.natural']).toBe(1);
  });
});

describe('buildReport: table 二', () => {
  const entries: StatEntry[] = [
    { kind: 'count', id: 'e1', metric: 'normativeDocs.issued', date: '2022-05-01', count: 4 },
    { kind: 'count', id: 'e2', metric: 'normativeDocs.issued', date: '2023-05-01', count: 2 },
    { kind: 'count', id: 'e3', metric: 'normativeDocs.repealed', date: '2023-07-01', count: 1 },
    { kind: 'count', id: 'e4', metric: 'licensing.decisions', date: '2023-01-31', count: 12 },
    { kind: 'count', id: 'e5', metric: 'licensing.decisions', date: '2023-02-28', count: 8 },
    { kind: 'count', id: 'e6', metric: 'punishment.decisions', date: '2024-01-01', count: 3 },
    { kind: 'fee', id: 'e7', metric: 'fees.amountWanYuan', date: '2023-03-01', amountWanYuan: 0.1 },
    { kind: 'fee', id: 'e8', metric: 'fees.amountWanYuan', date: '2023-04-01', amountWanYuan: 0.2 },
  ];

  it('sums the year’s entries and recounts documents in force', () => {
    const { report, sources } = buildReport(2023, records({ statEntries: entries }));
    expect(report.cells['proactive.normativeDocs.issued']).toBe(2);
    expect(report.cells['proactive.normativeDocs.repealed']).toBe(1);
    expect(report.cells['proactive.normativeDocs.inForce']).toBe(5);
    expect(report.cells['proactive.licensing.decisions']).toBe(20);
    expect(report.cells['proactive.punishment.decisions']).toBe(0);
    expect(report.cells['proactive.fees.amountWanYuan']).toBe(0.3);
    expect(sources['proactive.licensing.decisions']).toEqual(['e4', 'e5']);
    expect(sources['proactive.normativeDocs.inForce']).toEqual(['e1', 'e2', 'e3']);
  });

  it('carries in force from last year’s report, and an override with its reason wins', () => {
    const lastYear = buildReport(2022, records({})).report;
    lastYear.cells['proactive.normativeDocs.inForce'] = 10;
    expect(
      buildReport(2023, records({ statEntries: entries }), lastYear).report.cells['proactive.normativeDocs.inForce'],
    ).toBe(11);
    const override: StatEntry = {
      kind: 'inForceOverride',
      id: 'o1',
      metric: 'normativeDocs.inForce',
      year: 2023,
      value: 9,
      reason: '两件文件有效期届满自然失效',
    };
    const { report, sources } = buildReport(2023, records({ statEntries: [...entries, override] }), lastYear);
    expect(report.cells['proactive.normativeDocs.inForce']).toBe(9);
    expect(sources['proactive.normativeDocs.inForce']).toEqual(['o1']);
    const finding = checkReport(report, { lastYear }).find((f) => f.check === 'carryOverInForce');
    expect(finding?.level).toBe('info');
    expect(finding?.message).toContain('自然失效');
  });

  it('never reports a negative count in force', () => {
    const bad: StatEntry = { kind: 'count', id: 'x', metric: 'rules.repealed', date: '2023-01-01', count: 2 };
    const { report } = buildReport(2023, records({ statEntries: [bad] }));
    expect(report.cells['proactive.rules.inForce']).toBe(0);
    expect(report.cellNotes?.['proactive.rules.inForce']).toContain('-2');
  });
});

describe('buildReport: table 四 and published items', () => {
  const cases: ReviewCase[] = [
    { id: 'c1', kind: 'review', filedDate: '2023-02-01', result: 'upheld', closedDate: '2023-04-01' },
    { id: 'c2', kind: 'review', filedDate: '2023-11-01', result: 'corrected', closedDate: '2024-01-20' },
    { id: 'c3', kind: 'directSuit', filedDate: '2022-06-01', result: null, closedDate: null },
    { id: 'c4', kind: 'suitAfterReview', filedDate: '2022-03-01', result: 'other', closedDate: '2023-03-01' },
    { id: 'c5', kind: 'review', filedDate: '2024-03-01', result: null, closedDate: null },
  ];

  it('counts cases closed in the year by result and open cases at year end as pending', () => {
    const { report } = buildReport(2023, records({ cases }));
    expect(report.cells['reviewLitigation.review.upheld']).toBe(1);
    expect(report.cells['reviewLitigation.review.pending']).toBe(1);
    expect(report.cells['reviewLitigation.review.total']).toBe(2);
    expect(report.cells['reviewLitigation.directSuit.pending']).toBe(1);
    expect(report.cells['reviewLitigation.suitAfterReview.other']).toBe(1);
    const next = buildReport(2024, records({ cases })).report;
    expect(next.cells['reviewLitigation.review.corrected']).toBe(1);
    expect(next.cells['reviewLitigation.review.pending']).toBe(1);
    expect(next.cells['reviewLitigation.directSuit.pending']).toBe(1); // still open: pending again
  });

  it('counts items first published in the year, withdrawn or not, and checks the narrative against them', () => {
    const items = [
      { id: 'i1', status: 'published' as const, publishedDate: '2023-01-05' },
      { id: 'i2', status: 'withdrawn' as const, publishedDate: '2023-02-05' },
      { id: 'i3', status: 'draft' as const, publishedDate: null },
      { id: 'i4', status: 'published' as const, publishedDate: '2022-12-31' },
    ];
    const { report } = buildReport(
      2023,
      records({ items, sections: { ...NARRATIVE, overview: '全年主动公开政府信息 3 条。' } }),
    );
    expect(report.facts?.publishedItems).toBe(2);
    expect(report.narrative.proactiveCount).toBe(3);
    const f = checkReport(report).find((x) => x.check === 'narrativeNumbers');
    expect(f).toMatchObject({ expected: 2, actual: 3, level: 'warning' });
  });
});

// ---- property: any valid set of records gives a report that passes every check ----

const date = (from: number, to: number) =>
  fc
    .integer({ min: Date.UTC(from, 0, 1), max: Date.UTC(to, 11, 31) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

const requestArb = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    receivedDate: date(2021, 2024),
    answered: fc.option(
      fc.record({ outcome: fc.constantFrom(...OUTCOME_ROWS), days: fc.integer({ min: 0, max: 80 }) }),
    ),
  })
  .map(({ applicantType, receivedDate, answered }) => ({
    applicantType,
    receivedDate,
    outcome: answered ? answered.outcome : null,
    answeredDate: answered
      ? new Date(Date.parse(receivedDate) + answered.days * 86_400_000).toISOString().slice(0, 10)
      : null,
  }));

const entryArb = fc.oneof(
  fc.record({
    kind: fc.constant('count' as const),
    metric: fc.constantFrom(
      'rules.issued',
      'normativeDocs.issued',
      'licensing.decisions',
      'punishment.decisions',
      'enforcement.decisions',
    ),
    date: date(2021, 2024),
    count: fc.integer({ min: 1, max: 50 }),
  }),
  fc.record({
    kind: fc.constant('fee' as const),
    metric: fc.constant('fees.amountWanYuan' as const),
    date: date(2021, 2024),
    amountWanYuan: fc.integer({ min: 1, max: 99999 }).map((n) => n / 10_000),
  }),
);

const caseArb = fc
  .record({
    kind: fc.constantFrom(...CASE_KINDS),
    filedDate: date(2021, 2024),
    closed: fc.option(fc.record({ result: fc.constantFrom(...CASE_RESULTS), days: fc.integer({ min: 0, max: 400 }) })),
  })
  .map(({ kind, filedDate, closed }) => ({
    kind,
    filedDate,
    result: closed ? closed.result : null,
    closedDate: closed ? new Date(Date.parse(filedDate) + closed.days * 86_400_000).toISOString().slice(0, 10) : null,
  }));

const withIds = <T>(prefix: string, list: T[]) => list.map((x, i) => ({ ...x, id: `${prefix}${i}` }));

describe('buildReport property', () => {
  it('any valid set of records gives a valid report that passes every check, this year and across the year end', () => {
    fc.assert(
      fc.property(
        fc.array(requestArb, { maxLength: 60 }),
        fc.array(entryArb, { maxLength: 20 }),
        fc.array(caseArb, { maxLength: 10 }),
        fc.integer({ min: 2022, max: 2024 }),
        (reqs, ents, cs, year) => {
          const recs = records({
            requests: withIds('r', reqs),
            statEntries: withIds('e', ents) as StatEntry[],
            cases: withIds('c', cs),
          });
          const last = buildReport(year - 1, {
            ...recs,
            sections: { ...NARRATIVE, problems: '上年的问题：培训不足。已整改。' },
          }).report;
          const { report } = buildReport(year, recs, last);
          reportDataSchema.parse(report);
          const blocking = checkReport(report, { lastYear: last }).filter((f) => f.level !== 'info');
          expect(blocking).toEqual([]);
          const total = report.cells['applications.newReceived.total'];
          expect(total).toBe(reqs.filter((r) => r.receivedDate.startsWith(String(year))).length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
