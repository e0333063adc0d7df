/**
 * Renders report cells as a person would paste them, in several styles, for property tests: Word (tabs,
 * merged label columns), a web page (single spaces), raw .docx text (one cell a line), label and numbers
 * on separate lines, and a web page turned into text with “|” after each cell (one row a line, or one cell
 * a line). A damage list drops or masks printed numbers.
 */
import { FORMAT_2021, cellAddress } from '../../../shared/format';
import type { Cells } from '../../../shared/report';

export type Style = 'tabs' | 'spaces' | 'cellPerLine' | 'splitLines' | 'pipeRows' | 'pipeCells';
/**
 * Per table-三 row key: drop one number (at index), drop them all, print one as “—”, misprint a character
 * of the label, lose the label (numbers kept), or lose the whole row.
 */
export type Damage = {
  row: string;
  kind: 'dropOne' | 'dropAll' | 'dash' | 'typo' | 'dropLabel' | 'dropRow';
  at: number;
};

function misprint(label: string, at: number): string {
  const chars = [...label];
  const i = chars.length - 1 - (at % Math.max(1, chars.length - 2));
  return chars.map((c, k) => (k === i ? '口' : c)).join('');
}

function join(style: Style, label: string[], values: string[]): string[] {
  switch (style) {
    case 'tabs':
      return [[...label, ...values].join('\t')];
    case 'spaces':
      return [[...label, ...values].join(' ')];
    case 'cellPerLine':
      return [...label, ...values];
    case 'splitLines':
      return [label.join(' '), ...(values.length ? [values.join(' ')] : [])];
    case 'pipeRows':
      return [`${[...label, ...values].join(' | ')} |`];
    case 'pipeCells':
      return [...label, ...values].map((c) => `${c} |`);
  }
}

function damaged(values: string[], d: Damage | undefined, style: Style): string[] {
  if (!d) return values;
  const at = d.at % values.length;
  if (d.kind === 'dropAll' || d.kind === 'dropRow') return [];
  if (d.kind === 'typo' || d.kind === 'dropLabel') return values;
  if (d.kind === 'dash') return values.map((v, i) => (i === at ? '—' : v));
  // Word and pipe tables keep the cell (blank); other styles lose it.
  const keepsCells = style === 'tabs' || style === 'pipeRows' || style === 'pipeCells';
  return keepsCells ? values.map((v, i) => (i === at ? '' : v)) : values.filter((_, i) => i !== at);
}

const num = (v: number | null | undefined): string => String(v ?? 0);

export function pasteReport(cells: Cells, style: Style, damage: readonly Damage[] = []): string {
  const out: string[] = [
    '某县某镇人民政府2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本年度工作平稳。',
    '二、主动公开政府信息情况',
  ];
  for (const g of FORMAT_2021.proactive.groups) {
    out.push(
      g.label,
      ...join(
        style,
        ['信息内容'],
        g.columns.map((c) => c.label),
      ),
    );
    for (const r of g.rows)
      out.push(
        ...join(
          style,
          [r.label],
          g.columns.map((c) => num(cells[cellAddress('proactive', r.key, c.key)])),
        ),
      );
  }
  out.push(
    '三、收到和处理政府信息公开申请情况',
    FORMAT_2021.applications.note ?? '',
    '申请人情况',
    ...join(style, ['自然人', '法人或其他组织', '总计'], []),
  );
  out.push(...join(style, ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], []));
  const seen = new Set<string>();
  for (const r of FORMAT_2021.applications.rows) {
    const label: string[] = [];
    if (r.key === 'disclosed') label.push('三、本年度办理结果');
    if (r.parentGroup && r.group && !seen.has(r.group)) {
      seen.add(r.group);
      label.push(r.group);
    }
    const d = damage.find((x) => x.row === r.key);
    label.push(d?.kind === 'typo' ? misprint(r.label, d.at) : r.label);
    const values = FORMAT_2021.applications.columns.map((c) => num(cells[cellAddress('applications', r.key, c.key)]));
    if (d?.kind === 'dropRow') continue;
    out.push(...join(style, d?.kind === 'dropLabel' ? [] : label, damaged(values, d, style)));
  }
  out.push('四、政府信息公开行政复议、行政诉讼情况', ...join(style, ['行政复议', '行政诉讼'], []));
  out.push(
    ...join(style, ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'], []),
  );
  const review = FORMAT_2021.reviewLitigation.rows.flatMap((r) =>
    FORMAT_2021.reviewLitigation.columns.map((c) => num(cells[cellAddress('reviewLitigation', r.key, c.key)])),
  );
  out.push(...join(style, [], review));
  out.push('五、存在的主要问题及改进情况', '问题与改进。', '六、其他需要报告的事项', '无。');
  return out.join('\n');
}
