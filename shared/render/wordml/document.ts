/**
 * A small WordprocessingML model (paragraphs, runs, tables with merged cells, one section) and its XML.
 * Only what the annual report needs, and every element written in the order the schema's sequences require
 * (ECMA-376 Part 1, wml.xsd: CT_PPrBase, EG_RPrBase, CT_TblPrBase, CT_TcPrBase, CT_SectPr), since Word refuses
 * a file whose property children are out of order. Pure: data in, XML text out.
 */
import { toGrid } from '../flatten';
import { el, escapeXml } from './xml';

/** Sizes in half-points (w:sz), lengths in twentieths of a point (twips, dxa). */
export interface RunFonts {
  ascii: string;
  hAnsi: string;
  eastAsia: string;
  /** eastAsia: shared characters (quotes, dashes) take the East Asian font. */
  hint?: 'eastAsia';
}

export interface RunProps {
  fonts?: RunFonts;
  bold?: boolean;
  size?: number;
}

/** Text, or the current page number (a PAGE field). */
export type Run = { text: string; props?: RunProps } | { field: 'PAGE'; props?: RunProps };

export interface ParagraphProps {
  keepNext?: boolean;
  spacing?: { after?: number; line?: number; lineRule?: 'auto' | 'exact' | 'atLeast' };
  firstLineIndent?: number;
  align?: 'left' | 'center' | 'right' | 'both';
}

export interface Paragraph {
  kind: 'paragraph';
  props?: ParagraphProps;
  runs: Run[];
}

export interface TableCell {
  paragraphs: Paragraph[];
  colSpan: number;
  rowSpan: number;
}

export interface TableRow {
  cells: TableCell[];
  /** Repeated at the top of each page the table runs onto. */
  header?: boolean;
  cantSplit?: boolean;
}

export interface Table {
  kind: 'table';
  /** Width of each grid column. */
  grid: number[];
  /** Rows as HTML draws them: a cell spanning down appears once, in its first row. */
  rows: TableRow[];
  /** Single lines of this width (eighths of a point) around and between all cells. */
  border?: number;
  cellMargin?: { top: number; bottom: number; left: number; right: number };
  verticalAlign?: 'top' | 'center' | 'bottom';
}

export type Block = Paragraph | Table;

