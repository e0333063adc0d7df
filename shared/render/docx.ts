/**
 * The report as a Word file (.docx) in the layout officials exchange: A4 with the GB/T 9704-2012 margins
 * (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm), the title in 方正小标宋简体 二号, section headings in 黑体 三号, body in
 * 仿宋_GB2312 三号, page numbers “— 1 —” at the foot, and tables 二/三/四 drawn from the same layout model as the
 * HTML, so their merged headers are exactly the national format's (table 三: 申请人情况 over seven columns,
 * 法人或其他组织 over five, the 三、本年度办理结果 and （三）–（六） row groups merged vertically).
 *
 * Fonts: a township PC has the 方正/GB2312 fonts; others do not, so each font is declared in the font table with
 * the common name to fall back to (w:altName: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体) and
 * the GB2312 character set, which is what Word and LibreOffice substitute by.
 *
 * Kept out of ./index on purpose: `docx` is large, and the mini program's core bundle imports ./index.
 * Pure: report data in, bytes out (the zip is built in memory).
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IRunOptions,
} from 'docx';
import { getFormat, type SectionDef } from '../format';
import type { ReportData } from '../report';
import {
  INFERRED_LEGEND,
  columnWidths,
  reportTableLayout,
  sectionTable,
  valueCells,
  type LayoutCell,
  type TableLayout,
} from './layout';
import { sectionBlocks, type NarrativeBlock } from './narrative';
import { NULL_LEGEND, prefaceParagraphs, reportTitle, sectionHeading } from './text';

/** Twentieths of a point per millimetre. */
const TWIP_PER_MM = 1440 / 25.4;
const mm = (v: number): number => Math.round(v * TWIP_PER_MM);

/** GB/T 9704-2012 §5.2.1: A4, 天头 37 mm, 订口 28 mm; the text block 156 × 225 mm (so 下 35 mm, 右 26 mm). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
} as const;
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** The customary fonts (GB/T 9704 §7.3) and the names to fall back to where they are not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading: { name: '黑体', fallback: 'SimHei' },
  subheading: { name: '楷体_GB2312', fallback: '楷体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  latin: { name: 'Times New Roman', fallback: 'Times New Roman' },
  pageNumber: { name: '宋体', fallback: 'SimSun' },
} as const;
type FontRole = keyof typeof FONTS;

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableNote: 18 } as const;
/** GB/T 9704 §5.2.2: 22 lines a page in 225 mm → a fixed line pitch of about 28.9 pt. */
const LINE = 578;

function run(text: string, role: FontRole, size: number, extra: IRunOptions = {}): TextRun {
  const font = FONTS[role].name;
  return new TextRun({
    text,
    size,
    font: { ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, eastAsia: font, hint: 'eastAsia' },
    ...extra,
  });
}

const exactLine = { line: LINE, lineRule: LineRuleType.EXACT } as const;

function titleParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: LINE, line: 700, lineRule: LineRuleType.EXACT },
    children: [run(text, 'title', SIZE.title)],
  });
}

function headingParagraph(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    indent: { firstLine: 2 * SIZE.body * 10 },
    spacing: exactLine,
    children: [run(text, 'heading', SIZE.body)],
  });
}

/** The preface as body text (首行缩进两字), before section 一. */
function prefaceParagraph(text: string): Paragraph {
  return blockParagraph({ kind: 'paragraph', text });
}

function blockParagraph(block: NarrativeBlock): Paragraph {
  const sub = block.kind === 'subheading';
  return new Paragraph({
    keepNext: sub,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * SIZE.body * 10 }, // 首行缩进两字
    spacing: exactLine,
    children: [run(block.text, sub ? 'subheading' : 'body', SIZE.body)],
  });
}

function cellParagraph(cell: LayoutCell): Paragraph {
  const note = cell.kind === 'note';
  const left = cell.kind === 'caption' || (cell.kind === 'rowLabel' && !cell.group) || note;
  return new Paragraph({
    alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
    children: [run(cell.text, 'body', note ? SIZE.tableNote : SIZE.table, { bold: cell.kind === 'columnLabel' })],
  });
}

function tableCell(cell: LayoutCell, widths: readonly number[], column: number): TableCell {
  const share = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    children: [cellParagraph(cell)],
    ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
    ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
    verticalAlign: VerticalAlign.CENTER,
    width: { size: Math.round((share / 100) * TEXT_WIDTH), type: WidthType.DXA },
    margins: { top: 30, bottom: 30, left: 60, right: 60 },
  });
}

