import { FORMAT_2021 } from '../../../shared/format';
import { flattenBlock, layoutTable, renderMarkdown } from '../../../shared/render';
import { emptyCells } from '../../../shared/report';
import { sampleReport } from './sample-report';

/** The Markdown tables of a document: header cells and body rows, split on unescaped pipes. */
function tables(md: string): { header: string[]; rows: string[][] }[] {
  const split = (line: string): string[] =>
    line
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map((c) => c.replace(/\\([\\|])/g, '$1'));
  return md
    .split('\n\n')
    .filter((block) => block.startsWith('| '))
    .map((block) => {
      const [header = '', , ...rows] = block.split('\n');
      return { header: split(header), rows: rows.map(split) };
    });
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(
    sampleReport(
      {
        'applications.withheldThirdParty.research': 7,
        'applications.carriedForward.total': 12,
        'reviewLitigation.suitAfterReview.corrected': 4,
        'proactive.normativeDocs.repealed': 2,
        'proactive.fees.amountWanYuan': 0.1 + 0.2,
        'applications.otherOther.natural': null,
      },
      { overviewParts: [{ title: '（一）及时主动公开', text: '全年主动公开政府信息 264 条。' }] },
    ),
  );
  const [t2a, t2b, t2c, t2d, t3, t4] = tables(md);

  it('has the title, then the six sections in official order', () => {
    // overviewParts is a parsed view of the overview text: not printed a second time.
    expect(
      md.startsWith(
        '# 扎毛乡人民政府2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n2023 年，扎毛乡认真贯彻落实政府信息公开工作。\n\n## 二、',
      ),
    ).toBe(true);
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(FORMAT_2021.sections.map((s) => `${s.no}、${s.title}`));
    expect(md.endsWith('## 六、其他需要报告的事项\n\n无。\n')).toBe(true);
  });

  it('prints table 二 as four blocks, each under its group label', () => {
    for (const group of FORMAT_2021.proactive.groups)
      expect(md).toContain(`**${group.label}**\n\n| 信息内容 | ${group.columns.map((c) => c.label).join(' | ')} |`);
    expect(t2a?.rows).toEqual([
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '0', '2', '0'],
    ]);
    expect(t2b?.rows).toEqual([['行政许可', '0']]);
    expect(t2c?.rows).toHaveLength(2);
    expect(t2d?.rows).toEqual([['行政事业性收费', '0.3']]);
  });

  it('prints table 三 with row paths, column paths and every value', () => {
    expect(md).toContain(
      '**申请人情况**\n\n| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 自然人 | 法人或其他组织 / 商业企业 |',
    );
    expect(t3?.header).toHaveLength(8);
    expect(t3?.rows).toHaveLength(25);
    const row = t3?.rows.find((r) => r[0] === '三、本年度办理结果 / （三）不予公开 / 4.保护第三方合法权益');
    const column = t3?.header.indexOf('法人或其他组织 / 科研机构') ?? -1;
    expect(row?.[column]).toBe('7');
    expect(t3?.rows[24]).toEqual(['四、结转下年度继续办理', '0', '0', '0', '0', '0', '0', '12']);
    expect(t3?.rows.find((r) => r[0]?.endsWith('3.其他'))?.[1]).toBe('—');
    expect(md).toContain('\n\n注：“—”表示该项数据缺失。\n\n## 四、');
    for (const r of FORMAT_2021.applications.rows)
      expect(t3?.rows.some((line) => line[0]?.endsWith(r.label))).toBe(true);
  });

  it('prints table 四 compact, 3 rows × 5 columns', () => {
    expect(t4?.header).toEqual(['', ...FORMAT_2021.reviewLitigation.columns.map((c) => c.label)]);
    expect(t4?.rows.map((r) => r[0])).toEqual(['行政复议', '行政诉讼 / 未经复议直接起诉', '行政诉讼 / 复议后起诉']);
    expect(t4?.rows[2]).toEqual(['行政诉讼 / 复议后起诉', '0', '4', '0', '0', '0']);
  });

  it('sets numbered short lines apart as sub-headings, and prints parts when the overview text is empty', () => {
    const overview = '总述。\n（一）及时主动公开\n全年主动公开政府信息 264 条。\n（二）依申请公开：全年未收到申请。';
    const withText = renderMarkdown(sampleReport({}, { sections: { ...sampleReport().sections, overview } }));
    expect(withText).toContain(
      '## 一、总体情况\n\n总述。\n\n### （一）及时主动公开\n\n全年主动公开政府信息 264 条。\n\n（二）依申请公开：全年未收到申请。\n\n## 二',
    );
    const fromParts = renderMarkdown(
      sampleReport(
        {},
        {
          sections: { ...sampleReport().sections, overview: '  ' },
          overviewParts: [
            { title: '及时主动公开', text: '全年主动公开政府信息 264 条。' },
            { title: '', text: '无题的一段。' },
          ],
        },
      ),
    );
    expect(fromParts).toContain(
      '## 一、总体情况\n\n### 及时主动公开\n\n全年主动公开政府信息 264 条。\n\n无题的一段。\n\n## 二',
    );
  });

  it('right-aligns number columns', () => {
    expect(md).toContain('| --- | ---: | ---: | ---: |');
  });

  it('escapes user text so it prints literally', () => {
    const out = renderMarkdown(
      sampleReport(
        {},
        {
          organ: '某乡*',
          sections: {
            overview: '# 不是标题\n1. 不是列表\n**一是** <b>x</b> [链接](http://x) a|b',
            proactive: '',
            applications: '',
            reviewLitigation: '',
            problems: '- 不是列表项',
            other: '',
          },
        },
      ),
    );
    expect(out).toContain('# 某乡\\*2023年');
    expect(out).toContain(
      '\n\n\\# 不是标题\n\n1\\. 不是列表\n\n\\*\\*一是\\*\\* \\<b\\>x\\</b\\> \\[链接\\](http://x) a\\|b\n\n',
    );
    expect(out).toContain('\n\n\\- 不是列表项\n\n');
  });
});

describe('flattenBlock', () => {
  it('joins the official one-row table 四 header into three-level column paths', () => {
    const layout = layoutTable('reviewLitigation', emptyCells(1));
    const [block] = layout.blocks;
    if (!block) throw new Error('no block');
    const flat = flattenBlock(block, layout);
    expect(flat.labelHeader).toBeNull();
    expect(flat.captions).toEqual([]);
    expect(flat.columnHeaders).toHaveLength(15);
    expect(flat.columnHeaders[0]).toBe('行政复议 / 结果维持');
    expect(flat.columnHeaders[14]).toBe('行政诉讼 / 复议后起诉 / 总计');
    expect(flat.rows).toHaveLength(1);
    expect(flat.rows[0]?.label).toBeNull();
    expect(flat.rows[0]?.cells.map((c) => c.text)).toEqual(Array.from({ length: 15 }, () => '1'));
  });
});
