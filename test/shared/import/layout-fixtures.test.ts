/**
 * Reports whose tables depart from the printed form: no 总计 columns, a PDF copy (headers cut into
 * characters, page numbers, labels wrapped), tables published as images, table 二 in the 2019 format, a
 * page that ran the whole report into one line. What the text gives is read; what it does not give is
 * null with a reason, never 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkReport, hasErrors } from '../../../shared/checks';
import { CELL_ADDRESSES } from '../../../shared/format';
import { importReportText, UnreadableReportError } from '../../../shared/import';
import type { ReportData } from '../../../shared/report';
import { cellsOf } from './expected';

const DIR = path.join(__dirname, '../../fixtures/reports');
const load = (name: string): ReportData => importReportText(readFileSync(path.join(DIR, name), 'utf8'));
const cellsIn = (r: ReportData, check: string): string[] =>
  r.findings.filter((f) => f.check === check).flatMap((f) => f.cells);

describe('柏川区人民政府办公室 2024 — Word tables printed without the 总计 columns', () => {
  const r = load('baichuan-district-office-2024-no-totals.txt');

  it('reads the six applicant columns and the four result columns, and fills every 总计 from its row', () => {
    expect([r.organ, r.year]).toEqual(['柏川区人民政府办公室', 2024]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          rules 1 0 12
          normativeDocs 6 3 48`,
        applications: `
          newReceived              31 6 1 0 3 2 43
          carriedOver               3 1 0 0 0 0 4
          disclosed                 9 2 0 0 1 0 12
          partlyDisclosed           6 1 1 0 0 1 9
          withheldStateSecret       1 0 0 0 0 0 1
          withheldProcessInfo       2 0 0 0 0 0 2
          withheldQueryMatter       1 0 0 0 0 0 1
          unavailableNotHeld        8 2 0 0 1 1 12
          unavailableNeedsCreation  1 0 0 0 0 0 1
          notProcessedPetition      2 0 0 0 0 0 2
          notProcessedDuplicate     1 0 0 0 0 0 1
          otherNoCorrection         1 1 0 0 1 0 3
          resultTotal              32 6 1 0 3 2 44
          carriedForward            2 1 0 0 0 0 3`,
        reviewLitigation: `
          review          2 1 0 1 4
          directSuit      1 0 0 2 3
          suitAfterReview 0 1 0 0 1`,
      }),
    );
    const inferred = cellsIn(r, 'cellInferred');
    expect(inferred).toHaveLength(25 + 3);
    expect(inferred.every((c) => c.endsWith('.total'))).toBe(true);
    expect(cellsIn(r, 'cellUnreadable')).toEqual([]);
    expect(hasErrors(checkReport(r))).toBe(false);
  });
});

describe('云峰县市场监督管理局 2022 — PDF copy: title and labels wrapped, header cut into characters, page numbers', () => {
  const r = load('yunfeng-county-bureau-2022-pdf-copy.txt');

  it('reads every cell, the misprinted 行政复议 总计 included, and the checks flag it', () => {
    expect([r.organ, r.year]).toEqual(['云峰县市场监督管理局', 2022]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 2 0 7
          licensing 2875
          punishment 164
          enforcement 12
          fees 3.5`,
        applications: `
          newReceived             18 5 0 0 2 1 26
          carriedOver              2 0 0 0 0 0 2
          disclosed                7 2 0 0 1 0 10
          partlyDisclosed          2 0 0 0 0 0 2
          withheldThirdParty       1 1 0 0 0 0 2
          withheldEnforcementFile  1 0 0 0 0 0 1
          unavailableNotHeld       4 1 0 0 1 1 7
          notProcessedPetition     3 0 0 0 0 0 3
          otherOther               1 0 0 0 0 0 1
          resultTotal             19 4 0 0 2 1 26
          carriedForward           1 1 0 0 0 0 2`,
        reviewLitigation: `
          review     1 1 0 0 1
          directSuit 0 0 0 1 1`,
      }),
    );
    expect(r.findings).toEqual([]);
    const errors = checkReport(r).filter((f) => f.level === 'error');
    expect(errors.map((f) => [f.check, f.cells[0]])).toEqual([['reviewTotal', 'reviewLitigation.review.total']]);
  });

  it('drops the page numbers and rejoins the wrapped prose', () => {
    expect(r.sections.other).toBe('本年度收取信息处理费 0 元。');
    expect(r.sections.problems).toContain('二是政策解读形式较单一。');
    expect(r.narrative).toEqual({ proactiveCount: 1488, applicationsReceived: 26, processingFeesYuan: 0 });
  });
});

describe('天池街道 2021 — tables published as images: only the headings are in the text', () => {
  const r = load('tianchi-subdistrict-2021-tables-as-images.txt');

  it('leaves all 200 cells null, each with an error that says why', () => {
    expect([r.organ, r.year]).toEqual(['天池街道办事处', 2021]);
    expect(CELL_ADDRESSES.filter((a) => r.cells[a] !== null)).toEqual([]);
    const unreadable = r.findings.filter((f) => f.check === 'cellUnreadable');
    expect(unreadable).toHaveLength(200);
    expect(unreadable.every((f) => f.level === 'error' && f.message.includes('表格可能以图片发布'))).toBe(true);
  });

  it('still reads the narrative, under a heading that states the year', () => {
    expect(r.sections.overview.startsWith('2021年，天池街道全年主动公开政府信息 137 条')).toBe(true);
    expect(r.narrative).toEqual({ proactiveCount: 137, applicationsReceived: 3, processingFeesYuan: 0 });
  });
});

describe('凤溪镇 2022 — table 二 in the 2019 format, （六）其他处理 as one row', () => {
  const r = load('fengxi-town-2022-old-format.txt');

  it('does not read the 2019 columns as 2021 ones: they go to the 2019 cells, the 2021 ones are not missing', () => {
    const proactive = CELL_ADDRESSES.filter((a) => a.startsWith('proactive.'));
    expect(proactive.map((a) => r.cells[a])).toEqual(proactive.map(() => null));
    expect(r.findings.filter((f) => f.cells.some((c) => c.startsWith('proactive.')))).toEqual([]);
    expect(r.proactive2019?.['proactive2019.licensing.decisions']).toBe(236);
  });

  it('reads table 三, leaving the three 其他处理 rows the single old row cannot be split into', () => {
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          rules ? ? ?
          normativeDocs ? ? ?
          licensing ?
          punishment ?
          enforcement ?
          fees ?`,
        applications: `
          newReceived        4 0 0 0 0 0 4
          disclosed          2 0 0 0 0 0 2
          unavailableNotHeld 1 0 0 0 0 0 1
          otherNoCorrection  ? 0 0 0 0 0 ?
          otherFeeUnpaid     ? 0 0 0 0 0 ?
          otherOther         ? 0 0 0 0 0 ?
          resultTotal        4 0 0 0 0 0 4`,
      }),
    );
    // The only unreadable cell: 采购总金额 printed bare (85.4): the 2019 format fixes no unit, so it is not guessed.
    expect(cellsIn(r, 'cellUnreadable')).toEqual(['proactive2019.centralProcurement.totalAmount']);
    expect(r.findings.find((f) => f.cells[0] === 'proactive2019.centralProcurement.totalAmount')?.message).toContain(
      '未注明单位',
    );
  });

  it('keeps （六）其他处理 as printed, and says only (a note) that the 2019 format does not split it', () => {
    expect(r.otherProcessing2019).toEqual({
      'applications.otherProcessing.natural': 1,
      'applications.otherProcessing.commercial': 0,
      'applications.otherProcessing.research': 0,
      'applications.otherProcessing.publicInterest': 0,
      'applications.otherProcessing.legalService': 0,
      'applications.otherProcessing.otherOrg': 0,
      'applications.otherProcessing.total': 1,
    });
    const unsplit = r.findings.filter((f) => f.check === 'otherProcessingUnsplit');
    expect(unsplit.map((f) => [f.level, f.message])).toEqual([
      [
        'info',
        '按 2019 年格式印制的表三“（六）其他处理”只有一行（自然人 1，总计 1），不分 2021 年格式的三行，这三行不填；各项合计按该行核对',
      ],
    ]);
    expect(unsplit[0]?.cells).toHaveLength(6);
    // Checked as printed: the one error left is the bare amount; the equations hold over the 2019 row.
    expect(
      checkReport(r)
        .filter((f) => f.level === 'error')
        .map((f) => f.cells),
    ).toEqual([['proactive2019.centralProcurement.totalAmount']]);
  });

  it('still catches a wrong figure in or against the （六） row', () => {
    const text = readFileSync(path.join(DIR, 'fengxi-town-2022-old-format.txt'), 'utf8');
    const planted = (row: string): ReportData => importReportText(text.replace(/（六）其他处理\t\t.*/, row));
    const errors = (report: ReportData) =>
      checkReport(report)
        .filter((f) => f.level === 'error' && f.check !== 'cellUnreadable')
        .map((f) => [f.check, f.message]);
    // 自然人 2 (printed total still 1): the row's own total and the column's 办理结果总计 both break.
    expect(errors(planted('（六）其他处理\t\t2\t0\t0\t0\t0\t0\t1'))).toEqual([
      ['resultTotal', '表三（依申请公开）“自然人”列：总计为 4，但各项之和为 5'],
      ['applicantTotal', '表三（依申请公开）“其他处理”行：总计为 1，但各项之和为 2'],
    ]);
    // Both 2: the row holds, the columns' 办理结果总计 do not.
    expect(errors(planted('（六）其他处理\t\t2\t0\t0\t0\t0\t0\t2')).map(([check]) => check)).toEqual([
      'resultTotal',
      'resultTotal',
    ]);
  });
});

