/** importReportText's edges: what is not a report, titles it cannot read, table layouts besides the fixtures'. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { htmlToText } from '../../../shared/import/html';
import { importReportText, UnreadableReportError } from '../../../shared/import';

const BODY = [
  '一、总体情况',
  '概述。',
  '四、政府信息公开行政复议、行政诉讼情况',
  'TABLE4',
  '五、存在的主要问题及改进情况',
  '无。',
  '六、其他需要报告的事项',
  '无。',
];
const report = (title: string[], table4 = '0 0 0 0 0 0 0 0 0 0 0 0 0 0 0') =>
  [...title, ...BODY].join('\n').replace('TABLE4', table4);

describe('importReportText', () => {
  it('refuses text that is not a report', () => {
    expect(() => importReportText('会议通知\n请各单位于周五下午参加会议。')).toThrow(UnreadableReportError);
    expect(() => importReportText('')).toThrow(/未找到政府信息公开年度报告的章节或表格/);
  });

  it('refuses a report whose year it cannot find, unless told', () => {
    expect(() => importReportText(report(['某镇政府信息公开工作年度报告']))).toThrow(/年度/);
    const r = importReportText(report(['某镇政府信息公开工作年度报告']), { year: 2022 });
    expect([r.organ, r.year]).toEqual(['某镇', 2022]);
  });

  it('uses the organ it is given when the title names none, else a placeholder', () => {
    expect(importReportText(report(['2023年政府信息公开工作年度报告']), { organ: '某乡' }).organ).toBe('某乡');
    expect(importReportText(report(['2023年政府信息公开工作年度报告'])).organ).toBe('未识别机关');
    const signed = importReportText(
      `${report(['关于2023年度政府信息公开工作的报告'])}\n某县某某镇人民政府\n2024年1月10日`,
    );
    expect([signed.organ, signed.sections.other]).toEqual(['某县某某镇人民政府', '无。']);
  });

  it('reads table 四 printed as three labelled rows, and the missing tables as unreadable', () => {
    const r = importReportText(
      report(
        ['某乡2023年政府信息公开工作年度报告'],
        '行政复议 1 0 0 0 1\n行政诉讼 未经复议直接起诉 0 0 0 1 1\n复议后起诉 0 0 0 0 0',
      ),
    );
    expect(['review', 'directSuit'].map((g) => r.cells[`reviewLitigation.${g}.total`])).toEqual([1, 1]);
    expect(r.cells['proactive.rules.issued']).toBeNull();
    expect(r.findings.find((f) => f.cells[0] === 'proactive.rules.issued')?.message).toBe(
      '表二“规章”行“本年制发件数”列无法读取（未找到该表格）',
    );
  });

  it('still finds table 三 when its heading is not recognised', () => {
    const base = readFileSync(path.join(__dirname, '../../fixtures/reports/baisha-town-2022-tabs.txt'), 'utf8');
    const r = importReportText(base.replace('三、收到和处理政府信息公开申请情况', '三、办理情况'));
    expect(r.cells['applications.newReceived.total']).toBe(8);
    expect(r.cells).toEqual(importReportText(base).cells);
  });

  it('keeps prose in a table part out of the table, even without a full stop', () => {
    const r = importReportText(
      report(['某乡2023年政府信息公开工作年度报告'], '本机关 2023 年度行政复议情况如下\n0 1 0 0 1 0 0 0 0 0 0 0 0 0 0'),
    );
    expect(r.cells['reviewLitigation.review.corrected']).toBe(1);
    expect(r.sections.reviewLitigation).toBe('本机关 2023 年度行政复议情况如下');
  });

  it('reads table 四 with one number lost when its totals place the rest', () => {
    const r = importReportText(report(['某乡2023年政府信息公开工作年度报告'], '2 0 0 0 2 0 0 0 0 0 0 0 0 0'));
    expect(r.cells['reviewLitigation.review.upheld']).toBe(2);
    expect(r.cells['reviewLitigation.review.total']).toBe(2);
    expect(r.cells['reviewLitigation.suitAfterReview.total']).toBe(0);
  });
});

describe('importReportText, table 三 runs longer than a row', () => {
  const base = readFileSync(path.join(__dirname, '../../fixtures/reports/baisha-town-2022-tabs.txt'), 'utf8');
  const intact = importReportText(base);

  it('gives a label-less row its place, and drops a page number after a row that fits without it', () => {
    const text = base.replace('\t（七）总计\t\t', '\t\t\t').replace(/(四、结转下年度继续办理[^\n]*\n)/, '$1- 3 -\n');
    expect(text).not.toBe(base);
    const r = importReportText(text);
    expect(r.cells).toEqual(intact.cells);
    expect(r.findings).toEqual([]);
  });

  it('does not cut a run it cannot tell apart', () => {
    // 四、结转下年度继续办理 printed 1 0 0 0 0 0 1, then a stray 1 0 0 0 0 0 1 minus its first number.
    const text = base.replace(/(四、结转下年度继续办理[^\n]*)\n/, '$1\t0\t0\t0\t0\t0\t1\n');
    const r = importReportText(text);
    // The row is not read from the run; the balance gives it back, and says so.
    expect(r.cells).toEqual(intact.cells);
    expect(r.findings.map((f) => f.check)).toEqual(['cellInferred']);
    expect(r.findings[0]?.cells).toHaveLength(7);
    expect(r.findings[0]?.message).toContain('表三“四、结转下年度继续办理”行');
    // Without the balance (本年新收 lost too) it stays unreadable, with the reason.
    const worse = importReportText(
      text.replace(/一、本年新收政府信息公开申请数量[^\n]*/, '一、本年新收政府信息公开申请数量'),
    );
    expect(worse.cells['applications.carriedForward.total']).toBeNull();
    expect(worse.findings.find((f) => f.cells[0] === 'applications.carriedForward.total')?.message).toContain(
      '无法分清哪些属于本行',
    );
  });
});

describe('htmlToText', () => {
  it('writes paragraphs as lines and table rows as tab-separated cells, flattening nested tables', () => {
    const html =
      '<h1>标题&amp;副题</h1><p>一<br />二</p><table><tr><td><p>甲</p><p>乙</p></td><td></td><td>&#49;&#x32;</td></tr>' +
      '<tr><td><table><tr><td>内</td><td>表</td></tr></table></td><td>3</td></tr></table><ul><li>条目&nbsp;一</li></ul><p>&unknown;</p>';
    expect(htmlToText(html)).toBe('标题&副题\n一\n二\n甲 乙\t\t12\n内 表\t3\n条目 一\n&unknown;');
  });
});
