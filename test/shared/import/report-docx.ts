/**
 * Builds a .docx of a report at test time with the real layout of the national format: table 三 with its
 * three-row header and merged label cells (rowSpan/columnSpan), table 四 with its two-level header.
 */
import {
  packDocx,
  type Block,
  type Paragraph,
  type Table,
  type TableCell,
  type TableRow,
} from '../../../shared/render/wordml';
import { FORMAT_2021 } from '../../../shared/format';

type Value = number | string;

const p = (text: string): Paragraph => ({ kind: 'paragraph', runs: [{ text }] });
const cell = (text: Value, span: { columnSpan?: number; rowSpan?: number } = {}): TableCell => ({
  paragraphs: [p(String(text))],
  colSpan: span.columnSpan ?? 1,
  rowSpan: span.rowSpan ?? 1,
});
const row = (cells: TableCell[]): TableRow => ({ cells });
const table = (columns: number, rows: TableRow[]): Table => ({
  kind: 'table',
  grid: Array.from({ length: columns }, () => 600),
  rows,
  border: 4,
});
const values = (vs: readonly Value[]): TableCell[] => vs.map((v) => cell(v));

function proactiveTable(v: Record<string, readonly Value[]>): Table {
  const rows: TableRow[] = [];
  for (const g of FORMAT_2021.proactive.groups) {
    rows.push(row([cell(g.label, { columnSpan: 4 })]));
    const wide = g.columns.length === 1 ? { columnSpan: 3 } : {};
    rows.push(row([cell('信息内容'), ...g.columns.map((c) => cell(c.label, wide))]));
    for (const r of g.rows) rows.push(row([cell(r.label), ...(v[r.key] ?? []).map((x) => cell(x, wide))]));
  }
  return table(4, rows);
}

const ORG = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];

function applicationsTable(v: Record<string, readonly Value[]>): Table {
  const def = FORMAT_2021.applications;
  const zero = [0, 0, 0, 0, 0, 0, 0];
  const of = (key: string): TableCell[] => values(v[key] ?? zero);
  const rows: TableRow[] = [
    row([cell(def.note ?? '', { columnSpan: 3, rowSpan: 3 }), cell('申请人情况', { columnSpan: 7 })]),
    row([cell('自然人', { rowSpan: 2 }), cell('法人或其他组织', { columnSpan: 5 }), cell('总计', { rowSpan: 2 })]),
    row(ORG.map((o) => cell(o))),
  ];
  const groupsSeen = new Set<string>();
  for (const r of def.rows) {
    if (!r.group) {
      rows.push(row([cell(r.label, { columnSpan: 3 }), ...of(r.key)]));
      continue;
    }
    const lead: TableCell[] = [];
    if (r.key === 'disclosed') lead.push(cell('三、本年度办理结果', { rowSpan: 22 }));
    if (r.parentGroup) {
      if (!groupsSeen.has(r.group)) {
        groupsSeen.add(r.group);
        lead.push(cell(r.group, { rowSpan: def.rows.filter((x) => x.group === r.group).length }));
      }
      rows.push(row([...lead, cell(r.label), ...of(r.key)]));
    } else {
      rows.push(row([...lead, cell(r.label, { columnSpan: 2 }), ...of(r.key)]));
    }
  }
  return table(10, rows);
}

function reviewTable(flat: readonly Value[]): Table {
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  return table(15, [
    row([cell('行政复议', { columnSpan: 5 }), cell('行政诉讼', { columnSpan: 10 })]),
    row([
      ...heads.map((h) => cell(h, { rowSpan: 2 })),
      cell('未经复议直接起诉', { columnSpan: 5 }),
      cell('复议后起诉', { columnSpan: 5 }),
    ]),
    row([...heads, ...heads].map((h) => cell(h))),
    row(values(flat)),
  ]);
}

export interface DocxReport {
  title: string;
  overview: string[];
  proactive: Record<string, readonly Value[]>;
  applications: Record<string, readonly Value[]>;
  review: readonly Value[];
  problems: string[];
  other: string[];
}

/** A plain A4 document around the given blocks. */
function docx(body: Block[]): Promise<Buffer> {
  const margin = { top: 1440, right: 1440, bottom: 1440, left: 1440, header: 720, footer: 720 };
  const bytes = packDocx({
    title: '',
    creator: '',
    defaults: {},
    fonts: [],
    page: { width: 11906, height: 16838, margin },
    body,
  });
  return Promise.resolve(Buffer.from(bytes));
}

export function buildReportDocx(r: DocxReport): Promise<Buffer> {
  return docx([
    p(r.title),
    p('一、总体情况'),
    ...r.overview.map(p),
    p('二、主动公开政府信息情况'),
    proactiveTable(r.proactive),
    p('三、收到和处理政府信息公开申请情况'),
    applicationsTable(r.applications),
    p('四、政府信息公开行政复议、行政诉讼情况'),
    reviewTable(r.review),
    p('五、存在的主要问题及改进情况'),
    ...r.problems.map(p),
    p('六、其他需要报告的事项'),
    ...r.other.map(p),
  ]);
}

/** A document with no report in it. */
export function buildLetterDocx(): Promise<Buffer> {
  return docx([p('会议通知'), p('请各单位于周五下午三点参加会议。')]);
}
