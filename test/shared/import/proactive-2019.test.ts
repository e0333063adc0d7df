/**
 * Table 二 of a report printed in the 2019 format (国办公开办函〔2019〕60号): read into its own cells
 * (proactive2019), checked as such, and no false error for the 2021 format's table 二 cells it cannot have.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../cli/report';
import { checkReport } from '../../../shared/checks';
import { unzipSync, strFromU8 } from 'fflate';
import { importReportDocx, importReportHtml, importReportText } from '../../../shared/import';
import { renderHtml, renderMarkdown } from '../../../shared/render';
import { renderDocx } from '../../../shared/render/docx';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = 'test/fixtures/reports/baisha-town-2020-format-2019.txt';
const text = readFileSync(path.join(ROOT, FIXTURE), 'utf8');

/** Typed by hand from the fixture's table 二. */
const EXPECTED = {
  'proactive2019.rules.newlyMade': 0,
  'proactive2019.rules.newlyPublished': 0,
  'proactive2019.rules.totalPublished': 0,
  'proactive2019.normativeDocs.newlyMade': 1,
  'proactive2019.normativeDocs.newlyPublished': 1,
  'proactive2019.normativeDocs.totalPublished': 5,
  'proactive2019.licensing.prevYearItems': 3,
  'proactive2019.licensing.changeThisYear': 0,
  'proactive2019.licensing.decisions': 12,
  'proactive2019.otherServices.prevYearItems': 2,
  'proactive2019.otherServices.changeThisYear': 0,
  'proactive2019.otherServices.decisions': 4,
  'proactive2019.punishment.prevYearItems': 5,
  'proactive2019.punishment.changeThisYear': -1,
  'proactive2019.punishment.decisions': 3,
  'proactive2019.enforcement.prevYearItems': 0,
  'proactive2019.enforcement.changeThisYear': 0,
  'proactive2019.enforcement.decisions': 0,
  'proactive2019.fees.prevYearItems': 0,
  'proactive2019.fees.changeThisYear': 0,
  'proactive2019.centralProcurement.projectCount': 1,
  'proactive2019.centralProcurement.totalAmount': 251000,
};

describe('a 2019-format report’s table 二', () => {
  const report = importReportText(text);

  it('is read cell for cell into its own 22 cells (本年增/减 signed, 采购总金额 in 元)', () => {
    expect(report.formatVersion).toBe('2019');
    expect(report.proactive2019).toEqual(EXPECTED);
    // 本年新制作数量 is not 本年制发件数: the 2021 cells stay empty, and are not reported missing.
    expect(report.cells['proactive.normativeDocs.issued']).toBeNull();
    expect(report.findings.filter((f) => f.check === 'cellUnreadable')).toEqual([]);
  });

  it('check raises no error; its one warning is true (条例第五十条: no 工作考核、社会评议、责任追究 in the text)', () => {
    const findings = checkReport(report);
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    expect(findings.filter((f) => f.level === 'warning').map((f) => f.check)).toEqual(['requiredContent']);
    expect(findings.find((f) => f.level === 'warning')?.message).toContain('第五十条');
  });

  it('check of the import --json output keeps table 二 and still raises no error', async () => {
    const imported = await run(['import', FIXTURE, '--json'], ROOT);
    const json = JSON.parse(imported.stdout) as { proactive2019: unknown };
    expect(json.proactive2019).toEqual(EXPECTED);
    const { checkInputSchema } = await import('../../../shared/checks');
    const findings = checkReport(checkInputSchema.parse(json));
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
  });

  it('a cell it lacks, a negative count and an amount in 万元: null with a finding naming the 2019 cell, or 元', () => {
    const changed = text
      .replace('行政许可\t3\t0\t12', '行政许可\t—\t0\t12')
      .replace('行政处罚\t5\t-1\t3', '行政处罚\t5\t-1\t-3')
      .replace('251000元', '25.1万元');
    const r = importReportText(changed);
    expect(r.proactive2019?.['proactive2019.licensing.prevYearItems']).toBeNull();
    expect(r.proactive2019?.['proactive2019.punishment.changeThisYear']).toBe(-1);
    expect(r.proactive2019?.['proactive2019.punishment.decisions']).toBeNull();
    expect(r.proactive2019?.['proactive2019.centralProcurement.totalAmount']).toBe(251000);
    const errors = checkReport(r).filter((f) => f.level === 'error');
    expect(errors.map((f) => [f.check, f.cells])).toEqual([
      ['cellUnreadable', ['proactive2019.licensing.prevYearItems']],
      ['cellUnreadable', ['proactive2019.punishment.decisions']],
    ]);
    expect(errors[0]?.message).toBe('表二（2019 年格式）“行政许可”行“上一年项目数量”列无法读取（印为“—”）');
  });

  it('the check judges 2019 cells given as data: a negative count is nonNegative, a negative change is not', () => {
    const cells = { ...EXPECTED, 'proactive2019.licensing.decisions': -2, 'proactive2019.fees.changeThisYear': -1 };
    const findings = checkReport({ ...report, proactive2019: cells });
    expect(findings.filter((f) => f.level === 'error').map((f) => [f.check, f.cells[0]])).toEqual([
      ['nonNegative', 'proactive2019.licensing.decisions'],
    ]);
  });

  it('renders in Markdown in the 2019 layout (采购总金额 in 元), which imports back cell for cell', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| 行政处罚 | 5 | -1 | 3 |');
    expect(markdown).toContain('| 信息内容 | 采购项目数量 | 采购总金额（元） |');
    expect(markdown).not.toContain('本年制发件数');
    expect(importReportText(markdown).proactive2019).toEqual(EXPECTED);
  });

  it('renders in HTML in the 2019 layout, each cell with its 2019 address, which imports back cell for cell', () => {
    const html = renderHtml(report);
    expect(html).toContain('data-cell="proactive2019.punishment.changeThisYear">-1</td>');
    expect(html).not.toContain('本年制发件数');
    expect(importReportHtml(html).proactive2019).toEqual(EXPECTED);
  });

  it('prints its own 2019 table 二 in Word (not the 2021 one), which imports back cell for cell', async () => {
    const bytes = await renderDocx(report);
    const doc = strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
    expect(doc).toContain('>采购总金额（元）<');
    expect(doc).toContain('>本年增/减<');
    expect(doc).not.toContain('本年制发件数');
    expect((await importReportDocx(bytes)).proactive2019).toEqual(EXPECTED);
  });
});
