/**
 * The report counted in the database (backend/reports/counts.ts: one aggregation per collection) equals
 * buildReport over the same records, on generated records; and each cell's own query (backend/reports/cells.ts)
 * finds exactly the records buildReport cites for that cell. Both read the rules of shared/report/rules.ts.
 */
import fc from 'fast-check';
import { cellRecordsOf } from '../../../backend/reports/cells';
import { countReportRecords } from '../../../backend/reports/counts';
import { COLLECTIONS, ensureCollections } from '../../../backend/collections';
import { APPLICANT_TYPES, CASE_KINDS, CASE_RESULTS, CELL_ADDRESSES, OUTCOME_ROWS } from '../../../shared/format';
import type { RequestRecord, ReviewCase, StatEntry } from '../../../shared/records';
import { buildReport } from '../../../shared/report';
import { startBackend, type Backend } from '../harness';

const YEAR = 2025;
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
  await ensureCollections(b.db);
});
afterAll(() => b.stop());

const date = fc
  .record({
    y: fc.integer({ min: YEAR - 2, max: YEAR + 1 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const later = (a: string, b: string): string => (a > b ? a : b);

const request = fc
  .record({
    applicantType: fc.constantFrom(...APPLICANT_TYPES),
    received: date,
    answered: fc.option(date, { nil: null }),
    outcome: fc.constantFrom(...OUTCOME_ROWS),
  })
  .map((r) => ({ ...r, answered: r.answered === null ? null : later(r.received, r.answered) }));
const reviewCase = fc
  .record({
    kind: fc.constantFrom(...CASE_KINDS),
    filed: date,
    closed: fc.option(date, { nil: null }),
    result: fc.constantFrom(...CASE_RESULTS),
  })
  .map((c) => ({ ...c, closed: c.closed === null ? null : later(c.filed, c.closed) }));
const entry = fc.oneof(
  fc.record({
    kind: fc.constant('count' as const),
    metric: fc.constantFrom('licensing.decisions', 'normativeDocs.issued', 'normativeDocs.repealed', 'rules.issued'),
    date,
    count: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    kind: fc.constant('fee' as const),
    metric: fc.constant('fees.amountWanYuan' as const),
    date,
    amountWanYuan: fc.constantFrom(0.5, 1.25, 3),
  }),
  fc.record({
    kind: fc.constant('inForceOverride' as const),
    metric: fc.constant('rules.inForce' as const),
    year: fc.constantFrom(YEAR, YEAR - 1),
    value: fc.integer({ min: 0, max: 20 }),
    reason: fc.constant('部分文件已失效'),
  }),
);

let run = 0;

it('counts in the database what buildReport counts from the records, cell by cell with the same records', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(request, { maxLength: 40 }),
      fc.array(reviewCase, { maxLength: 12 }),
      fc.array(entry, { maxLength: 12 }),
      async (rs, cs, es) => {
        run += 1;
        const organId = `organ-counts-${run}`;
        const id = (kind: string, i: number) => `${kind}-${run}-${String(i).padStart(3, '0')}`;
        const requests: RequestRecord[] = rs.map((r, i) => ({
          id: id('r', i),
          applicantType: r.applicantType,
          receivedDate: r.received,
          outcome: r.answered === null ? null : r.outcome,
          answeredDate: r.answered,
        }));
        const cases: ReviewCase[] = cs.map((c, i) => ({
          id: id('c', i),
          kind: c.kind,
          filedDate: c.filed,
          result: c.closed === null ? null : c.result,
          closedDate: c.closed,
        }));
        const statEntries = es.map((e, i) => ({ ...e, id: id('e', i) }) as StatEntry);
        const stored = {
          [COLLECTIONS.requests]: requests.map((r) => ({
            _id: r.id,
            organId,
            applicationNo: r.id.toUpperCase(),
            status: r.answeredDate === null ? 'received' : 'answered',
            receivedDate: r.receivedDate,
            applicant: { applicantType: r.applicantType, idNumber: '11010519491231002X' },
            outcome: r.outcome,
            answeredDate: r.answeredDate,
          })),
          [COLLECTIONS.cases]: cases.map(({ id: _id, ...c }) => ({ _id, organId, ...c })),
          [COLLECTIONS.statEntries]: statEntries.map(({ id: _id, ...e }) => ({ _id, organId, ...e })),
        };
        for (const [collection, docs] of Object.entries(stored)) {
          if (docs.length > 0) await b.db.collection(collection).add(docs);
        }
        const counted = { ...(await countReportRecords(b.db, organId, YEAR)), organ: '某乡人民政府' };
        const expected = buildReport(YEAR, { organ: '某乡人民政府', requests, cases, statEntries, items: [] });
        expect(buildReport(YEAR, counted).report.cells).toEqual(expected.report.cells);

        for (const cell of CELL_ADDRESSES) {
          const cited = expected.sources[cell] ?? [];
          const found = await cellRecordsOf(b.db, organId, YEAR, cell, { hasLastYear: false, limit: 200 });
          expect({ cell, total: found.total, ids: found.records.map((r) => r.id).sort() }).toEqual({
            cell,
            total: cited.length,
            ids: [...cited].sort(),
          });
        }
      },
    ),
    { numRuns: 3 },
  );
}, 600_000); // 6 runs took 86 s at a load average of 21 (7 Dec 2026): 3 runs, each checking every cell
