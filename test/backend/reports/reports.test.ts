import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReportText } from '../../../shared/import';
import type { ReportData } from '../../../shared/report';
import { buildReport } from '../../../shared/report';
import type { ReviewCase, StatEntry, StatEntryInput } from '../../../shared/records';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from '../harness';

const SEED = readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

describe('reports: published reports', () => {
  it('imports a past report as published; anyone lists and reads it, equal to the core import cell for cell', async () => {
    const published = await b.ok<{ id: string; year: number }>(o.admin, 'reports', 'importPublished', { text: SEED });
    expect(published.year).toBe(2023);
    const list = await b.ok<{ id: string; organ: string; year: number }[]>(null, 'reports', 'listPublished', {});
    expect(list).toEqual(expect.arrayContaining([expect.objectContaining({ id: published.id, year: 2023 })]));
    const got = await b.ok<{ report: ReportData; source: string }>(null, 'reports', 'getPublished', {
      id: published.id,
    });
    expect(got.source).toBe('imported');
    expect(got.report.cells).toEqual(importReportText(SEED).cells);
    expect(got.report.narrative.proactiveCount).toBe(264);
    expect(await b.call(o.editor, 'reports', 'importPublished', { text: SEED })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.call(o.admin, 'reports', 'importPublished', { text: '这不是报告。'.repeat(20) })).toMatchObject({
      ok: false,
      code: 'UNREADABLE',
    });
  });
});

describe('reports: build, edit, approve, publish', () => {
  it('builds the year from the stored records, equal to the core; edits the narrative; passes the chain; publishes', async () => {
    const entries: StatEntryInput[] = [
      { kind: 'count', metric: 'licensing.decisions', date: '2025-03-02', count: 7 },
      { kind: 'count', metric: 'normativeDocs.issued', date: '2025-05-01', count: 2 },
      { kind: 'fee', metric: 'fees.amountWanYuan', date: '2025-06-01', amountWanYuan: 1.25 },
      { kind: 'count', metric: 'punishment.decisions', date: '2024-12-31', count: 9 },
    ];
    for (const entry of entries) await b.ok(o.editor, 'stats', 'create', { entry });
    const cases: Omit<ReviewCase, 'id'>[] = [
      { kind: 'review', filedDate: '2025-02-01', result: 'upheld', closedDate: '2025-04-01' },
      { kind: 'directSuit', filedDate: '2025-11-01', result: null, closedDate: null },
    ];
    const caseIds: string[] = [];
    for (const c of cases) caseIds.push((await b.ok<{ id: string }>(o.editor, 'cases', 'create', { case: c })).id);
    expect(
      await b.call(o.editor, 'cases', 'create', {
        case: { kind: 'review', filedDate: '2025-05-01', result: 'upheld' },
      }),
    ).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'case.result' }] });
    for (let i = 0; i < 3; i++) {
      const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(`信息 ${i}`) });
      await b.ok(o.editor, 'items', 'submit', { id });
      await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
      await b.ok(o.leader, 'items', 'approve', { id });
    }
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
    );
    // Items are published "now"; statistics and cases are dated 2025: build both years.
    const built2025 = await b.ok<{
      report: ReportData;
      version: number;
      lastYearSections: unknown;
    }>(o.editor, 'reports', 'build', { year: 2025 });
    const expected = buildReport(2025, {
      organ: '扎毛乡人民政府',
      requests: [],
      statEntries: entries.map((e, i) => ({ ...e, id: `e${i}` }) as StatEntry),
      cases: cases.map((c, i) => ({ ...c, id: caseIds[i] ?? '' })),
      items: [],
    }).report;
    expect(built2025.report.cells).toEqual(expected.cells);
    // The records behind a cell come from the cell's own query, not from ids shipped with the whole report.
    const upheld = await b.ok<{ records: { id: string }[] }>(o.editor, 'reports', 'cellRecords', {
      year: 2025,
      cell: 'reviewLitigation.review.upheld',
    });
    expect(upheld.records.map((r) => r.id)).toEqual([caseIds[0]]);
    const builtNow = await b.ok<{ report: ReportData }>(o.editor, 'reports', 'build', { year });
    expect(builtNow.report.facts?.publishedItems).toBe(3);

    const saved = await b.ok<{ version: number }>(o.editor, 'reports', 'saveNarrative', {
      year: 2025,
      version: built2025.version,
      sections: {
        overview: '本年度主动公开政府信息 0 条。工作考核、社会评议和责任追究结果情况：无。',
        problems: '一是……改进情况：……',
        other: '本年度未收取信息处理费。',
      },
    });
    expect(
      await b.call(o.editor, 'reports', 'saveNarrative', {
        year: 2025,
        version: built2025.version,
        sections: { other: '过时' },
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(saved.version).toBe(built2025.version + 1);
    await b.ok(o.editor, 'reports', 'submit', { year: 2025 });
    expect(await b.call(o.leader, 'reports', 'approve', { year: 2025 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await b.ok(o.reviewer, 'reports', 'approve', { year: 2025 });
    const done = await b.ok<{ status: string; published: { id: string } }>(o.leader, 'reports', 'approve', {
      year: 2025,
    });
    expect(done.status).toBe('published');
    const read = await b.ok<{ report: ReportData; source: string }>(null, 'reports', 'getPublished', {
      id: done.published.id,
    });
    expect(read.source).toBe('built');
    expect(read.report.cells['proactive.fees.amountWanYuan']).toBe(1.25);
    expect(read.report.sections.other).toContain('信息处理费');
    expect(
      await b.call(o.editor, 'reports', 'saveNarrative', {
        year: 2025,
        version: saved.version,
        sections: { other: 'x' },
      }),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});
