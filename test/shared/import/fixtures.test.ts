/**
 * Published-style reports of several organs and paste styles: the importer must reproduce every cell as
 * printed (inconsistencies included), fill only what the arithmetic determines, and say so.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkReport } from '../../../shared/checks';
import { importReportText } from '../../../shared/import';
import { reportDataSchema, type ReportData } from '../../../shared/report';
import { cellsOf } from './expected';

const DIR = path.join(__dirname, '../../fixtures/reports');
const load = (name: string): ReportData => importReportText(readFileSync(path.join(DIR, name), 'utf8'));
const cellsIn = (r: ReportData, check: string): string[][] =>
  r.findings.filter((f) => f.check === check).map((f) => f.cells);

describe('白沙镇 2022 — Word paste, tab-separated, merged headers, all consistent', () => {
  const r = load('baisha-town-2022-tabs.txt');

  it('reads title, cells and narrative exactly', () => {
    expect(reportDataSchema.parse(r)).toEqual(r);
    expect([r.organ, r.year, r.formatVersion]).toEqual(['东川县白沙镇人民政府', 2022, '2021']);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 2 1 5
          licensing 12
          punishment 3
          enforcement 1
          fees 1.25`,
        applications: `
          newReceived        6 1 0 0 1 0 8
          carriedOver        1 0 0 0 0 0 1
          disclosed          3 1 0 0 0 0 4
          partlyDisclosed    1 0 0 0 1 0 2
          withheldThirdParty 1 0 0 0 0 0 1
          unavailableNotHeld 1 0 0 0 0 0 1
          resultTotal        6 1 0 0 1 0 8
          carriedForward     1 0 0 0 0 0 1`,
        reviewLitigation: `
          review     1 0 0 1 2
          directSuit 1 0 0 0 1`,
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.narrative).toEqual({ proactiveCount: 1024, applicationsReceived: 8, processingFeesYuan: 0 });
  });

  it('keeps the sections and drops the signature', () => {
    expect(r.sections.overview.startsWith('2022年，白沙镇坚持以公开为常态')).toBe(true);
    expect(r.sections.proactive).toBe('');
    expect(r.sections.other).toBe('本年度未收取信息处理费。');
    expect(r.overviewParts.map((p) => p.title)).toEqual([
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '平台建设',
      '监督保障',
    ]);
    expect(r.overviewParts[1]?.text).toBe('全年共收到政府信息公开申请 8 件，上年结转 1 件，均按时答复。');
  });
});

describe('枫林街道 2024 — web copy, single spaces, full-width numbering, printed inconsistencies', () => {
  const r = load('fenglin-subdistrict-2024-web.txt');

  it('reproduces the cells as printed, the wrong total included', () => {
    expect([r.organ, r.year]).toEqual(['南湖区枫林街道办事处', 2024]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 0 0 3
          punishment 27`,
        applications: `
          newReceived          10 2 0 0 0 0 11
          disclosed             6 1 0 0 0 0 7
          partlyDisclosed       1 0 0 0 0 0 1
          withheldProcessInfo   1 0 0 0 0 0 1
          unavailableNotHeld    2 0 0 0 0 0 2
          notProcessedPetition  0 1 0 0 0 0 1
          resultTotal          10 2 0 0 0 0 12
          carriedForward        1 0 0 0 0 0 1`,
        reviewLitigation: `
          review     2 1 0 0 3
          directSuit 1 0 0 1 2`,
      }),
    );
    expect(r.findings).toEqual([]);
  });

  it('leaves the inconsistencies to the checks engine', () => {
    const checks = checkReport(r).map((f) => f.check);
    expect(checks).toEqual(expect.arrayContaining(['applicantTotal', 'balance']));
  });

  it('reads headings 一．and 改进措施, and the narrative numbers', () => {
    expect(r.sections.problems).toBe(
      '（一）存在问题：政策解读数量偏少，部分栏目更新不及时。\n（二）改进措施：每月排查栏目更新情况，增加图解解读。',
    );
    expect(r.sections.other).toBe('本年度收取信息处理费0元。\n本年度无其他需要报告的事项。');
    expect(r.overviewParts).toEqual([
      { title: '主动公开', text: '围绕辖区重点工作，及时发布民生实事、社会救助等信息。' },
      { title: '依申请公开', text: '严格按照法定时限答复，答复率100%。' },
    ]);
    expect(r.narrative).toEqual({ proactiveCount: 356, applicationsReceived: 11, processingFeesYuan: 0 });
  });
});

describe('交通运输局 2023 — one cell a line (raw text of a .docx), a row that lost its numbers', () => {
  const r = load('jiaotong-county-dept-2023-rawtext.txt');

  it('fills the lost row from the column totals, non-zero, and says so', () => {
    expect([r.organ, r.year]).toEqual(['东川县交通运输局', 2023]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 0 4
          licensing 356
          punishment 48
          enforcement 2`,
        applications: `
          newReceived        3 0 0 0 1 0 4
          disclosed          2 0 0 0 0 0 2
          unavailableNotHeld 0 0 0 0 1 0 1
          otherOther         1 0 0 0 0 0 1
          resultTotal        3 0 0 0 1 0 4`,
        reviewLitigation: `
          review 0 1 0 0 1`,
      }),
    );
    const otherOther = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map(
      (c) => `applications.otherOther.${c}`,
    );
    expect(cellsIn(r, 'cellInferred')).toEqual([otherOther]);
    expect(r.findings[0]?.message).toContain('表三“3.其他”行');
    expect(r.findings[0]?.message).toContain('自然人 1');
    expect(cellsIn(r, 'cellUnreadable')).toEqual([]);
  });

  it('reads a year-first title, the narrative, and drops the signature', () => {
    expect(r.narrative).toEqual({ proactiveCount: 2311, applicationsReceived: 4, processingFeesYuan: 0 });
    expect(r.sections.other).toBe('信息处理费：无。');
    expect(r.sections.problems).toContain('改进情况');
  });
});

describe('西岭镇 2021 — labels and numbers on different lines, spilled headers, typos, short rows, dashes', () => {
  const r = load('xiling-town-2021-split-lines.txt');

  it('reads the cells; a dash with no arithmetic behind it stays unreadable', () => {
    expect([r.organ, r.year]).toEqual(['西岭镇', 2021]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          rules ? ? ?
          normativeDocs 3 0 9
          punishment 5`,
        applications: `
          newReceived        4 0 0 0 0 1 5
          disclosed          2 0 0 0 0 1 3
          unavailableNotHeld 2 0 0 0 0 0 2
          resultTotal        4 0 0 0 0 1 5`,
        reviewLitigation: `
          review     1 0 1 0 2
          directSuit 0 0 0 1 1`,
      }),
    );
    expect(cellsIn(r, 'cellUnreadable')).toEqual([
      ['proactive.rules.issued'],
      ['proactive.rules.repealed'],
      ['proactive.rules.inForce'],
    ]);
    expect(r.findings.find((f) => f.check === 'cellUnreadable')?.message).toBe(
      '表二“规章”行“本年制发件数”列无法读取（印为“—”）',
    );
  });

  it('places a short row by its total when only one placement fits, and by the columns when several do', () => {
    const inferred = r.findings.filter((f) => f.check === 'cellInferred');
    const notHeld = inferred.find((f) => f.cells.includes('applications.unavailableNotHeld.total'));
    expect(notHeld?.message).toContain('只有一种对应方式符合本行总计');
    expect(notHeld?.cells).toHaveLength(7);
    const disclosed = inferred.filter((f) => f.cells.some((c) => c.startsWith('applications.disclosed.')));
    expect(disclosed.flatMap((f) => f.cells).sort()).toEqual(
      ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']
        .map((c) => `applications.disclosed.${c}`)
        .sort(),
    );
  });

  it('reads 二〇二一, 改进措施 and the narrative', () => {
    expect(r.sections.problems).toBe('主要问题是公开内容不够全面。改进措施：梳理公开目录，逐项对照补齐。');
    expect(r.narrative).toEqual({ proactiveCount: 88, applicationsReceived: 5, processingFeesYuan: 0 });
  });
});

describe('高坪乡 2023 — blank and missing rows the arithmetic cannot settle, markers it can', () => {
  const r = load('gaoping-township-2023-gaps.txt');

  it('marks undetermined cells null with one error each, fills the determined ones', () => {
    expect([r.organ, r.year]).toEqual(['高坪乡人民政府', 2023]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 0 2
          licensing 1234
          punishment 15
          fees 0.35`,
        applications: `
          newReceived           2 0 0 0 0 0 2
          carriedOver           ? ? ? ? ? ? ?
          disclosed             1 0 0 0 0 0 1
          notProcessedDuplicate 1 0 0 0 0 0 1
          resultTotal           2 0 0 0 0 0 2
          carriedForward        ? ? ? ? ? ? ?`,
        reviewLitigation: `
          review 1 0 0 0 1`,
      }),
    );
    const unreadable = cellsIn(r, 'cellUnreadable').flat();
    expect(unreadable).toHaveLength(14);
    expect(unreadable.every((c) => /^applications\.(carriedOver|carriedForward)\./.test(c))).toBe(true);
    expect(r.findings.every((f) => f.check !== 'cellUnreadable' || f.level === 'error')).toBe(true);
    expect(cellsIn(r, 'cellInferred')).toEqual([
      ['applications.notProcessedPublication.research'],
      ['reviewLitigation.review.other'],
    ]);
  });

  it('keeps a note under table 二 as that section’s text; an approximate count is kept, flagged approximate', () => {
    expect(r.sections.proactive).toBe('注：本表数据来源于乡综合行政执法办公室。');
    expect(r.narrative).toEqual({
      proactiveCount: 120,
      applicationsReceived: 2,
      processingFeesYuan: 50,
      approximate: ['proactiveCount'],
    });
  });
});

describe('清河县市场监督管理局 2024 — browser copy of HTML tables, title over two lines, 无 cells, misprinted totals', () => {
  const r = load('qinghe-county-bureau-2024-html-copy.txt');

  it('reads 无 as 0, keeps misprinted totals, fills the one blank the totals determine', () => {
    expect([r.organ, r.year]).toEqual(['清河县市场监督管理局', 2024]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          rules 0 0 0
          normativeDocs 2 0 11
          licensing 2468
          punishment 316
          enforcement 24
          fees 12.8`,
        applications: `
          newReceived           15 6 0 0 2 0 23
          carriedOver            2 0 0 0 0 0 2
          disclosed              8 3 0 0 1 0 12
          partlyDisclosed        2 2 0 0 0 0 4
          withheldThirdParty     1 0 0 0 0 0 1
          withheldProcessInfo    0 1 0 0 0 0 1
          unavailableNotHeld     3 0 0 0 1 0 4
          notProcessedDuplicate  1 0 0 0 0 0 1
          otherNoCorrection      1 0 0 0 0 0 1
          resultTotal           16 6 0 0 2 0 20
          carriedForward         1 0 0 0 0 0 1`,
        reviewLitigation: `
          review          1 1 0 0 3
          directSuit      0 0 0 1 1
          suitAfterReview 0 1 0 0 1`,
      }),
    );
    expect(r.findings.map((f) => [f.check, f.level, f.cells])).toEqual([
      ['cellInferred', 'info', ['applications.partlyDisclosed.commercial']],
    ]);
  });

  it('leaves the misprints to the checks engine', () => {
    const found = checkReport(r);
    expect(found.map((f) => f.check)).toEqual(
      expect.arrayContaining(['resultTotal', 'applicantTotal', 'balance', 'reviewTotal']),
    );
    expect(found.find((f) => f.check === 'reviewTotal')?.cells).toContain('reviewLitigation.review.total');
  });

  it('reads the narrative numbers', () => {
    expect(r.narrative).toEqual({ proactiveCount: 1532, applicationsReceived: 23, processingFeesYuan: 300 });
    expect(r.sections.other).toBe('本年度收取信息处理费 300 元。');
  });
});
