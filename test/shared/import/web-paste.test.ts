/** The pieces behind the web-page styles: “|” cells, portal chrome, titles, headings, sub-items, columns. */
import { isChrome, isTraditionalScript } from '../../../shared/import/chrome';
import { overviewParts } from '../../../shared/import/overview';
import { headingOf, splitSections } from '../../../shared/import/sections';
import { readApplications, readProactive, readReviewLitigation } from '../../../shared/import/tables';
import { readTitle } from '../../../shared/import/title';
import { tableTokens } from '../../../shared/import/tokens';

const lines = (...texts: string[]) => texts.map((text, line) => ({ text, line }));
const show = (...texts: string[]) =>
  tableTokens(lines(...texts)).map((t) =>
    t.kind === 'text'
      ? `[${t.text}]`
      : t.kind === 'num'
        ? String(t.value)
        : t.kind === 'marker'
          ? `<${t.raw}>`
          : t.lead
            ? '^'
            : t.trail
              ? '~'
              : '_',
  );

describe('tables with “|” after each cell', () => {
  it('reads one row a line, padding “||” as nothing, a Markdown rule as nothing, a blank cell after the values as trailing', () => {
    expect(show('| 规章 | 0 | 1 | 6 |', '|---|---|---|---|', '行政许可 | 27 | ||', '第二十条第(六)项 | |||')).toEqual([
      '[规章]',
      '0',
      '1',
      '6',
      '[行政许可]',
      '27',
      '~',
      '[第二十条第(六)项]',
    ]);
  });

  it('reads one cell a line: a bare “|” is a blank cell, kept between values, as a lead blank after a label, as a trailing blank after the last value', () => {
    expect(show('新收 |', '5 |', '|', '|', '5 |', '||', '国家秘密 |', '|', '|', '二 |')).toEqual([
      '[新收]',
      '5',
      '_',
      '_',
      '5',
      '~',
      '[国家秘密]',
      '^',
      '^',
      '[二]',
    ]);
  });

  it('reads “|” alone between cells, joining a cell broken over lines', () => {
    expect(show('商业', '企业', '|', '规章', '|', '0', '|', '1 236', '|', '0', '|')).toEqual([
      '[商业 企业]',
      '[规章]',
      '0',
      '1236',
      '0',
    ]);
  });

  it('reads a count written with its unit', () => {
    expect(show('行政许可 | 3件 |', '行政处罚 | 12 |', '行政强制 | 0 |')).toEqual([
      '[行政许可]',
      '3',
      '[行政处罚]',
      '12',
      '[行政强制]',
      '0',
    ]);
  });

  it('joins thousands grouped by a space only inside a delimited cell', () => {
    expect(show('行政许可 1 236', '行政处罚 1 2')).toEqual(['[行政许可]', '1', '236', '[行政处罚]', '1', '2']);
  });

  it('uses lead blanks only when they make up the row exactly', () => {
    const row = (cells: string) => [
      '申请人情况 | 自然人 | 法人或其他组织 | 总计 |',
      '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |',
      '一、本年新收政府信息公开申请数量 |' + cells,
    ];
    const exact = readApplications(lines(...row(' | | | | | | 3 |'))).cells;
    expect(exact.get('applications.newReceived.total')).toEqual({ value: 3, source: 'read' });
    expect(exact.get('applications.newReceived.natural')).toEqual({ value: null, reason: '空白' });
    // Two blanks and six values are not the row's seven cells: the row is placed by its total instead.
    const short = readApplications(lines(...row(' | | 4 | 1 | 0 | 0 | 0 | 0 |'))).cells;
    expect(short.get('applications.newReceived.natural')).toEqual({ value: 4, source: 'aligned' });
    expect(short.get('applications.newReceived.total')).toEqual({ value: 5, source: 'inferred' });
  });
});

describe('pipe tables: a row’s trailing blanks, the header’s blank cells', () => {
  it('places values left to right when blank cells follow them (“规章 | 0 | 0 | |”)', () => {
    const cells = readProactive(
      lines(
        '信息内容 |',
        '本年制发件数 |',
        '本年废止件数 |',
        '现行有效件数 |',
        '|',
        '规章 |',
        '0 |',
        '0 |',
        '|',
        '|',
        '行政规范性文件 |',
        '5 |',
        '12 |',
        '8 |',
      ),
    ).cells;
    expect(cells.get('proactive.rules.issued')?.value).toBe(0);
    expect(cells.get('proactive.rules.repealed')?.value).toBe(0);
    expect(cells.get('proactive.rules.inForce')).toEqual({ value: null, reason: '空白' });
    expect(cells.get('proactive.normativeDocs.inForce')?.value).toBe(8);
  });

  it('does not place a short row without printed blanks after it', () => {
    const cells = readProactive(lines('规章 |', '0 |', '0 |', '行政规范性文件 |', '5 |', '12 |', '8 |')).cells;
    expect(cells.get('proactive.rules.issued')?.value).toBeNull();
  });

  it('takes the header’s blank cells (its last label 其他) for no row, so the first row keeps its numbers', () => {
    const cells = readApplications(
      lines(
        '申请人情况 |',
        '||||||||',
        '自然人 |',
        '法人或其他组织 |',
        '总计 |',
        '|||||||',
        '商业 企业 |',
        '科研 机构 |',
        '社会公益组织 |',
        '法律服务机构 |',
        '其他 |',
        '|||||',
        '一、本年新收政府信息公开申请数量 |',
        ...['0 |', '0 |', '0 |', '0 |', '0 |', '0 |', '0 |'],
        '||',
      ),
    ).cells;
    expect(cells.get('applications.newReceived.natural')?.value).toBe(0);
    expect(cells.get('applications.newReceived.total')?.value).toBe(0);
  });
});

