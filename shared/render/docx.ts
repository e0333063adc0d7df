/**
 * The report as a Word file (.docx) in the layout officials exchange: A4 with the GB/T 9704-2012 margins
 * (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm), the title in 方正小标宋简体 二号, section headings in 黑体 三号, body in
 * 仿宋_GB2312 三号, page numbers “— 1 —” at the foot, and tables 二/三/四 drawn from the same layout model as the
 * HTML, so their merged headers are exactly the national format's (table 三: 申请人情况 over seven columns,
 * 法人或其他组织 over five, the 三、本年度办理结果 and （三）–（六） row groups merged vertically); a 2019-format
 * report prints its own 2019 table 二.
 *
 * Fonts: a township PC has the 方正/GB2312 fonts; others do not, so each font is declared in the font table with
 * the common name to fall back to (w:altName: 仿宋_GB2312 → 仿宋, 方正小标宋简体 → 宋体, 楷体_GB2312 → 楷体) and
 * the GB2312 character set, which is what Word and LibreOffice substitute by.
 *
 * Written by our own WordprocessingML writer (./wordml). Kept out of ./index: the mini program's core bundle
 * imports ./index and has no use for a zip. Pure: report data in, bytes out.
 */
import {
  packDocx,
  type Block,
  type FontDecl,
  type Paragraph,
  type ParagraphProps,
  type RunProps,
  type Table,
} from './wordml';
import { getFormat, type SectionDef } from '../format';
import type { ReportData } from '../report';
import { columnWidths, type LayoutCell, type TableLayout } from './layout';
import { sectionBlocks, type NarrativeBlock } from './narrative';
import { reportTable, tableLegends } from './report-table';
import { prefaceParagraphs, reportTitle, sectionHeading } from './text';

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
/** 首行缩进两字: two characters of body text. */
const TWO_CHARACTERS = 2 * SIZE.body * 10;

/** Latin text in Times New Roman, Chinese in the role's font. */
function props(role: FontRole, size: number, bold = false): RunProps {
  const latin = FONTS.latin.name;
  return { fonts: { ascii: latin, hAnsi: latin, eastAsia: FONTS[role].name, hint: 'eastAsia' }, size, bold };
}

function paragraph(text: string, role: FontRole, size: number, pPr: ParagraphProps = {}, bold = false): Paragraph {
  return { kind: 'paragraph', props: pPr, runs: [{ text, props: props(role, size, bold) }] };
}

const exactLine = { line: LINE, lineRule: 'exact' } as const;

function blockParagraph(block: NarrativeBlock): Paragraph {
  const sub = block.kind === 'subheading';
  return paragraph(block.text, sub ? 'subheading' : 'body', SIZE.body, {
    keepNext: sub,
    spacing: exactLine,
    firstLineIndent: TWO_CHARACTERS,
    align: 'both',
  });
}

function cellParagraph(cell: LayoutCell): Paragraph {
  const note = cell.kind === 'note';
  const left = cell.kind === 'caption' || (cell.kind === 'rowLabel' && !cell.group) || note;
  const size = note ? SIZE.tableNote : SIZE.table;
  return paragraph(cell.text, 'body', size, { align: left ? 'left' : 'center' }, cell.kind === 'columnLabel');
}

function docxTable(layout: TableLayout): Table {
  const single = layout.blocks.length === 1;
  const rows = layout.blocks.flatMap((block) => [
    ...block.head.map((r) => ({ cells: r.cells, header: single })),
    ...block.body.map((r) => ({ cells: r.cells, header: false })),
  ]);
  return {
    kind: 'table',
    grid: columnWidths(layout).map((w) => Math.round((w / 100) * TEXT_WIDTH)),
    // the header rows repeat at the top of each page the table runs onto; no row breaks across pages
    rows: rows.map(({ cells, header }) => ({
      header,
      cantSplit: true,
      cells: cells.map((cell) => ({ paragraphs: [cellParagraph(cell)], colSpan: cell.colSpan, rowSpan: cell.rowSpan })),
    })),
    border: 4,
    cellMargin: { top: 30, bottom: 30, left: 60, right: 60 },
    verticalAlign: 'center',
  };
}

function sectionChildren(report: ReportData, def: SectionDef): Block[] {
  const heading = paragraph(sectionHeading(def.no, def.title), 'heading', SIZE.body, {
    keepNext: true,
    spacing: exactLine,
    firstLineIndent: TWO_CHARACTERS,
  });
  const out: Block[] = [heading, ...sectionBlocks(report, def.key).map(blockParagraph)];
  const layout = reportTable(report, def.key);
  if (layout) {
    out.push(docxTable(layout));
    const legends = tableLegends(layout);
    if (legends.length) out.push(...legends.map((l) => paragraph(l, 'body', SIZE.table)));
    else out.push({ kind: 'paragraph', props: { spacing: { after: 0 } }, runs: [] }); // a table is followed by a paragraph
  }
  return out;
}

/** GB/T 9704 §7.5: 4号半角宋体阿拉伯数字, with a 一字线 on each side. */
function pageNumberFooter(): Paragraph {
  const digits = FONTS.pageNumber.name;
  return {
    kind: 'paragraph',
    props: { align: 'center' },
    runs: [
      { text: '— ', props: props('pageNumber', SIZE.pageNumber) },
      { field: 'PAGE', props: { fonts: { ascii: digits, hAnsi: digits, eastAsia: digits }, size: SIZE.pageNumber } },
      { text: ' —', props: props('pageNumber', SIZE.pageNumber) },
    ],
  };
}

/** Each customary font with its fallback and character set (GB2312 = 86). */
const FONT_TABLE: FontDecl[] = Object.values(FONTS).map((f) => {
  const chinese = /[^\x20-\x7e]/.test(f.name);
  return { name: f.name, altName: f.fallback, charset: chinese ? '86' : '00', family: chinese ? 'modern' : 'roman' };
});

/** The report as .docx bytes (a promise, as callers await it). */
export function renderDocx(report: ReportData): Promise<Uint8Array> {
  const title = reportTitle(report.organ, report.year);
  const sections = getFormat(report.formatVersion).sections.flatMap((def) => sectionChildren(report, def));
  const titleParagraph = paragraph(title, 'title', SIZE.title, {
    spacing: { after: LINE, line: 700, lineRule: 'exact' },
    align: 'center',
  });
  const latin = FONTS.latin.name;
  const bytes = packDocx({
    title,
    creator: report.organ,
    defaults: { fonts: { ascii: latin, hAnsi: latin, eastAsia: FONTS.body.name }, size: SIZE.body },
    fonts: FONT_TABLE,
    page: {
      width: PAGE.width,
      height: PAGE.height,
      margin: { ...PAGE.margin, header: mm(15), footer: mm(20) },
    },
    body: [
      titleParagraph,
      ...prefaceParagraphs(report.preface).map((text) => blockParagraph({ kind: 'paragraph', text })),
      ...sections,
    ],
    footer: [pageNumberFooter()],
  });
  return Promise.resolve(bytes);
}
