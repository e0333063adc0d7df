import {
  ACROSS_THRESHOLDS,
  ACROSS_THRESHOLD_MEANINGS,
  checkAcrossReports,
  checkReport,
  peerNotes,
  textSimilarity,
  type CheckInput,
  type OrganReport,
} from '../../../shared/checks';
import { emptyCells } from '../../../shared/report';

const PROBLEMS = '一是政务公开工作人员业务能力有待提升。改进情况：组织专题培训两次，建立学习台账。';
/** A different 五 each year, as an organ that writes its own. */
const FRESH = ['网站栏目更新不及时，', '政策解读形式单一，', '依申请公开答复不够规范，', '基层人员培训不足，'];
const fresh = (year: number): string => (FRESH[year % FRESH.length] ?? '').repeat(3);

interface Figures {
  received?: number;
  carriedOver?: number;
  carriedForward?: number;
  other?: number;
  inForce?: number;
  issued?: number;
  repealed?: number;
}

/** A report whose own equations hold: 新收 + 结转 = 办结 + 结转下年, all on 自然人. */
function report(organ: string, year: number, f: Figures = {}, over: Partial<CheckInput> = {}): CheckInput {
  const [received, over_, forward, other] = [f.received ?? 2, f.carriedOver ?? 0, f.carriedForward ?? 0, f.other ?? 0];
  const handled = received + over_ - forward;
  const cells: Record<string, number | null> = emptyCells(0);
  const both = (row: string, v: number) => {
    cells[`applications.${row}.natural`] = v;
    cells[`applications.${row}.total`] = v;
  };
  both('newReceived', received);
  both('carriedOver', over_);
  both('carriedForward', forward);
  both('resultTotal', handled);
  both('disclosed', handled - other);
  both('otherOther', other);
  cells['proactive.normativeDocs.inForce'] = f.inForce ?? 5;
  cells['proactive.normativeDocs.issued'] = f.issued ?? 0;
  cells['proactive.normativeDocs.repealed'] = f.repealed ?? 0;
  return {
    organ,
    year,
    formatVersion: '2021',
    cells,
    sections: {
      overview: `${year}年，本机关工作考核、社会评议和责任追究结果情况良好。`,
      proactive: '',
      applications: '',
      reviewLitigation: '',
      problems: fresh(year),
      other: '本年度未收取信息处理费。',
    },
    narrative: { proactiveCount: 40, applicationsReceived: null, processingFeesYuan: null },
    ...over,
  };
}

const of = (r: CheckInput, organ = r.organ): OrganReport => ({ organ, year: r.year, report: r });
const checks = (results: ReturnType<typeof checkAcrossReports>, i: number) =>
  (results[i]?.findings ?? []).map((f) => [f.check, f.level]);

/** Six townships of one year with different 五 texts, none of them an outlier. */
function peers(year: number, received = 2): CheckInput[] {
  return ['甲', '乙', '丙', '丁', '戊', '己'].map((n, i) =>
    report(
      `${n}乡人民政府`,
      year,
      { received },
      { sections: { ...report('x', year).sections, problems: `${n}${i}`.repeat(20) } },
    ),
  );
}