/**
 * The start column of each cell, walking the grid as HTML does: a cell starts at the first column not taken by
 * a cell above that spans down into this row.
 */
function placedRows(rows: readonly { cells: readonly LayoutCell[] }[], columns: number): number[][] {
  const taken: number[] = Array.from({ length: columns }, () => 0); // rows still covered, per column
  return rows.map((row) => {
    let col = 0;
    const starts = row.cells.map((cell) => {
      while (col < columns && (taken[col] ?? 0) > 0) col++;
      const start = col;
      for (let c = start; c < start + cell.colSpan; c++) taken[c] = cell.rowSpan;
      col = start + cell.colSpan;
      return start;
    });
    for (let c = 0; c < columns; c++) taken[c] = Math.max(0, (taken[c] ?? 0) - 1);
    return starts;
  });
}

function docxTable(layout: TableLayout): Table {
  const widths = columnWidths(layout);
  const single = layout.blocks.length === 1;
  const rows = layout.blocks.flatMap((block) => [
    ...block.head.map((r) => ({ row: r, head: single })),
    ...block.body.map((r) => ({ row: r, head: false })),
  ]);
  const starts = placedRows(
    rows.map((r) => r.row),
    layout.columns,
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths.map((w) => Math.round((w / 100) * TEXT_WIDTH)),
    rows: rows.map(
      ({ row, head }, i) =>
        new TableRow({
          tableHeader: head, // repeated at the top of each page the table runs onto
          cantSplit: true,
          children: row.cells.map((cell, j) => tableCell(cell, widths, starts[i]?.[j] ?? 0)),
        }),
    ),
  });
}

function sectionChildren(report: ReportData, def: SectionDef): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph(sectionHeading(def.no, def.title))];
  out.push(...sectionBlocks(report, def.key).map(blockParagraph));
  const key = sectionTable(def.key);
  if (key) {
    const layout = reportTableLayout(report, key);
    out.push(docxTable(layout));
    const legends = [
      ...(valueCells(layout).some((c) => c.value === null) ? [NULL_LEGEND] : []),
      ...(valueCells(layout).some((c) => c.inferred) ? [INFERRED_LEGEND] : []),
    ];
    if (legends.length) out.push(...legends.map((l) => new Paragraph({ children: [run(l, 'body', SIZE.table)] })));
    else out.push(new Paragraph({ spacing: { after: 0 }, children: [] })); // Word needs a paragraph after a table
  }
  return out;
}

/** GB/T 9704 §7.5: 4号半角宋体阿拉伯数字, with a 一字线 on each side. */
function pageNumberFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          run('— ', 'pageNumber', SIZE.pageNumber),
          new TextRun({
            children: [PageNumber.CURRENT],
            size: SIZE.pageNumber,
            font: { ascii: FONTS.pageNumber.name, hAnsi: FONTS.pageNumber.name, eastAsia: FONTS.pageNumber.name },
          }),
          run(' —', 'pageNumber', SIZE.pageNumber),
        ],
      }),
    ],
  });
}

/** word/fontTable.xml with each customary font's fallback and character set (GB2312 = 86). */
function fontTableXml(): string {
  const fonts = Object.values(FONTS).map((f) => {
    const chinese = /[^\x20-\x7e]/.test(f.name);
    return (
      `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/>` +
      `<w:charset w:val="${chinese ? '86' : '00'}"/><w:family w:val="${chinese ? 'modern' : 'roman'}"/>` +
      `<w:pitch w:val="variable"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts.join('')}</w:fonts>`
  );
}

export function reportDocument(report: ReportData): Document {
  const title = reportTitle(report.organ, report.year);
  const sections = getFormat(report.formatVersion).sections.flatMap((def) => sectionChildren(report, def));
  return new Document({
    title,
    creator: report.organ,
    styles: {
      default: {
        document: {
          run: {
            size: SIZE.body,
            font: { ascii: FONTS.latin.name, hAnsi: FONTS.latin.name, eastAsia: FONTS.body.name },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...PAGE.margin, header: mm(15), footer: mm(20) },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [titleParagraph(title), ...prefaceParagraphs(report.preface).map(prefaceParagraph), ...sections],
      },
    ],
  });
}

/** The report as .docx bytes. */
export function renderDocx(report: ReportData): Promise<Uint8Array> {
  return Packer.pack(reportDocument(report), 'uint8array', false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