describe('福兴镇 2021 — a page that ran the whole report into one line', () => {
  const r = load('fuxing-town-2021-run-together.txt');

  it('finds the parts inside the line and reads the tables', () => {
    expect([r.organ, r.year]).toEqual(['福兴镇人民政府', 2021]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 0 3
          licensing 5
          punishment 12`,
        applications: `
          newReceived          2 1 0 0 0 0 3
          disclosed            1 1 0 0 0 0 2
          notProcessedPetition 1 0 0 0 0 0 1
          resultTotal          2 1 0 0 0 0 3`,
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.sections.problems).toBe('信息公开的及时性还需提高。下一步将落实专人每周更新。');
    expect(r.sections.other).toBe('本年度未收取信息处理费。');
    expect(r.narrative).toEqual({ proactiveCount: 76, applicationsReceived: 3, processingFeesYuan: 0 });
    // The page states no statistics period (本报告数据统计期限…): the one finding.
    expect(checkReport(r).map((f) => f.message)).toEqual([expect.stringContaining('未写明数据统计期限')]);
  });
});

describe('a traditional-script copy (a mirror page)', () => {
  it('is refused, not half read', () => {
    const base = readFileSync(path.join(DIR, 'baisha-town-2022-tabs.txt'), 'utf8');
    const simplified =
      '开报关机请处数况动总办县镇区经这为发会个来时对从条项务结转议诉审计规范许罚强制废现实与体门网统问题进';
    const hant = '開報關機請處數況動總辦縣鎮區經這為發會個來時對從條項務結轉議訴審計規範許罰強製廢現實與體門網統問題進';
    const traditional = [...base].map((ch) => hant[simplified.indexOf(ch)] ?? ch).join('');
    expect(() => importReportText(traditional)).toThrow(UnreadableReportError);
    expect(() => importReportText(traditional)).toThrow(/繁体/);
  });
});