describe('tables without 总计 columns', () => {
  it('reads table 三 rows of six and table 四 rows of four when the header has no 总计', () => {
    const t3 = readApplications(
      lines(
        '自然人\t法人或其他组织',
        '商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他',
        '一、本年新收政府信息公开申请数量\t4\t1\t0\t0\t0\t0',
      ),
    ).cells;
    expect(t3.get('applications.newReceived.commercial')?.value).toBe(1);
    expect(t3.has('applications.newReceived.total')).toBe(false);
    const t4 = readReviewLitigation(lines('结果维持 结果纠正 其他结果 尚未审结', '1 0 0 1 0 0 0 0 0 1 0 0')).cells;
    expect([
      t4.get('reviewLitigation.review.pending')?.value,
      t4.get('reviewLitigation.suitAfterReview.corrected')?.value,
    ]).toEqual([1, 1]);
  });

  it('keeps the 总计 column when a PDF copy cut its header into “总” and “计”', () => {
    const t4 = readReviewLitigation(
      lines('结果 结果 其他 尚未 总', '维持 纠正 结果 审结 计', '1 0 0 0 1 0 0 0 0 0 0 0 0 0 0'),
    ).cells;
    expect(t4.get('reviewLitigation.review.total')?.value).toBe(1);
  });
});

describe('portal chrome', () => {
  it.each([
    '【打印本页】　【关闭窗口】',
    '打印本页 关闭窗口',
    '字号：大 中 小',
    '来源：某镇人民政府 时间：2024-01-31',
    '发布时间：2025-01-15　来源：某街道',
    '索 引 号：11/2023-001',
    '| 索引号： | 11/2023-001 | 发布机构： | 某局 |',
    '扫一扫在手机打开当前页',
    '— 3 —',
    '- 12 -',
    '第 2 页 共 9 页',
    '【字体：大 中 小】',
  ])('drops %s', (line) => {
    expect(isChrome(line)).toBe(true);
  });

  it.each([
    '本年度未收取信息处理费。',
    '六、其他需要报告的事项',
    '3',
    '0 0 0',
    '规章 | 0 | 0 | 0 |',
    '某镇2023年政府信息公开工作年度报告',
    '大',
  ])('keeps %s', (line) => {
    expect(isChrome(line)).toBe(false);
  });

  it('tells a traditional-script copy from a simplified report', () => {
    expect(
      isTraditionalScript('政府信息公開工作年度報告 總體情況 主動公開 收到和處理政府信息公開申請情況 行政複議 縣 鄉'),
    ).toBe(true);
    expect(isTraditionalScript('政府信息公开工作年度报告 总体情况 主动公开 收到和处理政府信息公开申请情况')).toBe(
      false,
    );
  });
});

describe('titles as web pages give them', () => {
  it.each([
    ['开云体育app官网入口·河西街道办事处2023年政府信息公开工作年度报告', '河西街道办事处', 2023],
    ['《xbet体育_xbet官网@:西山镇人民政府2023年政府信息公开工作年度报告》', '西山镇人民政府', 2023],
    ['某县文化广电体育和旅游局2023年政府信息公开工作年度报告', '某县文化广电体育和旅游局', 2023],
    ['某县某镇2023年政府信息公开 工作告年度报', '某县某镇', 2023],
    ['某区某局政府信息公开工作2022年度报告', '某区某局', 2022],
  ])('%s', (title, organ, year) => {
    expect(readTitle([title])).toEqual({ organ, year });
  });

  it('joins a title broken over two lines', () => {
    expect(readTitle(['某新区某街道办事处2024年度政府', '信息公开工作年度报告'])).toEqual({
      organ: '某新区某街道办事处',
      year: 2024,
    });
    expect(readTitle(['2024年某区某街道办事处', '政府信息公开工作年度报告'])).toEqual({
      organ: '某区某街道办事处',
      year: 2024,
    });
    expect(readTitle(['某县卫生健康委2023年政府信息公开工作', '', '年度报告'])).toEqual({
      organ: '某县卫生健康委',
      year: 2023,
    });
  });

  it('takes the organ from the line above or below a title that names none, not from a breadcrumb', () => {
    expect(readTitle(['2022年政府信息公开工作年度报告', '某县某镇人民政府', '本报告…'])).toEqual({
      organ: '某县某镇人民政府',
      year: 2022,
    });
    expect(
      readTitle(['当前位置：首页 > 政务公开 > 政府信息公开年报', '2022年政府信息公开工作年度报告', '根据条例编制。']),
    ).toEqual({ organ: null, year: 2022 });
  });

  it('reads the statistics period even when the paste lost its 年', () => {
    expect(
      readTitle(['关于政府信息公开工作的报告', '本报告中所列数据的统计期限自20231月1日起至202312月31日止。']),
    ).toEqual({ organ: null, year: 2023 });
  });
});

