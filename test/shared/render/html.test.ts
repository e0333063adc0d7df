import { CELL_ADDRESSES, FORMAT_2021 } from '../../../shared/format';
import { REPORT_CSS, renderHtml } from '../../../shared/render';
import { columnTexts, gridOf, parseRows, positionOf, range, rowTexts, tableHtml, type ParsedCell } from './html-table';
import { sampleReport } from './sample-report';

const fmt = FORMAT_2021;

function grid(html: string, id: string): (ParsedCell | undefined)[][] {
  return gridOf(parseRows(tableHtml(html, id)));
}

function expectRectangular(g: (ParsedCell | undefined)[][], width: number): void {
  for (const line of g) {
    expect(line).toHaveLength(width);
    expect(line.every((c) => c !== undefined)).toBe(true);
  }
}

function cellOf(g: (ParsedCell | undefined)[][], row: number, column: number): ParsedCell {
  const cell = g[row]?.[column];
  if (!cell) throw new Error(`no cell at ${row},${column}`);
  return cell;
}

describe('renderHtml document', () => {
  const html = renderHtml(sampleReport());

  it('is a complete self-contained zh-CN page with a phone viewport', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<title>扎毛乡人民政府2023年政府信息公开工作年度报告</title>');
    expect(html).toContain(REPORT_CSS);
    expect(html).not.toMatch(/<link|<script|src=|url\(/);
    expect(html).toMatch(/@page \{ size: A4/);
  });

  it('renders only the article as a fragment', () => {
    const fragment = renderHtml(sampleReport(), { standalone: false });
    expect(fragment.startsWith('<article class="gk-report">')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(fragment).not.toContain('<style>');
    expect(html).toContain(fragment.trim());
  });

  it('has the six sections in order, with ids and official headings', () => {
    const ids = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(fmt.sections.map((s) => `section-${s.key}`));
    const headings = [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(html).toContain('<section id="section-problems" class="gk-section gk-section-empty">');
  });

  it('prints every official label', () => {
    const labels = [
      fmt.proactive.itemHeader,
      ...fmt.proactive.groups.flatMap((g) => [
        g.label,
        ...g.columns.map((c) => c.label),
        ...g.rows.map((r) => r.label),
      ]),
      ...[fmt.applications, fmt.reviewLitigation].flatMap((t) => [
        ...(t.note ? [t.note] : []),
        ...(t.columnHeader ? [t.columnHeader] : []),
        ...[...t.columns, ...t.rows].flatMap((e) =>
          [e.label, e.group, e.parentGroup].filter((x): x is string => x !== undefined),
        ),
      ]),
    ];
    for (const label of [
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
      '5.要求行政机关确认或重新出具已获取信息',
      ...labels,
    ]) {
      expect(html).toMatch(new RegExp(`>${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(</span>)?</th>`));
    }
  });

  it('puts each column group label in a span a phone keeps in view while the table scrolls sideways', () => {
    expect(html).toContain('<span class="gk-group-text">申请人情况</span></th>');
    expect(html).toContain('<span class="gk-group-text">法人或其他组织</span></th>');
    expect(REPORT_CSS).toMatch(/\.gk-group-text \{ display: inline-block; position: sticky;/);
  });

  it('puts every one of the 200 data-cell addresses on exactly one number cell', () => {
    const found = [...html.matchAll(/<td [^>]*data-cell="([^"]+)"/g)].map((m) => m[1]);
    expect(found).toHaveLength(200);
    expect(new Set(found)).toEqual(new Set(CELL_ADDRESSES));
  });
});

describe('renderHtml table 三 merges', () => {
  const g = grid(renderHtml(sampleReport()), 'table-applications');

  it('is a rectangular grid of 3 header rows + 25 rows by 3 label + 7 number columns', () => {
    expect(g).toHaveLength(28);
    expectRectangular(g, 10);
  });

  it('has the official three-row header', () => {
    const corner = cellOf(g, 0, 0);
    expect(corner.text).toBe(fmt.applications.note);
    expect([corner.rowSpan, corner.colSpan]).toEqual([3, 3]);
    expect(corner.classes).toEqual(['gk-corner', 'gk-note', 'gk-lc0']);
    expect(cellOf(g, 0, 3)).toMatchObject({ text: '申请人情况', colSpan: 7, rowSpan: 1 });
    expect(cellOf(g, 1, 3)).toMatchObject({ text: '自然人', rowSpan: 2 });
    expect(cellOf(g, 1, 4)).toMatchObject({ text: '法人或其他组织', colSpan: 5, rowSpan: 1 });
    expect(cellOf(g, 1, 9)).toMatchObject({ text: '总计', rowSpan: 2 });
    expect(rowTexts(g, 2, range(4, 9))).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
  });

  it('merges the row labels as the official table does', () => {
    expect(cellOf(g, 3, 0)).toMatchObject({ text: '一、本年新收政府信息公开申请数量', colSpan: 3 });
    expect(cellOf(g, 4, 0)).toMatchObject({ text: '二、上年结转政府信息公开申请数量', colSpan: 3 });
    expect(cellOf(g, 5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22, colSpan: 1 });
    expect(cellOf(g, 5, 1)).toMatchObject({ text: '（一）予以公开', colSpan: 2 });
    expect(cellOf(g, 6, 1).colSpan).toBe(2);
    expect(cellOf(g, 7, 1)).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(cellOf(g, 15, 1)).toMatchObject({ text: '（四）无法提供', rowSpan: 3 });
    expect(cellOf(g, 18, 1)).toMatchObject({ text: '（五）不予处理', rowSpan: 5 });
    expect(cellOf(g, 23, 1)).toMatchObject({ text: '（六）其他处理', rowSpan: 3 });
    expect(cellOf(g, 26, 1)).toMatchObject({ text: '（七）总计', colSpan: 2 });
    expect(cellOf(g, 27, 0)).toMatchObject({ text: '四、结转下年度继续办理', colSpan: 3 });
    expect(columnTexts(g, 0, range(5, 27))).toEqual(['三、本年度办理结果']);
  });

  it('places each number cell under its own column and row labels', () => {
    const at = positionOf(g, 'applications.withheldStateSecret.commercial');
    expect(columnTexts(g, at.column, [0, 1, 2])).toEqual(['申请人情况', '法人或其他组织', '商业企业']);
    expect(rowTexts(g, at.row, [0, 1, 2])).toEqual(['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密']);
    for (const [i, row] of fmt.applications.rows.entries()) {
      for (const [j, column] of fmt.applications.columns.entries()) {
        expect(cellOf(g, 3 + i, 3 + j).dataCell).toBe(`applications.${row.key}.${column.key}`);
      }
    }
  });
});

describe('renderHtml tables 二 and 四', () => {
  const html = renderHtml(sampleReport());

  it('prints table 二 as four blocks: group label row, 信息内容 + column labels, rows', () => {
    const rows = parseRows(tableHtml(html, 'table-proactive'));
    const g = gridOf(rows);
    expect(g).toHaveLength(14);
    expectRectangular(g, 4);
    const captions = rows.filter((r) => r.length === 1 && r[0]?.colSpan === 4).map((r) => r[0]?.text);
    expect(captions).toEqual(fmt.proactive.groups.map((gr) => gr.label));
    expect(rowTexts(g, 1, [0, 1, 2, 3])).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rowTexts(g, 12, [0, 1, 2, 3])).toEqual(['信息内容', '本年收费金额（单位：万元）']);
    expect(cellOf(g, 13, 1)).toMatchObject({ dataCell: 'proactive.fees.amountWanYuan', colSpan: 3 });
    expect(html.match(/<tbody class="gk-block">/g)).toHaveLength(4);
  });

  it('prints table 四 as one row of 15 numbers under 行政复议 | 行政诉讼 › two kinds of suit', () => {
    const g = grid(html, 'table-reviewLitigation');
    expect(g).toHaveLength(4);
    expectRectangular(g, 15);
    expect(cellOf(g, 0, 0)).toMatchObject({ text: '行政复议', colSpan: 5 });
    expect(cellOf(g, 0, 5)).toMatchObject({ text: '行政诉讼', colSpan: 10 });
    expect(cellOf(g, 1, 0)).toMatchObject({ text: '结果维持', rowSpan: 2 });
    expect(cellOf(g, 1, 5)).toMatchObject({ text: '未经复议直接起诉', colSpan: 5 });
    expect(cellOf(g, 1, 10)).toMatchObject({ text: '复议后起诉', colSpan: 5 });
    expect(rowTexts(g, 2, range(5, 15))).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ]);
    expect(g[3]?.every((c) => c?.tag === 'td')).toBe(true);
    const at = positionOf(g, 'reviewLitigation.directSuit.pending');
    expect(columnTexts(g, at.column, [0, 1, 2])).toEqual(['行政诉讼', '未经复议直接起诉', '尚未审结']);
  });
});

describe('renderHtml values', () => {
  it('lands non-zero values at the grid position their labels name', () => {
    const html = renderHtml(
      sampleReport({
        'applications.withheldThirdParty.research': 7,
        'applications.carriedForward.total': 12,
        'reviewLitigation.suitAfterReview.corrected': 4,
        'proactive.normativeDocs.repealed': 2,
      }),
    );
    const nonZero = (id: string): ParsedCell[] =>
      gridOf(parseRows(tableHtml(html, id)))
        .flat()
        .filter((c): c is ParsedCell => c?.tag === 'td' && /^[1-9]/.test(c.text));

    const t3 = grid(html, 'table-applications');
    const row = t3.findIndex((line) => line[2]?.text === '4.保护第三方合法权益');
    const column = range(3, 10).find((c) => t3[2]?.[c]?.text === '科研机构') ?? -1;
    expect(cellOf(t3, row, column)).toMatchObject({ text: '7', dataCell: 'applications.withheldThirdParty.research' });
    expect(cellOf(t3, 27, 9).text).toBe('12');
    expect(nonZero('table-applications')).toHaveLength(2);

    const t4 = grid(html, 'table-reviewLitigation');
    const suit = range(0, 15).find((c) => t4[1]?.[c]?.text === '复议后起诉' && t4[2]?.[c]?.text === '结果纠正') ?? -1;
    expect(cellOf(t4, 3, suit).text).toBe('4');
    expect(nonZero('table-reviewLitigation')).toHaveLength(1);

    const t2 = grid(html, 'table-proactive');
    expect(cellOf(t2, 3, 0).text).toBe('行政规范性文件');
    expect(cellOf(t2, 3, 2)).toMatchObject({ text: '2', classes: ['gk-value', 'gk-nonzero'] });
    expect(cellOf(t2, 3, 1).classes).toEqual(['gk-value', 'gk-zero']);
  });

  it('marks null cells and explains the mark, prints the fee without float noise', () => {
    const html = renderHtml(
      sampleReport({ 'applications.otherOther.total': null, 'proactive.fees.amountWanYuan': 0.1 + 0.2 }),
    );
    const t3 = grid(html, 'table-applications');
    const at = positionOf(t3, 'applications.otherOther.total');
    expect(cellOf(t3, at.row, at.column)).toMatchObject({
      text: '—',
      classes: ['gk-value', 'gk-null'],
      title: '数据缺失',
    });
    expect(html).toContain('<p class="gk-legend">注：“—”表示该项数据缺失。</p>');
    expect(html.match(/<p class="gk-legend">/g)).toHaveLength(1); // under table 三 only
    const fee = parseRows(tableHtml(html, 'table-proactive'))
      .flat()
      .find((c) => c.dataCell === 'proactive.fees.amountWanYuan');
    expect(fee).toMatchObject({ text: '0.3', classes: ['gk-value', 'gk-nonzero', 'gk-decimal'] });
  });
});

describe('renderHtml escaping', () => {
  it('escapes organ, narrative and overview parts, keeping paragraphs', () => {
    const report = sampleReport(
      {},
      {
        organ: '<b>乡</b>',
        sections: {
          overview: '第一段 <script>alert("x")</script>\n\n　　第二段 & \'引号\'',
          proactive: '表前说明',
          applications: '',
          reviewLitigation: '',
          problems: '<img src=x onerror=alert(1)>',
          other: '无。',
        },
        overviewParts: [{ title: '（一）<i>主动公开</i>', text: '全年主动公开 264 条。' }],
      },
    );
    const html = renderHtml(report);
    const parts = renderHtml({ ...report, sections: { ...report.sections, overview: '' } });
    expect(html).not.toMatch(/<script|<img|<b>|<i>/);
    expect(html).toContain('<h1 class="gk-title">&lt;b&gt;乡&lt;/b&gt;2023年政府信息公开工作年度报告</h1>');
    expect(html).toContain(
      '<p>第一段 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n<p>第二段 &amp; &#39;引号&#39;</p>',
    );
    expect(html).not.toContain('<h3>');
    expect(parts).toContain('<h3>（一）&lt;i&gt;主动公开&lt;/i&gt;</h3>\n<p>全年主动公开 264 条。</p>');
    expect(parts).not.toMatch(/<i>/);
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toMatch(/<h2>二、主动公开政府信息情况<\/h2>\n<p>表前说明<\/p>\n<div class="gk-table-wrap"/);
  });
});
