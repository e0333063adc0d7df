/**
 * The reader given a report printed in the 2019 format (凤溪镇's 2022 report, imported from its text): its own table
 * 二 (proactive2019) and its one （六）其他处理 row (otherProcessing2019), as the HTML prints them; a 2021 report
 * drawn as before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { find, flush, openPage, textOf, type RenderedPage } from '../../harness';
import { FORMAT_2021, type Finding, type PublishedReport, type ReportData } from 'gongkai-core';
import { useFakeTransport } from '../../fake-transport';
import { publishedReport } from '../../fixtures';
import { importReportText } from '../../../../shared/import/report-text';
import { renderHtml } from '../../../../shared/render';
import type { ReaderData } from '../../../../miniprogram/pages/report/reader/index';

const ROUTE = 'pages/report/reader/index';
const FIXTURE = path.join(__dirname, '../../../fixtures/reports/fengxi-town-2022-old-format.txt');

/** The 2021 format's three rows under （六）其他处理. */
const SPLIT_LABELS = FORMAT_2021.applications.rows
  .filter((r) => ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'].includes(r.key))
  .map((r) => r.label);

function published(report: ReportData): PublishedReport {
  return { ...publishedReport('report-fengxi-2022'), organ: report.organ, year: report.year, report };
}

async function read(report: ReportData): Promise<RenderedPage<ReaderData>> {
  useFakeTransport(() => ({ ok: true, data: published(report) }));
  const page = openPage<ReaderData>(ROUTE, { id: 'report-fengxi-2022' });
  await flush();
  return page;
}

/** The numbers of every table, in reading order. */
function readerNumbers(page: RenderedPage<ReaderData>): string[] {
  return page.querySelectorAll('.val').map((v) => v.dom?.textContent ?? '');
}

function htmlNumbers(report: ReportData): string[] {
  return [...renderHtml(report).matchAll(/<td [^>]*data-cell="[^"]*"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');
}

describe('report reader, a 2019-format report', () => {
  const report = importReportText(readFileSync(FIXTURE, 'utf8'));
  let page: RenderedPage<ReaderData>;

  beforeAll(async () => {
    expect(report.formatVersion).toBe('2019');
    page = await read(report);
  });

  it('draws its own table 二: the 2019 items, columns and figures', () => {
    const blocks = page.querySelectorAll('#table-proactive .grid').map((b) => b.dom?.textContent ?? '');
    expect(blocks).toHaveLength(5);
    // 第二十条第（一）项: 规章 0 0 0, 规范性文件 2 2 11 (typed from the fixture).
    expect(blocks[0]).toContain('信息内容本年新制作数量本年新公开数量对外公开总数量');
    expect(blocks[0]).toContain('规范性文件2211');
    expect(blocks[0]).not.toContain('本年制发件数');
    expect(blocks[2]).toContain('上一年项目数量本年增/减处理决定数量');
    expect(blocks[2]).toContain('行政处罚21-248');
    // 第二十条第（九）项: 采购总金额 unreadable in the fixture, drawn as missing and said so under the table.
    expect(blocks[4]).toContain('采购总金额（元）政府集中采购6—');
    expect(textOf(page, '#table-proactive')).toContain('注：“—”表示该项数据缺失。');
    // None of the 2021 table 二's cells, which a 2019 report does not have, is drawn blank.
    expect(textOf(page, '#table-proactive')).not.toMatch(/本年制发件数|现行有效件数/);
    // Its cells are not the 2021 format's: no tap explanation under another table's labels.
    expect(page.data.sections.find((s) => s.key === 'proactive')?.table?.blocks.flatMap((b) => b.cells)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ i: expect.any(Number) })]),
    );
  });

  it('draws table 三 with its one （六）其他处理 row and its figures, not the 2021 format’s three', () => {
    const table = page.data.sections.find((s) => s.key === 'applications')?.table;
    const cards = table?.blocks.filter((b) => b.k === 'card') ?? [];
    const other = cards.find((b) => b.cells[0]?.t === '（六）其他处理');
    expect(other?.cells.filter((c) => c.k.startsWith('val')).map((c) => c.t)).toEqual([
      '1',
      '0',
      '0',
      '0',
      '0',
      '0',
      '1',
    ]);
    for (const label of SPLIT_LABELS) expect(textOf(page, '#table-applications')).not.toContain(label);
    expect(cards).toHaveLength(FORMAT_2021.applications.rows.length - 2);
  });

  it('shows every number exactly as the HTML prints it, in the same order', () => {
    expect(readerNumbers(page)).toEqual(htmlNumbers(report));
  });

  it('a 2021 report is drawn as before: the 2021 table 二 and three 其他处理 rows', async () => {
    const report2021 = publishedReport().report;
    const page2021 = await read(report2021);
    expect(textOf(page2021, '#table-proactive')).toContain('本年制发件数');
    for (const label of SPLIT_LABELS) expect(textOf(page2021, '#table-applications')).toContain(label);
    expect(textOf(page2021, '#table-applications')).toContain('（六）其他处理');
    expect(page2021.querySelectorAll('.val')).toHaveLength(FORMAT_2021.cells.length);
    expect(readerNumbers(page2021)).toEqual(htmlNumbers(report2021));
    expect(find(page2021, '#table-proactive').dom).toBeDefined();
  });

  it('marks a number the importer inferred and says so under its table, as the HTML does', async () => {
    const base = publishedReport().report;
    const address = 'applications.newReceived.natural';
    const inferred: Finding = { check: 'cellInferred', level: 'info', cells: [address], message: '由表内合计推算' };
    const report2021 = { ...base, findings: [inferred] };
    const page2021 = await read(report2021);
    const index = FORMAT_2021.cells.findIndex((c) => c.address === address);
    expect(textOf(page2021, `#cell-${index}`)).toBe(`${base.cells[address] ?? ''}*`);
    expect(textOf(page2021, '#table-applications')).toContain('* 原报告未印出，由表内合计推算。');
    expect(textOf(page2021, '#table-proactive')).not.toContain('原报告未印出');
    expect(readerNumbers(page2021)).toEqual(htmlNumbers(report2021));
  });
});
