/**
 * Reports as government web pages give them when copied: cells ending in “|” (one row a line, one cell a
 * line, “|” alone between cells, Markdown rows), portal toolbars and metadata, spam before the organ, a
 * garbled title, headers broken over lines. Every cell is reproduced as printed; a published
 * inconsistency is left for the checks, which name it by its check id.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkReport, hasErrors } from '../../../shared/checks';
import { importReportText } from '../../../shared/import';
import { reportDataSchema, type ReportData } from '../../../shared/report';
import { cellsOf } from './expected';

const DIR = path.join(__dirname, '../../fixtures/reports');
const load = (name: string): ReportData => importReportText(readFileSync(path.join(DIR, name), 'utf8'));
const checksOf = (r: ReportData, level: string): string[] =>
  checkReport(r)
    .filter((f) => f.level === level)
    .map((f) => f.check);
const APPLICANTS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

describe('鹿鸣镇 2023 — one row a line, cells ending in “|”, “| |||” padding, portal toolbar and metadata', () => {
  const r = load('luming-town-2023-pipe-rows.txt');

  it('reads every cell, with no finding and no error from the checks', () => {
    expect(reportDataSchema.parse(r)).toEqual(r);
    expect([r.organ, r.year]).toEqual(['青禾县鹿鸣镇人民政府', 2023]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 3 1 14
          licensing 27
          punishment 41
          enforcement 2
          fees 0.6`,
        applications: `
          newReceived           9 2 0 0 1 0 12
          carriedOver           1 0 0 0 0 0 1
          disclosed             4 1 0 0 0 0 5
          partlyDisclosed       1 0 0 0 1 0 2
          withheldProcessInfo   1 0 0 0 0 0 1
          unavailableNotHeld    2 1 0 0 0 0 3
          notProcessedDuplicate 1 0 0 0 0 0 1
          resultTotal           9 2 0 0 1 0 12
          carriedForward        1 0 0 0 0 0 1`,
        reviewLitigation: `
          review     1 0 0 1 2
          directSuit 0 1 0 0 1`,
      }),
    );
    expect(r.findings).toEqual([]);
    expect(checkReport(r)).toEqual([]);
  });

  it('keeps the toolbar, the share line and the metadata out of the sections', () => {
    expect(r.narrative).toEqual({ proactiveCount: 486, applicationsReceived: 12, processingFeesYuan: 0 });
    expect(r.sections.other).toBe('本年度未收取信息处理费。');
    expect(r.overviewParts.map((p) => p.title)).toEqual([
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '平台建设',
      '监督保障',
    ]);
  });
});

describe('松岭乡 2022 and 2023 — one cell a line ending in “|”, blank cells as a bare “|”, only 自然人 and 总计 filled', () => {
  const r22 = load('songling-township-2022-pipe-cells.txt');
  const r23 = load('songling-township-2023-pipe-cells.txt');

  it('reads the printed cells and fills the blank ones the totals make 0, saying so', () => {
    expect([r22.organ, r22.year, r23.organ, r23.year]).toEqual([
      '禾丰县松岭乡人民政府',
      2022,
      '禾丰县松岭乡人民政府',
      2023,
    ]);
    expect(r22.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 0 6
          licensing 8
          punishment 13`,
        applications: `
          newReceived        5 0 0 0 0 0 5
          disclosed          2 0 0 0 0 0 2
          partlyDisclosed    1 0 0 0 0 0 1
          unavailableNotHeld 1 0 0 0 0 0 1
          resultTotal        4 0 0 0 0 0 4
          carriedForward     1 0 0 0 0 0 1`,
        reviewLitigation: `
          review 0 0 0 1 1`,
      }),
    );
    expect(r23.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 2 1 7
          licensing 11
          punishment 9
          enforcement 1`,
        applications: `
          newReceived        7 0 0 0 0 0 7
          disclosed          3 0 0 0 0 0 3
          partlyDisclosed    1 0 0 0 0 0 1
          withheldThirdParty 1 0 0 0 0 0 1
          unavailableNotHeld 2 0 0 0 0 0 2
          resultTotal        7 0 0 0 0 0 7`,
        reviewLitigation: `
          review 1 0 0 0 1`,
      }),
    );
    for (const r of [r22, r23]) {
      expect(r.findings.every((f) => f.check === 'cellInferred' && f.level === 'info')).toBe(true);
      expect(hasErrors(checkReport(r))).toBe(false);
    }
    // The blank 法人 cells of a printed row, and every cell of a row printed all blank.
    const inferred = r22.findings.flatMap((f) => f.cells);
    expect(inferred).toEqual(expect.arrayContaining(APPLICANTS.slice(1).map((c) => `applications.newReceived.${c}`)));
    expect(inferred).toEqual(
      expect.arrayContaining([...APPLICANTS, 'total'].map((c) => `applications.withheldStateSecret.${c}`)),
    );
    expect(inferred).not.toContain('applications.newReceived.natural');
  });

  it('keeps a sub-heading that repeats a part title inside 一', () => {
    expect(r22.sections.overview.startsWith('（一）主动公开政府信息情况\n2022年，松岭乡')).toBe(true);
    expect(r22.overviewParts.map((p) => p.title)[0]).toBe('主动公开政府信息情况');
    expect(r22.narrative).toEqual({ proactiveCount: 218, applicationsReceived: 5, processingFeesYuan: 0 });
  });
});

describe('河西街道 2023 — “|” alone between cells, headers broken over lines, spam before the organ, a wrong 总计', () => {
  const r = load('hexi-subdistrict-2023-pipe-lines.txt');

  it('names the organ without the injected spam', () => {
    expect([r.organ, r.year]).toEqual(['柳岸区河西街道办事处', 2023]);
  });

  it('reproduces the misprinted 总计 and leaves it to the checks', () => {
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 4 2 19
          punishment 156
          enforcement 3`,
        applications: `
          newReceived          11 3 0 1 0 0 15
          carriedOver           2 0 0 0 0 0 2
          disclosed             5 1 0 0 0 0 6
          partlyDisclosed       2 1 0 0 0 0 3
          withheldThirdParty    1 0 0 0 0 0 1
          unavailableNotHeld    2 0 0 1 0 0 3
          notProcessedPetition  1 0 0 0 0 0 1
          otherNoCorrection     0 1 0 0 0 0 1
          otherOther            1 0 0 0 0 0 1
          resultTotal          12 3 0 1 0 0 15
          carriedForward        1 0 0 0 0 0 1`,
        reviewLitigation: `
          review          2 0 1 0 3
          directSuit      1 0 0 0 1
          suitAfterReview 0 0 0 1 1`,
      }),
    );
    expect(r.findings).toEqual([]);
    const errors = checkReport(r).filter((f) => f.level === 'error');
    expect(errors.map((f) => f.check).sort()).toEqual(['applicantTotal', 'balance', 'resultTotal']);
    expect(errors.every((f) => f.cells.includes('applications.resultTotal.total'))).toBe(true);
  });
});

describe('青山镇 2024 — one cell a line with blank lines, garbled title, “1.” sub-items, 15 review numbers one a line', () => {
  const r = load('qingshan-town-2024-cell-per-line.txt');

  it('reads the organ from a garbled title and every cell', () => {
    expect([r.organ, r.year]).toEqual(['岚峰县青山镇', 2024]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 0 4
          licensing 63
          punishment 30
          fees 1.82`,
        applications: `
          newReceived           3 1 0 0 0 1 5
          disclosed             1 1 0 0 0 0 2
          unavailableNotHeld    1 0 0 0 0 1 2
          notProcessedDuplicate 1 0 0 0 0 0 1
          resultTotal           3 1 0 0 0 1 5`,
        reviewLitigation: `
          directSuit 0 1 0 0 1`,
      }),
    );
    expect(r.findings).toEqual([]);
  });

  it('splits 一 by its “1.” sub-items and flags the count the prose gets wrong', () => {
    expect(r.overviewParts.map((p) => p.title)).toEqual([
      '主动公开情况',
      '依申请公开情况',
      '政府信息管理情况',
      '平台建设情况',
      '监督保障情况',
    ]);
    expect(r.narrative).toEqual({ proactiveCount: 402, applicationsReceived: 6, processingFeesYuan: 0 });
    expect(checksOf(r, 'error')).toEqual([]);
    expect(checksOf(r, 'warning')).toEqual(['narrativeNumbers', 'requiredContent'] /* no statistics period stated */);
    expect(r.sections.other).toBe('本年度未收取信息处理费。');
  });
});

