/**
 * Generated round trips: one report with every cell non-zero (and its tables' equations holding), rendered
 * to each input form the importer takes — the product's Markdown, its HTML page, that page copied as text,
 * a .docx with the official merged-cell layout — and imported back, cell for cell.
 */
import { FORMAT_2021, OUTCOME_ROWS, cellAddress, type TableKey } from '../../../shared/format';
import { htmlToText } from '../../../shared/import/html';
import { importReportDocx, importReportHtml, importReportText } from '../../../shared/import';
import { renderHtml, renderMarkdown } from '../../../shared/render';
import type { Cells, ReportData } from '../../../shared/report';
import { buildReportDocx } from './report-docx';

const APPLICANTS = FORMAT_2021.applications.columns.map((c) => c.key).filter((k) => k !== 'total');

/** Every cell non-zero and distinct enough that a shifted column or row shows. */
function everyCellNonZero(): Cells {
  const cells: Cells = {};
  const set = (t: TableKey, r: string, c: string, v: number) => (cells[cellAddress(t, r, c)] = v);
  set('proactive', 'rules', 'issued', 2);
  set('proactive', 'rules', 'repealed', 1);
  set('proactive', 'rules', 'inForce', 17);
  set('proactive', 'normativeDocs', 'issued', 31);
  set('proactive', 'normativeDocs', 'repealed', 9);
  set('proactive', 'normativeDocs', 'inForce', 214);
  set('proactive', 'licensing', 'decisions', 4521);
  set('proactive', 'punishment', 'decisions', 388);
  set('proactive', 'enforcement', 'decisions', 47);
  set('proactive', 'fees', 'amountWanYuan', 12.5);
  APPLICANTS.forEach((col, ci) => {
    let results = 0;
    OUTCOME_ROWS.forEach((row, ri) => {
      const v = 1 + ((ri + 2 * ci) % 7);
      results += v;
      set('applications', row, col, v);
    });
    const carriedOver = 2 + ci;
    const carriedForward = 3 + ci;
    set('applications', 'resultTotal', col, results);
    set('applications', 'carriedForward', col, carriedForward);
    set('applications', 'carriedOver', col, carriedOver);
    set('applications', 'newReceived', col, results + carriedForward - carriedOver);
  });
  for (const row of FORMAT_2021.applications.rows) {
    set(
      'applications',
      row.key,
      'total',
      APPLICANTS.reduce((s, c) => s + (cells[cellAddress('applications', row.key, c)] ?? 0), 0),
    );
  }
  (['review', 'directSuit', 'suitAfterReview'] as const).forEach((row, i) => {
    const vs = [3 + i, 1 + i, 2 + i, 4 + i];
    ['upheld', 'corrected', 'other', 'pending'].forEach((c, j) => set('reviewLitigation', row, c, vs[j] ?? 0));
    set(
      'reviewLitigation',
      row,
      'total',
      vs.reduce((a, b) => a + b, 0),
    );
  });
  return cells;
}

const REPORT: ReportData = {
  organ: '青禾县白沙镇人民政府',
  year: 2024,
  formatVersion: '2021',
  cells: everyCellNonZero(),
  preface:
    '本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
  sections: {
    overview:
      '2024年，白沙镇主动公开政府信息356条，全年共收到政府信息公开申请1件。工作考核、社会评议和责任追究结果情况：无。',
    proactive: '',
    applications: '',
    reviewLitigation: '',
    problems: '一是公开不够及时。改进情况：建立台账。',
    other: '本年度未收取信息处理费。',
  },
  overviewParts: [],
  narrative: { proactiveCount: 356, applicationsReceived: 1, processingFeesYuan: 0 },
  findings: [],
};

function docxOf(r: ReportData): Promise<Buffer> {
  const rowValues = (table: 'proactive' | 'applications', row: string, columns: string[]) =>
    columns.map((c) => r.cells[cellAddress(table, row, c)] ?? '');
  const proactive: Record<string, (number | string)[]> = {};
  for (const g of FORMAT_2021.proactive.groups)
    for (const row of g.rows)
      proactive[row.key] = rowValues(
        'proactive',
        row.key,
        g.columns.map((c) => c.key),
      );
  const columns = FORMAT_2021.applications.columns.map((c) => c.key);
  const applications = Object.fromEntries(
    FORMAT_2021.applications.rows.map((row) => [row.key, rowValues('applications', row.key, columns)]),
  );
  const review = (['review', 'directSuit', 'suitAfterReview'] as const).flatMap((row) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map(
      (c) => r.cells[cellAddress('reviewLitigation', row, c)] ?? '',
    ),
  );
  return buildReportDocx({
    title: `${r.organ}${r.year}年政府信息公开工作年度报告`,
    overview: [r.sections.overview],
    proactive,
    applications,
    review,
    problems: [r.sections.problems],
    other: [r.sections.other],
  });
}

describe('round trips: every cell non-zero, rendered to each input form and imported back', () => {
  it('the generated report has every cell non-zero', () => {
    expect(Object.keys(REPORT.cells)).toHaveLength(FORMAT_2021.cells.length);
    expect(Object.values(REPORT.cells).every((v) => typeof v === 'number' && v > 0)).toBe(true);
  });

  it.each([
    ['Markdown (the product’s rendering)', () => importReportText(renderMarkdown(REPORT))],
    ['HTML page (<table> with rowspan/colspan)', () => importReportHtml(renderHtml(REPORT))],
    ['text copied from the HTML page', () => importReportText(htmlToText(renderHtml(REPORT)))],
  ])('%s', (_form, read) => {
    const back = read();
    expect(back.cells).toEqual(REPORT.cells);
    expect([back.organ, back.year]).toEqual([REPORT.organ, REPORT.year]);
    expect(back.preface).toBe(REPORT.preface);
    expect(back.narrative).toMatchObject({ proactiveCount: 356, applicationsReceived: 1, processingFeesYuan: 0 });
    expect(back.findings).toEqual([]);
  });

  it('.docx with the official merged-cell layout', async () => {
    const back = await importReportDocx(await docxOf(REPORT));
    expect(back.cells).toEqual(REPORT.cells);
    expect(back.findings).toEqual([]);
  });
});
