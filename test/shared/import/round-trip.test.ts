/**
 * Generated round trips: one report with every cell non-zero (and its tables' equations holding), rendered
 * to each input form the importer takes — the product's Markdown, its HTML page, that page copied as text,
 * a .docx with the official merged-cell layout — and imported back, cell for cell.
 */
import { FORMAT_2021, cellAddress } from '../../../shared/format';
import { htmlToText } from '../../../shared/import/html';
import { importReportDocx, importReportHtml, importReportText } from '../../../shared/import';
import { renderHtml, renderMarkdown } from '../../../shared/render';
import type { ReportData } from '../../../shared/report';
import { REPORT } from './every-cell';
import { buildReportDocx } from './report-docx';

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
