/**
 * At a township's real scale and beyond: thousands of items and dozens of cases added through the functions; the
 * report built by the reports function equals what the core computes from the same records.
 */
import { COLLECTIONS } from '../../backend/collections';
import { fetchAll } from '../../backend/paging';
import { CASE_KINDS, CASE_RESULTS } from '../../shared/format';
import { reviewCaseSchema, statEntrySchema } from '../../shared/records';
import { buildReport, type ReportData } from '../../shared/report';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from './harness';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

async function inBatches<T>(n: number, size: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < n; start += size) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(size, n - start) }, (_, k) => fn(start + k)))));
  }
  return out;
}

it('3,000 items and 50 cases through the functions: the built report equals the core’s', async () => {
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
  await inBatches(3000, 25, async (i) => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(`第 ${i} 条`) });
    if (i % 3 === 0) return; // a third stay drafts: they must not count
    await b.ok(o.editor, 'items', 'submit', { id });
    await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
    await b.ok(o.leader, 'items', 'approve', { id });
  });
  await inBatches(50, 10, (i) => {
    const closed = i % 5 !== 0;
    const c = { kind: CASE_KINDS[i % 3], filedDate: `${year - 1}-${String((i % 12) + 1).padStart(2, '0')}-10`, result: closed ? CASE_RESULTS[i % 3] : null, closedDate: closed ? `${i % 2 ? year : year - 1}-12-${String((i % 28) + 1).padStart(2, '0')}` : null };
    return b.ok(o.editor, 'cases', 'create', { case: c });
  });
  await inBatches(40, 10, (i) => b.ok(o.editor, 'stats', 'create', { entry: { kind: 'count', metric: i % 2 ? 'licensing.decisions' : 'normativeDocs.issued', date: `${year}-0${(i % 9) + 1}-01`, count: (i % 4) + 1 } }));

  const built = await b.ok<{ report: ReportData }>(o.reviewer, 'reports', 'build', { year });
  // The same records, read raw from the store, through the core.
  const raw = async (col: string): Promise<Record<string, unknown>[]> => (await fetchAll(b.db.collection(col), { organId: o.organId })).map((r) => ({ ...r, id: r._id }));
  const cases = (await raw(COLLECTIONS.cases)).map((r) => reviewCaseSchema.parse(r));
  const statEntries = (await raw(COLLECTIONS.statEntries)).map((r) => statEntrySchema.parse(r));
  const items = (await raw(COLLECTIONS.items)).map((r) => ({ id: String(r.id), status: r.status as 'published', publishedDate: (r.publishedDate as string | null) ?? null }));
  expect(items).toHaveLength(3000);
  const expected = buildReport(year, { organ: built.report.organ, requests: [], statEntries, cases, items }).report;
  expect(built.report.cells).toEqual(expected.cells);
  expect(built.report.facts?.publishedItems).toBe(2000);
  expect(expected.facts?.publishedItems).toBe(2000);
}, 300_000);
