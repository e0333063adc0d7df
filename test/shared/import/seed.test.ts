/** The seed: 扎毛乡's published 2023 report as pasted from Word, with its typos and lost numbers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CELL_ADDRESSES } from '../../../shared/format';
import { importReportText } from '../../../shared/import';
import { reportDataSchema } from '../../../shared/report';

const text = readFileSync(path.join(__dirname, '../../fixtures/reports/zhamao-2023-report.txt'), 'utf8');
const r = importReportText(text);
const COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const row = (key: string): string[] => COLUMNS.map((c) => `applications.${key}.${c}`);

describe('扎毛乡 2023 (seed)', () => {
  it('is valid report data for 扎毛乡 2023 in the 2021 format', () => {
    expect(reportDataSchema.parse(r)).toEqual(r);
    expect([r.organ, r.year, r.formatVersion]).toEqual(['扎毛乡', 2023, '2021']);
  });

  it('reads all 200 cells as 0, none null', () => {
    expect(CELL_ADDRESSES.filter((a) => r.cells[a] !== 0)).toEqual([]);
    expect(Object.keys(r.cells)).toHaveLength(200);
  });

  it('has no error finding; says which cells it placed or filled', () => {
    expect(r.findings.filter((f) => f.level !== 'info')).toEqual([]);
    const inferred = r.findings.filter((f) => f.check === 'cellInferred');
    // Four rows printed 6 numbers of 7; four rows lost theirs (the outcome total, 0, makes them 0).
    const short = ['withheldStateSecret', 'withheldLawProhibited', 'withheldThreeSafeties', 'withheldThirdParty'];
    const lost = ['disclosed', 'partlyDisclosed', 'otherFeeUnpaid', 'otherOther'];
    expect(inferred.map((f) => f.cells)).toEqual([...short, ...lost].map(row));
    expect(inferred[0]?.message).toBe(
      '表三“1.属于国家秘密”行只印有 6 个数（应为 7 个），各种对应方式结果相同，已填入“自然人”“商业企业”“科研机构”“社会公益组织”“法律服务机构”“其他”“总计”列：均为 0',
    );
    expect(inferred[4]?.message).toContain('表三“（一）予以公开”行');
    expect(inferred[4]?.message).toContain('办理结果总计');
  });

  it('reads the narrative numbers', () => {
    expect(r.narrative).toEqual({ proactiveCount: 264, applicationsReceived: 0, processingFeesYuan: null });
  });

  it('extracts the six sections, keeping the preamble out', () => {
    expect(r.sections.overview.startsWith('2023 年，在市委、市政府的正确领导下')).toBe(true);
    expect(r.sections.overview).toContain('（五）监督保障情况');
    expect(r.sections.overview).not.toContain('本报告根据');
    expect(r.sections.overview).toContain('严格按照相关流程做好依申请公开工作');
    expect([r.sections.proactive, r.sections.applications, r.sections.reviewLitigation]).toEqual(['', '', '']);
    expect(r.sections.problems.startsWith('存在的问题一是落实政务公开工作安排部署不够主动')).toBe(true);
    expect(r.sections.problems).toContain('确保将文件政策贯彻落实到位。');
    expect(r.sections.other).toBe('无。');
  });

  it('splits 总体情况 into its five parts', () => {
    expect(r.overviewParts.map((p) => p.title)).toEqual([
      '及时主动公开',
      '依申请公开情况',
      '政府信息管理情况',
      '平台建设情况',
      '监督保障情况',
    ]);
    expect(r.overviewParts[0]?.text).toBe('2023 年，扎毛乡全年主动公开政府信息 264 条。');
    expect(r.overviewParts[3]?.text).toBe(
      '扎毛乡通过微信公众号（山水扎毛）和视频号公开政府信息无其他政府信息公开平台。',
    );
  });
});
