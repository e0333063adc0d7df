import { checkReport, hasErrors, isPeoplesGovernment, textSimilarity, type CheckInput } from '../../../shared/checks';
import { CELL_ADDRESSES } from '../../../shared/format';
import { emptyCells } from '../../../shared/report';

const SECTIONS = {
  overview: '本年度工作考核、社会评议和责任追究结果情况：按要求开展。',
  proactive: '',
  applications: '',
  reviewLitigation: '',
  problems: '一是公开不够及时。改进情况：建立台账。',
  other: '本年度未收取信息处理费。',
};

function report(over: Partial<CheckInput> = {}, cells: Record<string, number | null> = {}): CheckInput {
  return {
    organ: '某某镇人民政府',
    year: 2023,
    formatVersion: '2021',
    cells: { ...emptyCells(0), ...cells },
    sections: SECTIONS,
    ...over,
  };
}

const ids = (r: CheckInput, last?: CheckInput) => checkReport(r, last ? { lastYear: last } : {}).map((f) => f.check);

describe('checkReport', () => {
  it('finds nothing in a consistent all-zero report that says what it must', () => {
    expect(checkReport(report())).toEqual([]);
  });

  it('balance: 新收 + 结转 ≠ 办结 + 结转下年, per column, naming the cells and the numbers', () => {
    const r = report(
      {},
      {
        'applications.newReceived.natural': 3,
        'applications.newReceived.total': 3,
        'applications.disclosed.natural': 2,
        'applications.disclosed.total': 2,
        'applications.resultTotal.natural': 2,
        'applications.resultTotal.total': 2,
      },
    );
    const found = checkReport(r).filter((f) => f.check === 'balance');
    expect(found).toHaveLength(2);
    const natural = found.find((f) => f.cells.includes('applications.newReceived.natural'));
    expect(natural).toMatchObject({ level: 'error', expected: 2, actual: 3 });
    expect(natural?.message).toContain('“自然人”列');
    expect(natural?.message).toContain('本年新收(3)');
  });

  it('resultTotal, applicantTotal and reviewTotal', () => {
    expect(ids(report({}, { 'applications.disclosed.natural': 1, 'applications.disclosed.total': 1 }))).toEqual(
      expect.arrayContaining(['resultTotal']),
    );
    const rowTotal = checkReport(
      report(
        {},
        {
          'applications.carriedForward.research': 1,
          'applications.carriedOver.research': 1,
          'applications.carriedOver.total': 1,
        },
      ),
    );
    expect(rowTotal.find((f) => f.check === 'applicantTotal')).toMatchObject({ expected: 1, actual: 0 });
    const review = checkReport(report({}, { 'reviewLitigation.review.upheld': 2, 'reviewLitigation.review.total': 1 }));
    expect(review.find((f) => f.check === 'reviewTotal')?.message).toContain('表四');
  });

  it('an unreadable cell is reported and makes its equations not assessable, not failed', () => {
    const r = report(
      {},
      {
        'applications.disclosed.natural': null,
        'applications.disclosed.total': 1,
        'applications.resultTotal.total': 1,
      },
    );
    const found = checkReport(r);
    expect(found.filter((f) => f.check === 'cellUnreadable').map((f) => f.cells)).toEqual([
      ['applications.disclosed.natural'],
    ]);
    expect(found.some((f) => f.check === 'applicantTotal' && f.cells.includes('applications.disclosed.natural'))).toBe(
      false,
    );
  });

  it('does not repeat an importer’s cellUnreadable finding and keeps its cellInferred ones', () => {
    const r = report(
      {
        findings: [
          { check: 'cellUnreadable', level: 'error', cells: ['applications.disclosed.natural'], message: '无法读取' },
          { check: 'cellInferred', level: 'info', cells: ['applications.otherOther.total'], message: '推算' },
          { check: 'balance', level: 'error', cells: [], message: 'stale' },
        ],
      },
      { 'applications.disclosed.natural': null },
    );
    expect(ids(r)).toEqual(['cellUnreadable', 'cellInferred']);
  });

  it('nonNegative: negatives and fractions, except the fee cell which may be a decimal', () => {
    const r = report(
      {},
      { 'proactive.rules.issued': -1, 'proactive.licensing.decisions': 1.5, 'proactive.fees.amountWanYuan': 0.35 },
    );
    const found = checkReport(r).filter((f) => f.check === 'nonNegative');
    expect(found.map((f) => f.cells[0])).toEqual(['proactive.rules.issued', 'proactive.licensing.decisions']);
    expect(found[0]?.message).toContain('非负整数');
  });

  it('treats a missing address as unreadable', () => {
    const cells = emptyCells(0);
    delete cells['reviewLitigation.review.total'];
    expect(ids(report({ cells }))).toEqual(['cellUnreadable']);
  });

  it('cross-year: carried over must equal last year’s carried forward; in force follows issued and repealed', () => {
    const last = report(
      { year: 2022 },
      {
        'applications.carriedForward.natural': 2,
        'applications.carriedForward.total': 2,
        'applications.newReceived.natural': 2,
        'applications.newReceived.total': 2,
        'proactive.normativeDocs.inForce': 10,
      },
    );
    const now = report({}, { 'proactive.normativeDocs.issued': 1, 'proactive.normativeDocs.inForce': 12 });
    const found = checkReport(now, { lastYear: last });
    expect(found.filter((f) => f.check === 'carryOverApplications').map((f) => f.cells[0])).toEqual([
      'applications.carriedOver.natural',
      'applications.carriedOver.total',
    ]);
    expect(found.find((f) => f.check === 'carryOverInForce')).toMatchObject({
      level: 'warning',
      expected: 11,
      actual: 12,
    });
    expect(hasErrors(found)).toBe(true);
    // errors sort before warnings
    expect(found[0]?.level).toBe('error');
  });

  it('cross-year: names both organs and compares nothing when last year’s report is another organ’s', () => {
    const other = report({ organ: '某某乡人民政府', year: 2022 }, { 'applications.carriedForward.natural': 5 });
    expect(checkReport(report(), { lastYear: other })).toEqual([
      expect.objectContaining({
        check: 'carryOverApplications',
        level: 'warning',
        message: expect.stringMatching(/“某某乡人民政府”.*“某某镇人民政府”.*不是同一机关/),
      }),
    ]);
    // The same organ written with its county, or without 人民政府, is the same organ.
    const same = report({ organ: '青禾县某某镇', year: 2022 });
    expect(ids(report(), same)).toEqual(['problemsSimilar']); // 五 repeated: compared, so the same organ
    const otherWithSameText = report({ organ: '某某乡人民政府', year: 2022 });
    expect(ids(report(), otherWithSameText)).toEqual(['carryOverApplications']);
  });

  it('cross-year: refuses to compare with a report of another year', () => {
    const found = checkReport(report(), { lastYear: report({ year: 2020 }) });
    expect(found).toEqual([expect.objectContaining({ check: 'carryOverApplications', level: 'warning' })]);
  });

  it('narrativeNumbers: 收到申请 N 件 against table 三 (new, or new plus carried over)', () => {
    const cells = {
      'applications.newReceived.natural': 2,
      'applications.newReceived.total': 2,
      'applications.carriedForward.natural': 2,
      'applications.carriedForward.total': 2,
    };
    const said = (n: number) =>
      report({ sections: { ...SECTIONS, overview: `${SECTIONS.overview}全年共收到政府信息公开申请${n}件。` } }, cells);
    expect(ids(said(2))).toEqual([]);
    expect(checkReport(said(5)).find((f) => f.check === 'narrativeNumbers')).toMatchObject({
      expected: 2,
      actual: 5,
      cells: ['applications.newReceived.total'],
    });
  });

  it('narrativeNumbers: a count that is new plus carried over (the total handled) is a warning naming both numbers', () => {
    const cells = {
      'applications.newReceived.natural': 3,
      'applications.newReceived.total': 3,
      'applications.carriedOver.natural': 2,
      'applications.carriedOver.total': 2,
      'applications.disclosed.natural': 5,
      'applications.disclosed.total': 5,
      'applications.resultTotal.natural': 5,
      'applications.resultTotal.total': 5,
    };
    const said = report(
      { sections: { ...SECTIONS, overview: `${SECTIONS.overview}全年共收到政府信息公开申请5件。` } },
      cells,
    );
    const found = checkReport(said);
    expect(found).toEqual([
      expect.objectContaining({
        check: 'narrativeNumbers',
        level: 'warning',
        expected: 3,
        actual: 5,
        cells: ['applications.newReceived.total', 'applications.carriedOver.total'],
      }),
    ]);
    expect(found[0]?.message).toContain('本年新收 3 件与上年结转 2 件之和');
  });

  it('narrativeNumbers: an approximate count is not held to the exact figure', () => {
    const said = (text: string) =>
      report({ sections: { ...SECTIONS, overview: `${SECTIONS.overview}${text}` }, facts: { publishedItems: 523 } });
    expect(ids(said('全年主动公开政府信息500余条。'))).toEqual([]);
    expect(ids(said('全年主动公开政府信息500条。'))).toEqual(['narrativeNumbers']);
  });

  it('requiredContent: an imported report states its statistics period (in the preface or anywhere)', () => {
    const period = (f: string) => checkReport(report({ preface: f })).map((x) => x.message);
    expect(period('本报告根据《条例》编制。')).toEqual([expect.stringContaining('未写明数据统计期限')]);
    expect(period('本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。')).toEqual([]);
    // A built report (no preface of its own) is not asked.
    expect(checkReport(report())).toEqual([]);
  });

  it('requiredContent: no fee charged, in any wording and in any section, states the fee', () => {
    for (const text of ['全年未因信息公开收取任何费用。', '无收取依申请公开信息相关费用情况。']) {
      const r = report({ sections: { ...SECTIONS, other: '无。', applications: text } });
      expect(ids(r)).toEqual([]);
    }
  });

  it('requiredContent: a township must report 工作考核、社会评议、责任追究; 六 must state the fee; sections not empty', () => {
    const bare = report({ sections: { ...SECTIONS, overview: '概述。', other: '无。' } });
    const messages = checkReport(bare)
      .filter((f) => f.check === 'requiredContent')
      .map((f) => f.message);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('社会评议');
    expect(messages[1]).toContain('信息处理费');
    const dept = report({ organ: '某县财政局', sections: { ...SECTIONS, overview: '概述。', problems: '' } });
    expect(checkReport(dept).map((f) => f.message)).toEqual(['“五、存在的主要问题及改进情况”没有内容']);
  });

  it('problemsSimilar: 五 repeating last year’s text is a note with its similarity and threshold', () => {
    const last = report({ year: 2022 });
    expect(checkReport(report(), { lastYear: last }).map((f) => [f.check, f.level, f.actual, f.threshold])).toEqual([
      ['problemsSimilar', 'info', 1, 0.9],
    ]);
    const changed = report({
      sections: { ...SECTIONS, problems: '一是新媒体平台更新慢。改进情况：每周专人维护，已整改。' },
    });
    expect(checkReport(changed, { lastYear: last })).toEqual([]);
  });

  it('knows a people’s government from its departments', () => {
    expect(['扎毛乡', '某某镇人民政府', '某某县人民政府'].map(isPeoplesGovernment)).toEqual([true, true, true]);
    expect(
      ['某县财政局', '某某街道办事处', '某某县人民政府办公室', '某某镇农业服务中心'].map(isPeoplesGovernment),
    ).toEqual([false, false, false, false]);
    expect(textSimilarity('', '文本')).toBe(0);
  });

  it('covers every cell address', () => {
    expect(Object.keys(report().cells).sort()).toEqual([...CELL_ADDRESSES].sort());
  });
});
