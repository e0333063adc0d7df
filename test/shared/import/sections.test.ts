import { headingOf, proseText, splitSections } from '../../../shared/import/sections';
import { overviewParts } from '../../../shared/import/overview';
import { readTitle } from '../../../shared/import/title';

const lines = (...texts: string[]) => texts.map((text, line) => ({ text, line }));

describe('splitSections with parts numbered otherwise', () => {
  it('finds 问题 and 其他 numbered 四 and 五, and keeps 一’s own 一、二、 sub-parts inside it', () => {
    const split = splitSections(
      lines(
        '一、总体情况',
        '一、主动公开',
        '全年主动公开政府信息 12 条。',
        '二、依申请公开',
        '未收到申请。',
        '二、主动公开政府信息情况',
        '规章 0 0 0',
        '三、收到和处理政府信息公开申请情况',
        '四、存在的主要问题及改进情况',
        '人员不足。',
        '五、其他需要报告的事项',
        '无。',
      ),
    );
    expect(split.found).toEqual(['overview', 'proactive', 'applications', 'problems', 'other']);
    expect(proseText(split.parts.overview)).toContain('二、依申请公开');
    expect(proseText(split.parts.problems)).toBe('人员不足。');
    expect(proseText(split.parts.other)).toBe('无。');
  });
});

describe('headingOf', () => {
  it.each([
    ['一、总体情况', 'overview'],
    ['一、 总体情况', 'overview'],
    ['一．总体情况', 'overview'],
    ['**一、总体情况**', 'overview'],
    ['第一部分 总体情况', 'overview'],
    ['二、主动公开政府信息情况', 'proactive'],
    ['三、收到和处理政府信息公开申请情况', 'applications'],
    ['三、依申请公开政府信息情况', 'applications'],
    ['四、政府信息公开行政复议、行政诉讼情况', 'reviewLitigation'],
    ['五、存在的主要问题及改进措施', 'problems'],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems'],
    ['六、其他需要报告的事项', 'other'],
    ['总体情况', 'overview'],
    ['政府信息公开总体情况', 'overview'],
    // Numbered otherwise: known by the full title's words.
    ['四、存在的主要问题及改进情况', 'problems'],
    ['五、其他需要报告的事项', 'other'],
    ['三、政府信息公开行政复议、行政诉讼情况', 'reviewLitigation'],
  ])('%s → %s', (text, key) => {
    expect(headingOf(text)?.key).toBe(key);
  });

  it.each([
    '一是加强领导。',
    '三、本年度 办理结果',
    '四、结转下年度继续办理',
    '一、本年新收政府信息公开申请数量\t0\t0',
    '（一）主动公开',
    '二、上年结转政府信息公开申请数量',
  ])('is not a heading: %s', (text) => {
    expect(headingOf(text)).toBeNull();
  });

  it('keeps text after a heading on the same line', () => {
    expect(headingOf('六、其他需要报告的事项：本年度未收取信息处理费。')).toEqual({
      key: 'other',
      body: '本年度未收取信息处理费。',
    });
  });
});

describe('splitSections', () => {
  it('finds parts in order, keeps the preamble apart, skips a missing part', () => {
    const s = splitSections(
      lines(
        '标题',
        '前言。',
        '一、总体情况',
        '甲。',
        '三、收到和处理政府信息公开申请情况',
        '乙',
        '一、总体情况',
        '丙。',
      ),
    );
    expect(s.found).toEqual(['overview', 'applications']);
    expect(s.preamble.map((l) => l.text)).toEqual(['标题', '前言。']);
    expect(s.parts.applications.map((l) => l.text)).toEqual(['乙', '一、总体情况', '丙。']);
  });

  it('falls back to （一） headings for a report that numbers its parts so', () => {
    const s = splitSections(
      lines(
        '（一）总体情况',
        '甲。',
        '（二）主动公开政府信息情况',
        '（三）收到和处理政府信息公开申请情况',
        '（五）存在的主要问题及改进情况',
        '（六）其他需要报告的事项',
      ),
    );
    expect(s.found).toEqual(['overview', 'proactive', 'applications', 'problems', 'other']);
  });
});

describe('proseText and overviewParts', () => {
  it('rejoins a paragraph a paste broke mid-sentence, not a list', () => {
    expect(
      proseText(
        lines('根据扎毛乡政务公开制度，提供申请渠道并严格按照相关流', '', '程做好工作。', '（一）标题', '一是甲'),
      ),
    ).toBe('根据扎毛乡政务公开制度，提供申请渠道并严格按照相关流程做好工作。\n（一）标题\n一是甲');
  });

  it('reads sub-headings on their own line or running into their text', () => {
    expect(
      overviewParts(
        lines(
          '引言。',
          '（一）主动公开',
          '甲。',
          '(二) 依申请公开：乙。',
          '（三）这一段很长很长很长很长很长很长很长很长很长很长很长很长，没有标题。',
        ),
      ),
    ).toEqual([
      { title: '主动公开', text: '甲。' },
      { title: '依申请公开', text: '乙。' },
      { title: '', text: '这一段很长很长很长很长很长很长很长很长很长很长很长很长，没有标题。' },
    ]);
  });
});

describe('readTitle', () => {
  it.each([
    ['扎毛乡 2023 年度政府信息公开工作报告', '扎毛乡', 2023],
    ['XX县XX镇人民政府2022年政府信息公开工作年度报告', 'XX县XX镇人民政府', 2022],
    ['2023年东川县交通运输局政府信息公开工作年度报告', '东川县交通运输局', 2023],
    ['西岭镇二〇二一年度政府信息公开工作报告', '西岭镇', 2021],
    ['《某某局关于二零二四年度政府信息公开工作的报告》', '某某局', 2024],
    ['某某街道办事处政府信息公开工作年度报告', '某某街道办事处', null],
    ['青山镇政府信息公开工作年度报告（2023年度）', '青山镇', 2023],
  ])('%s', (title, organ, year) => {
    expect(readTitle([title])).toEqual({ organ, year });
  });

  it('skips a breadcrumb and labels before the title', () => {
    expect(
      readTitle([
        '当前位置：首页 > 政府信息公开 > 政府信息公开工作年度报告',
        '标题：青山镇2023年政府信息公开工作年度报告',
      ]),
    ).toEqual({ organ: '青山镇', year: 2023 });
  });

  it('reads an organ on the line above, and the year from the statistics period', () => {
    expect(
      readTitle(['东川县白沙镇人民政府', '政府信息公开工作年度报告', '统计期限为2022年1月1日至12月31日。']),
    ).toEqual({ organ: '东川县白沙镇人民政府', year: 2022 });
    expect(readTitle(['没有标题的一段话。'])).toEqual({ organ: null, year: null });
  });
});