export interface PageSetup {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

const onOff = (name: string, on: boolean | undefined): string => (on ? el(name) : '');

export function runPropsXml(props: RunProps | undefined): string {
  if (!props) return '';
  const f = props.fonts;
  const inner =
    (f ? el('w:rFonts', { 'w:ascii': f.ascii, 'w:hAnsi': f.hAnsi, 'w:eastAsia': f.eastAsia, 'w:hint': f.hint }) : '') +
    onOff('w:b', props.bold) +
    onOff('w:bCs', props.bold) +
    (props.size === undefined ? '' : el('w:sz', { 'w:val': props.size }) + el('w:szCs', { 'w:val': props.size }));
  return inner === '' ? '' : el('w:rPr', {}, inner);
}

function runXml(run: Run): string {
  const rPr = runPropsXml(run.props);
  if ('text' in run) return el('w:r', {}, `${rPr}<w:t xml:space="preserve">${escapeXml(run.text)}</w:t>`);
  // A complex field: begin, the instruction, separate, end; Word and LibreOffice fill in the number.
  const part = (inner: string): string => el('w:r', {}, rPr + inner);
  return (
    part(el('w:fldChar', { 'w:fldCharType': 'begin' })) +
    part(`<w:instrText xml:space="preserve"> ${run.field} </w:instrText>`) +
    part(el('w:fldChar', { 'w:fldCharType': 'separate' })) +
    part(el('w:fldChar', { 'w:fldCharType': 'end' }))
  );
}

function paragraphPropsXml(props: ParagraphProps | undefined): string {
  if (!props) return '';
  const s = props.spacing;
  const inner =
    onOff('w:keepNext', props.keepNext) +
    (s ? el('w:spacing', { 'w:after': s.after, 'w:line': s.line, 'w:lineRule': s.lineRule }) : '') +
    (props.firstLineIndent === undefined ? '' : el('w:ind', { 'w:firstLine': props.firstLineIndent })) +
    (props.align ? el('w:jc', { 'w:val': props.align }) : '');
  return inner === '' ? '' : el('w:pPr', {}, inner);
}

export function paragraphXml(p: Paragraph): string {
  return `<w:p>${paragraphPropsXml(p.props)}${p.runs.map(runXml).join('')}</w:p>`;
}

const dxa = (name: string, w: number): string => el(name, { 'w:w': w, 'w:type': 'dxa' });

/** A cell's place: where it starts, or a grid position covered by a cell from a row above (vMerge continue). */
interface Placed {
  cell: TableCell;
  column: number;
  merge?: 'restart' | 'continue';
}

/**
 * Each row's cells in grid order, with a continuation cell wherever a cell from above spans down: Word
 * draws a vertical merge as a restart cell and one continue cell per row below it.
 */
function placeRows(table: Table): Placed[][] {
  const grid = toGrid(table.rows, table.grid.length);
  const seen = new Set<TableCell>();
  return grid.map((line) => {
    const placed: Placed[] = [];
    line.forEach((cell, column) => {
      if (line[column - 1] === cell) return; // inside a horizontal span
      const merge = seen.has(cell) ? 'continue' : cell.rowSpan > 1 ? 'restart' : undefined;
      seen.add(cell);
      placed.push(merge ? { cell, column, merge } : { cell, column });
    });
    return placed;
  });
}

function cellXml(table: Table, { cell, column, merge }: Placed): string {
  const width = table.grid.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
  const m = table.cellMargin;
  const tcPr =
    dxa('w:tcW', width) +
    (cell.colSpan > 1 ? el('w:gridSpan', { 'w:val': cell.colSpan }) : '') +
    (merge ? el('w:vMerge', { 'w:val': merge }) : '') +
    (m
      ? el(
          'w:tcMar',
          {},
          dxa('w:top', m.top) + dxa('w:left', m.left) + dxa('w:bottom', m.bottom) + dxa('w:right', m.right),
        )
      : '') +
    (table.verticalAlign ? el('w:vAlign', { 'w:val': table.verticalAlign }) : '');
  // A cell holds at least one paragraph (Word reports a cell without one as corrupt); a continuation cell an empty one.
  const content =
    merge === 'continue' || cell.paragraphs.length === 0 ? '<w:p/>' : cell.paragraphs.map(paragraphXml).join('');
  return `<w:tc>${el('w:tcPr', {}, tcPr)}${content}</w:tc>`;
}

function tableXml(table: Table): string {
  const line = table.border;
  const edge = (name: string): string => el(name, { 'w:val': 'single', 'w:sz': line, 'w:color': 'auto' });
  const borders =
    line === undefined
      ? ''
      : el('w:tblBorders', {}, ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map(edge).join(''));
  const tblPr = el(
    'w:tblPr',
    {},
    dxa(
      'w:tblW',
      table.grid.reduce((a, b) => a + b, 0),
    ) + borders,
  );
  const grid = el('w:tblGrid', {}, table.grid.map((w) => el('w:gridCol', { 'w:w': w })).join(''));
  const rows = placeRows(table).map((cells, i) => {
    const row = table.rows[i];
    const trPr = onOff('w:cantSplit', row?.cantSplit) + onOff('w:tblHeader', row?.header);
    return `<w:tr>${trPr === '' ? '' : el('w:trPr', {}, trPr)}${cells.map((c) => cellXml(table, c)).join('')}</w:tr>`;
  });
  return `<w:tbl>${tblPr}${grid}${rows.join('')}</w:tbl>`;
}

export function blockXml(block: Block): string {
  return block.kind === 'paragraph' ? paragraphXml(block) : tableXml(block);
}

/** The section properties: footer reference first, then page size, margins. */
export function sectionXml(page: PageSetup, footerId: string | undefined): string {
  const m = page.margin;
  return el(
    'w:sectPr',
    {},
    (footerId ? el('w:footerReference', { 'w:type': 'default', 'r:id': footerId }) : '') +
      el('w:pgSz', { 'w:w': page.width, 'w:h': page.height }) +
      el('w:pgMar', {
        'w:top': m.top,
        'w:right': m.right,
        'w:bottom': m.bottom,
        'w:left': m.left,
        'w:header': m.header,
        'w:footer': m.footer,
        'w:gutter': 0,
      }),
  );
}