describe('headings as web pages give them', () => {
  it.each([
    ['一、政府信息公开工作的基本情况', 'overview', ''],
    ['一、政府信息公开总体工作情况', 'overview', ''],
    ['一、2023年政务公开总体情况', 'overview', ''],
    ['二、主动公开政府信息统计情况', 'proactive', ''],
    ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 'reviewLitigation', ''],
    ['五、政府信息公开工作存在的主要问题及改进情况', 'problems', ''],
    [
      '一、总体情况 本年度报告根据《中华人民共和国政府信息公开条例》的要求编制，全文包括六个部分。',
      'overview',
      '本年度报告根据《中华人民共和国政府信息公开条例》的要求编制，全文包括六个部分。',
    ],
    ['六、其他需要报告的事项 本年度未收取信息处理费。', 'other', '本年度未收取信息处理费。'],
  ])('%s', (text, key, body) => {
    expect(headingOf(text)).toEqual({ key, body });
  });

  it.each([
    '（一）主动公开政府信息情况',
    '(二)主动公开政府信息情况',
    '一、本年新收政府信息公开申请数量 10 2 0 0 0 0 12',
    '三、本年度办理结果 （一）予以公开 6 1',
  ])('is not a heading: %s', (text) => {
    expect(headingOf(text)).toBeNull();
  });

  it('finds the parts of a report a page ran into one line', () => {
    const line = `根据条例，报告如下： 一、总体情况 全年主动公开信息 12 条。${'说明文字。'.repeat(30)} 二、主动公开政府信息情况 规章 0 0 0 三、收到和处理政府信息公开申请情况 一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。`;
    const s = splitSections(lines('某镇2023年政府信息公开工作年度报告', line));
    expect(s.found).toEqual(['overview', 'proactive', 'applications', 'problems', 'other']);
    expect(s.parts.applications.map((l) => l.text)).toEqual(['一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0']);
  });
});

describe('sub-items of 一 numbered 1. or （1）', () => {
  it('splits 总体情况 by them when it has no （一）', () => {
    expect(
      overviewParts(
        lines(
          '引言。',
          '1.主动公开情况。全年公开 12 条。',
          '(2)依申请公开情况',
          '未收到申请。',
          '3、监督保障情况。纳入考核。',
        ),
      ),
    ).toEqual([
      { title: '主动公开情况', text: '全年公开 12 条。' },
      { title: '依申请公开情况', text: '未收到申请。' },
      { title: '监督保障情况', text: '纳入考核。' },
    ]);
    expect(overviewParts(lines('1.2023年全年发布信息 25 条。'))).toEqual([]);
  });
});

describe('table 三 in the 2019 format', () => {
  const table = (other: string) =>
    lines(
      '自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
      '一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3',
      '（一）予以公开\t1\t0\t0\t0\t0\t0\t1',
      `（六）其他处理\t${other}`,
      '（七）总计\t3\t0\t0\t0\t0\t0\t3',
    );

  it('reads （六）其他处理 into its own row, and takes it for none of the 2021 format’s three rows', () => {
    const cells = readApplications(table('2\t0\t0\t0\t0\t0\t2'), '2019').cells;
    expect(cells.get('applications.otherProcessing.natural')?.value).toBe(2);
    expect(cells.get('applications.otherProcessing.total')?.value).toBe(2);
    for (const row of ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'])
      expect([...cells.keys()].filter((c) => c.startsWith(`applications.${row}.`))).toEqual([]);
    expect(cells.get('applications.resultTotal.total')?.value).toBe(3);
  });

  it('reads the 2021 rows when a later report prints them, whatever its table 二', () => {
    const cells = readApplications(
      lines(
        '自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计',
        '（六）其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t1\t0\t0\t0\t0\t0\t1',
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0',
        '3.其他\t0\t0\t0\t0\t0\t0\t0',
      ),
      '2019',
    ).cells;
    expect(cells.get('applications.otherNoCorrection.natural')?.value).toBe(1);
    expect(cells.get('applications.otherOther.total')?.value).toBe(0);
  });
});