describe('checkAcrossReports', () => {
  it('finds nothing in consistent years of one organ with fresh 五 texts', () => {
    const a = report(
      '扎毛乡',
      2022,
      { carriedForward: 1 },
      { sections: { ...report('x', 2022).sections, problems: '新媒体更新慢，'.repeat(4) } },
    );
    const b = report('扎毛乡', 2023, { carriedOver: 1, issued: 2, repealed: 1, inForce: 6 });
    expect(checkAcrossReports([of(a), of(b)]).map((r) => r.findings)).toEqual([[], []]);
    // The single-report checks agree: both reports hold their own equations.
    expect([a, b].flatMap((r) => checkReport(r))).toEqual([]);
  });

  it('carry-over: this year’s 上年结转 against last year’s 结转, whatever order the reports come in', () => {
    const last = report('扎毛乡', 2022, { carriedForward: 3 });
    const now = report('扎毛乡', 2023, { carriedOver: 1, received: 2 });
    const results = checkAcrossReports([of(now, 'k'), of(last, 'k')]);
    expect(results[0]?.findings.map((f) => [f.check, f.level, f.cells[0], f.expected, f.actual])).toEqual([
      ['carryOverApplications', 'error', 'applications.carriedOver.natural', 3, 1],
      ['carryOverApplications', 'error', 'applications.carriedOver.total', 3, 1],
    ]);
    expect(results[1]?.findings).toEqual([]);
    // Another organ's key: not compared.
    expect(checkAcrossReports([of(now, 'k'), of(last, 'j')]).flatMap((r) => r.findings)).toEqual([]);
    // Keys match even when names do not (an alias the caller applied): compared without an organ warning.
    const renamed = report('城关街道', 2023, { carriedOver: 1 });
    expect(checks(checkAcrossReports([of(last, 'k'), of(renamed, 'k')]), 1)).toEqual([
      ['carryOverApplications', 'error'],
      ['carryOverApplications', 'error'],
    ]);
  });

  it('现行有效: last year’s + issued − repealed, a warning; information when the remit changed', () => {
    const last = report('扎毛乡', 2022, { inForce: 5 });
    const broken = report('扎毛乡', 2023, { inForce: 9, issued: 2, repealed: 1 });
    const [, found] = checkAcrossReports([of(last, 'k'), of(broken, 'k')]);
    expect(found?.findings.map((f) => [f.check, f.level, f.expected, f.actual])).toEqual([
      ['carryOverInForce', 'warning', 6, 9],
    ]);
    const reform = report(
      '扎毛乡',
      2023,
      { inForce: 9, issued: 2, repealed: 1 },
      {
        sections: { ...broken.sections, overview: `${broken.sections.overview}本年因机构改革，承接了原林业站的职能。` },
      },
    );
    const [, told] = checkAcrossReports([of(last, 'k'), of(reform, 'k')]);
    expect(told?.findings.map((f) => [f.check, f.level])).toEqual([['carryOverInForce', 'info']]);
    expect(told?.findings[0]?.message).toContain('机构改革');
    const renamed = report('扎毛镇', 2023, { inForce: 9, issued: 2, repealed: 1 });
    const [, name] = checkAcrossReports([of(last, 'k'), of(renamed, 'k')]);
    expect(name?.findings.map((f) => [f.level, f.message.includes('机关名称由“扎毛乡”变为“扎毛镇”')])).toEqual([
      ['info', true],
    ]);
  });

  it('五 against every previous year: a note with the similarity and the threshold', () => {
    const y2021 = report(
      '扎毛乡',
      2021,
      {},
      { sections: { ...report('x', 2021).sections, problems: `2021年${PROBLEMS}` } },
    );
    const y2022 = report(
      '扎毛乡',
      2022,
      {},
      { sections: { ...y2021.sections, problems: '全新的问题：网站栏目设置不合理，'.repeat(3) } },
    );
    const y2023 = report('扎毛乡', 2023, {}, { sections: { ...y2021.sections, problems: `2023年${PROBLEMS}` } });
    const results = checkAcrossReports([y2021, y2022, y2023].map((r) => of(r, 'k')));
    expect(results.map((r) => r.findings.map((f) => f.check))).toEqual([[], [], ['problemsSimilar']]);
    const note = results[2]?.findings[0];
    expect(note).toMatchObject({ level: 'info', actual: 1, threshold: 0.9 });
    expect(note?.message).toContain('与 2021 年报告的相似度为 1.00（提示阈值 0.9）');
    // The threshold is data: a stricter one is shown as given; a looser text is below it.
    const edited = report(
      '扎毛乡',
      2023,
      {},
      { sections: { ...y2021.sections, problems: `${PROBLEMS}另外，新增了依申请公开答复模板。` } },
    );
    const similarity = textSimilarity(edited.sections.problems, y2021.sections.problems);
    expect(similarity).toBeGreaterThan(0.6);
    expect(similarity).toBeLessThan(0.9);
    expect(checkAcrossReports([of(y2021, 'k'), of(edited, 'k')])[1]?.findings).toEqual([]);
    const strict = checkAcrossReports([of(y2021, 'k'), of(edited, 'k')], { problemsSimilarity: 0.6 })[1]?.findings;
    expect(strict?.map((f) => [f.check, f.threshold])).toEqual([['problemsSimilar', 0.6]]);
    // “无” every year is no copy.
    const none = (year: number) => report('扎毛乡', year, {}, { sections: { ...y2021.sections, problems: '无。' } });
    expect(checkAcrossReports([of(none(2022), 'k'), of(none(2023), 'k')]).flatMap((r) => r.findings)).toEqual([]);
  });

  it('requests beyond 3× the peers’ median (and at least the minimum) are a note', () => {
    const town = peers(2023);
    const busy = report('庚乡人民政府', 2023, { received: 12 });
    expect(checks(checkAcrossReports([...town, busy].map((r) => of(r))), 6)).toEqual([['peerRequests', 'info']]);
    const found = checkAcrossReports([...town, busy].map((r) => of(r)))[6]?.findings[0];
    expect(found?.message).toContain('超过同年 6 个乡镇（街道）中位数 2 的 3 倍');
    expect(found).toMatchObject({ actual: 12, threshold: 3 });
    // Below the minimum, or with too few peers: nothing.
    expect(
      checkAcrossReports(
        [...town, busy].map((r) => of(r)),
        { requestsMinimum: 13 },
      )[6]?.findings,
    ).toEqual([]);
    expect(checkAcrossReports([...town.slice(0, 4), busy].map((r) => of(r)))[4]?.findings).toEqual([]);
    // Peers are of the same year.
    const lastYear = peers(2022);
    expect(checkAcrossReports([...lastYear, busy].map((r) => of(r)))[6]?.findings).toEqual([]);
  });

  it('a large share of 其他处理 and a stated zero 主动公开 are notes', () => {
    const other = report('庚乡人民政府', 2023, { received: 6, other: 3 });
    const [found] = checkAcrossReports([of(other)]);
    expect(found?.findings.map((f) => [f.check, f.actual, f.threshold])).toEqual([['otherProcessingShare', 0.5, 0.5]]);
    expect(found?.findings[0]?.message).toContain('“其他处理”3 件，占总计 6 件的 50%');
    // Under the share, or too few handled: nothing.
    expect(checkAcrossReports([of(report('庚乡', 2023, { received: 6, other: 2 }))])[0]?.findings).toEqual([]);
    expect(checkAcrossReports([of(report('庚乡', 2023, { received: 4, other: 4 }))])[0]?.findings).toEqual([]);
    const silent = report(
      '庚乡',
      2023,
      {},
      { narrative: { proactiveCount: 0, applicationsReceived: null, processingFeesYuan: null } },
    );
    expect(checks(checkAcrossReports([of(silent)]), 0)).toEqual([['proactiveZero', 'info']]);
    const unstated = report(
      '庚乡',
      2023,
      {},
      { narrative: { proactiveCount: null, applicationsReceived: null, processingFeesYuan: null } },
    );
    expect(checkAcrossReports([of(unstated)])[0]?.findings).toEqual([]);
  });

  it('peerNotes gives the notes among peers alone: the same as checkAcrossReports less the organ’s own years', () => {
    const town = peers(2023);
    const busy = report('庚乡人民政府', 2023, { received: 12, other: 9 });
    const earlier = { ...busy, year: 2022, cells: { ...busy.cells, 'applications.carriedForward.total': 1 } };
    const set = [...town, busy, earlier].map((r) => of(r, r.organ));
    const notes = peerNotes(set);
    expect(checks(notes, 6)).toEqual([
      ['peerRequests', 'info'],
      ['otherProcessingShare', 'info'],
    ]);
    const all = checkAcrossReports(set);
    expect(checks(all, 6)[0]?.[0]).toBe('carryOverApplications');
    expect(notes).toEqual(
      all.map((r) => ({
        ...r,
        findings: r.findings.filter((f) => ['peerRequests', 'otherProcessingShare', 'proactiveZero'].includes(f.check)),
      })),
    );
    expect(peerNotes(set, { requestsMinimum: 13 })[6]?.findings.map((f) => f.check)).toEqual(['otherProcessingShare']);
  });

  it('keeps every threshold with its meaning', () => {
    expect(Object.keys(ACROSS_THRESHOLD_MEANINGS).sort()).toEqual(Object.keys(ACROSS_THRESHOLDS).sort());
  });
});

describe('textSimilarity', () => {
  it('is the Dice coefficient of character bigrams, ignoring spaces, punctuation and digits', () => {
    expect(textSimilarity('甲乙丙', '甲乙丙')).toBe(1);
    expect(textSimilarity('2022年甲乙丙。', '2023 年 甲乙丙')).toBe(1);
    // {甲乙, 乙丙} vs {甲乙, 乙丁}: 2·1 / 4.
    expect(textSimilarity('甲乙丙', '甲乙丁')).toBe(0.5);
    expect(textSimilarity('甲', '甲')).toBe(0);
  });
});