describe('梧岭县农业农村局 2022 and 2023 — Markdown rows, metadata table, variant part titles, “1 236”', () => {
  const r22 = load('wuling-county-bureau-2022-markdown.txt');
  const r23 = load('wuling-county-bureau-2023-markdown.txt');

  it('reads both years exactly', () => {
    expect([r22.organ, r22.year, r23.organ, r23.year]).toEqual(['梧岭县农业农村局', 2022, '梧岭县农业农村局', 2023]);
    expect(r22.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 2 1 9
          licensing 1236
          punishment 87
          enforcement 5`,
        applications: `
          newReceived             14 4 1 0 2 0 21
          carriedOver              1 0 0 0 0 0 1
          disclosed                6 2 1 0 0 0 9
          partlyDisclosed          3 1 0 0 1 0 5
          withheldLawProhibited    1 0 0 0 0 0 1
          withheldProcessInfo      0 1 0 0 0 0 1
          unavailableNotHeld       2 0 0 0 1 0 3
          unavailableStillUnclear  1 0 0 0 0 0 1
          resultTotal             13 4 1 0 2 0 20
          carriedForward           2 0 0 0 0 0 2`,
        reviewLitigation: `
          review          1 1 0 0 2
          directSuit      0 0 1 1 2
          suitAfterReview 1 0 0 0 1`,
      }),
    );
    expect(r23.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 3 2 10
          licensing 1418
          punishment 92
          enforcement 4`,
        applications: `
          newReceived              10 3 0 1 1 0 15
          carriedOver               2 0 0 0 0 0 2
          disclosed                 5 1 0 1 0 0 7
          partlyDisclosed           2 1 0 0 0 0 3
          withheldThirdParty        1 0 0 0 0 0 1
          unavailableNotHeld        2 1 0 0 1 0 4
          notProcessedConfirmation  1 0 0 0 0 0 1
          resultTotal              11 3 0 1 1 0 16
          carriedForward            1 0 0 0 0 0 1`,
        reviewLitigation: `
          review     0 0 0 1 1
          directSuit 1 0 0 0 1`,
      }),
    );
    for (const r of [r22, r23]) {
      expect(r.findings).toEqual([]);
      expect(checkReport(r)).toEqual([]);
    }
  });

  it('finds the parts under their variant titles', () => {
    expect(r22.sections.overview.startsWith('（一）主动公开。全年主动公开各类政府信息 1906 条')).toBe(true);
    expect(r22.sections.problems.startsWith('一是部分业务股室报送信息不及时')).toBe(true);
    expect(r23.narrative).toEqual({ proactiveCount: 2147, applicationsReceived: 15, processingFeesYuan: 0 });
  });
});
