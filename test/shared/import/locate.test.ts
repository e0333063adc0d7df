/**
 * Tables found by what they are (shared/import/locate.ts): under headings numbered or worded otherwise than
 * the national format, after prose sub-parts numbered 一、二、 inside a part, across a PDF's page breaks
 * (the title repeated atop a page, a page number). The text is the 白沙镇 2022 fixture, rearranged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReportText } from '../../../shared/import';
import { locateTables } from '../../../shared/import/locate';
import { splitSections } from '../../../shared/import/sections';
import type { ReportData } from '../../../shared/report';

const BAISHA = readFileSync(path.join(__dirname, '../../fixtures/reports/baisha-town-2022-tabs.txt'), 'utf8');
const TITLE = '东川县白沙镇人民政府2022年政府信息公开工作年度报告';

function replaceLine(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture has no “${from}”`);
  return text.replace(from, to);
}

const original = importReportText(BAISHA);
const tableCells = (r: ReportData) => Object.fromEntries(Object.entries(r.cells));

describe('tables under headings numbered otherwise than the national format', () => {
  // An extra part 二 pushes every later part down by one; 复议/诉讼 is worded so no heading rule knows it.
  let text = replaceLine(
    BAISHA,
    '二、主动公开政府信息情况',
    '二、政府信息管理情况\n建立健全信息发布审核机制。\n三、主动公开政府信息情况',
  );
  text = replaceLine(text, '三、收到和处理政府信息公开申请情况', '四、收到和处理政府信息公开申请情况');
  text = replaceLine(text, '四、政府信息公开行政复议、行政诉讼情况', '五、因政府信息公开工作引起的复议和诉讼');
  text = replaceLine(text, '五、存在的主要问题及改进情况', '六、存在的主要问题及改进情况');

  it('finds table 四 by its header words, where no heading names it', () => {
    const lines = text.split('\n').map((t, i) => ({ text: t, line: i }));
    expect(splitSections(lines).found).not.toContain('reviewLitigation');
    const r = importReportText(text);
    expect(r.cells['reviewLitigation.review.total']).toBe(2);
    expect(r.cells['reviewLitigation.directSuit.upheld']).toBe(1);
    expect(tableCells(r)).toEqual(tableCells(original));
  });
});

describe('prose sub-parts and page breaks around the tables', () => {
  let text = replaceLine(
    BAISHA,
    '第二十条第（一）项',
    '一、主动公开政府信息情况：全年主动公开政府信息 1,024 条。\n二、收到和处理政府信息公开申请情况：见下表。\n第二十条第（一）项',
  );
  // A page break inside table 三: the page number, then the title the PDF prints atop each page.
  text = replaceLine(text, '\t（四）无法提供', `— 2 —\n${TITLE}\n\t（四）无法提供`);

  it('reads every cell as the original does', () => {
    const r = importReportText(text);
    expect(tableCells(r)).toEqual(tableCells(original));
    expect(r.organ).toBe('东川县白沙镇人民政府');
  });

  it('drops the repeated title from the table’s lines', () => {
    const lines = text.split('\n').map((t, i) => ({ text: t, line: i }));
    const located = locateTables(lines, splitSections(lines));
    expect(located.applications?.some((l) => l.text === TITLE)).toBe(false);
    expect(located.applications?.[0]?.text).toMatch(/勾稽关系/);
    expect(located.reviewLitigation?.[0]?.text).toMatch(/^行政复议/);
  });
});
