/**
 * The 2019 format's one （六）其他处理 row: its equations, the report rendered with it (and read back), and the
 * peer note on 其他处理 taking it as the row's total.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkAcrossReports, checkReport } from '../../../shared/checks';
import { equations2019 } from '../../../shared/format/equations';
import { otherProcessingCells2019, otherProcessingValues } from '../../../shared/format/other-processing-2019';
import { strFromU8, unzipSync } from 'fflate';
import { importReportDocx, importReportHtml, importReportText } from '../../../shared/import';
import { renderDocx } from '../../../shared/render/docx';
import { renderHtml, renderMarkdown } from '../../../shared/render';

const text = readFileSync(path.join(__dirname, '../../fixtures/reports/fengxi-town-2022-old-format.txt'), 'utf8');
const report = importReportText(text);
const ROW = 'applications.otherProcessing';

describe('equations2019()', () => {
  it('puts the one row in place of the three: in each column’s 办理结果总计, and one row total of its own', () => {
    const natural = equations2019().find((eq) => eq.check === 'resultTotal' && eq.along === 'natural');
    expect(natural?.right).toContain(`${ROW}.natural`);
    expect(natural?.right.some((c) => /otherNoCorrection|otherFeeUnpaid|otherOther/.test(c))).toBe(false);
    expect(natural?.right).toHaveLength(19);
    const rows = equations2019()
      .filter((eq) => eq.check === 'applicantTotal')
      .map((eq) => eq.along);
    expect(rows.filter((r) => r === 'otherProcessing')).toHaveLength(1);
    expect(rows.some((r) => r.startsWith('otherNo') || r === 'otherFeeUnpaid' || r === 'otherOther')).toBe(false);
    expect(equations2019().flatMap((eq) => [...eq.left, ...eq.right])).toEqual(
      expect.arrayContaining([...otherProcessingCells2019()]),
    );
  });
});

describe('a 2019-format report rendered', () => {
  const rowOf = (r: { otherProcessing2019?: Record<string, number | null> | undefined }) => r.otherProcessing2019;

  it('prints （六）其他处理 as its one row in Markdown, which imports back as it was', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/（六）其他处理 \| 1 \| 0 \| 0 \| 0 \| 0 \| 0 \| 1 \|/);
    expect(markdown).not.toContain('逾期不补正');
    const back = importReportText(markdown);
    expect(rowOf(back)).toEqual(rowOf(report));
    expect(back.cells).toEqual(report.cells);
  });

  it('prints it in HTML with its own cell addresses, which imports back as it was', () => {
    const html = renderHtml(report);
    expect(html).toContain(`data-cell="${ROW}.natural">1</td>`);
    expect(html).not.toContain('逾期不补正');
    expect(rowOf(importReportHtml(html))).toEqual(rowOf(report));
  });

  it('prints it in Word as its one row, which imports back as it was', async () => {
    const bytes = await renderDocx(report);
    const doc = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(doc).toContain('>（六）其他处理<');
    expect(doc).not.toContain('逾期不补正');
    expect(rowOf(await importReportDocx(bytes))).toEqual(rowOf(report));
  });

  it('a 2019 report stored before the row was kept: the three rows’ sum where each is known, else blank', () => {
    const { otherProcessing2019: _kept, ...stored } = report;
    const cells = {
      ...stored.cells,
      'applications.otherNoCorrection.total': 1,
      'applications.otherFeeUnpaid.total': 0,
    };
    const values = otherProcessingValues({ cells: { ...cells, 'applications.otherOther.total': 2 } });
    expect(values[`${ROW}.total`]).toBe(3);
    expect(values[`${ROW}.natural`]).toBeNull();
    // …and its checks run over the three rows as before (nothing assessable, nothing raised).
    expect(checkReport({ ...stored, cells }).filter((f) => f.check === 'resultTotal')).toEqual([]);
  });
});

describe('the peer note on 其他处理 for a 2019-format report', () => {
  it('takes the one row’s total as 其他处理', () => {
    const mostlyOther = importReportText(
      text
        .replace(/一、本年新收.*/, '一、本年新收政府信息公开申请数量\t\t\t40\t0\t0\t0\t0\t0\t40')
        .replace(/（一）予以公开\t.*/, '（一）予以公开\t\t2\t0\t0\t0\t0\t0\t2')
        .replace(/（六）其他处理\t.*/, '（六）其他处理\t\t37\t0\t0\t0\t0\t0\t37')
        .replace(/（七）总计\t.*/, '（七）总计\t\t40\t0\t0\t0\t0\t0\t40'),
    );
    expect(checkReport(mostlyOther).filter((f) => f.level === 'error' && f.check !== 'cellUnreadable')).toEqual([]);
    const [result] = checkAcrossReports([{ organ: '凤溪镇', year: 2022, report: mostlyOther }]);
    const note = result?.findings.find((f) => f.check === 'otherProcessingShare');
    expect(note?.cells).toEqual([`${ROW}.total`, 'applications.resultTotal.total']);
    expect(note?.message).toContain('“其他处理”37 件，占总计 40 件的 93%');
  });
});
