/**
 * The table layout model: format + cells → header and body rows of merged cells, as the official tables
 * print them. Every renderer (Markdown, HTML, later .docx and the mini program) draws from this, so the
 * merging rules live here only. Labels, groups and order all come from the format data.
 */
import {
  FORMAT_2021,
  TABLE_KEYS,
  cellAddress,
  type CellAddress,
  type GridTableDef,
  type LabelledKey,
  type ReportFormat,
  type SectionKey,
  type TableKey,
} from '../format';
import type { Cells } from '../report';
import { spanPaths } from './span';
import { formatCellValue } from './text';

/**
 * corner: the header over the row-label columns (table 二's 信息内容); note: a corner holding the table's
 * note (table 三's 勾稽关系); caption: a label row across a whole block (table 二's 第二十条第（一）项).
 */
export type LabelKind = 'corner' | 'note' | 'caption' | 'columnLabel' | 'rowLabel';

interface Spanned {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface LabelCell extends Spanned {
  kind: LabelKind;
  /** A group label covering several columns or rows (法人或其他组织, （三）不予公开, 行政诉讼). */
  group?: boolean;
  /** Row labels and corners: the label column the cell starts in (lets a phone keep labels in view). */
  labelColumn?: number;
}

export interface ValueCell extends Spanned {
  kind: 'value';
  cell: CellAddress;
  value: number | null;
  /** Only the fee cell (万元) may be fractional. */
  decimal: boolean;
  /** Not printed in the imported report: the importer inferred it from the table's totals (shown with “*”). */
  inferred?: true;
}

export type LayoutCell = LabelCell | ValueCell;

export interface LayoutRow {
  cells: LayoutCell[];
}

/** A run of header rows and the body rows under them; table 二 has four, the others one. */
export interface LayoutBlock {
  head: LayoutRow[];
  body: LayoutRow[];
}

export interface TableLayout {
  table: TableKey;
  /** Width of the grid, label columns included. */
  columns: number;
  /** Leading columns that hold row labels (0 for table 四 in its official one-row form). */
  labelColumns: number;
  blocks: LayoutBlock[];
}

/**
 * official: as the national format prints it. compact: table 四 as 3 rows × 5 columns (行政复议 /
 * 行政诉讼 · 未经复议直接起诉 / 行政诉讼 · 复议后起诉), which reads better where merged cells cannot be drawn.
 * Tables 二 and 三 look the same in both.
 */
export type TableVariant = 'official' | 'compact';

export interface LayoutOptions {
  variant?: TableVariant;
  format?: ReportFormat;
  /** Cells the importer inferred (cellInferred findings): marked so they never look like printed ones. */
  inferred?: ReadonlySet<CellAddress>;
}

/** The mark after an inferred cell's number, explained under the table. */
export const INFERRED_MARK = '*';
export const INFERRED_LEGEND = '* 原报告未印出，由表内合计推算。';

/** The cells the importer inferred, from a report's findings. */
export function inferredCells(findings: readonly { check: string; cells: readonly CellAddress[] }[]): Set<CellAddress> {
  return new Set(findings.filter((f) => f.check === 'cellInferred').flatMap((f) => f.cells));
}

function markInferred(layout: TableLayout, inferred: ReadonlySet<CellAddress> | undefined): TableLayout {
  if (!inferred || inferred.size === 0) return layout;
  for (const block of layout.blocks)
    for (const row of block.body)
      for (const cell of row.cells)
        if (cell.kind === 'value' && cell.value !== null && inferred.has(cell.cell)) {
          cell.inferred = true;
          cell.text += INFERRED_MARK;
        }
  return layout;
}

function valueCell(
  format: ReportFormat,
  table: TableKey,
  row: string,
  column: string,
  cells: Cells,
  colSpan = 1,
): ValueCell {
  const address = cellAddress(table, row, column);
  const value = cells[address] ?? null;
  const decimal = format.cellByAddress.get(address)?.decimal ?? false;
  return { kind: 'value', cell: address, value, decimal, text: formatCellValue(value), rowSpan: 1, colSpan };
}

/** A row's label path, outermost group first. */
function labelPath(entry: LabelledKey, top?: string): string[] {
  return [top, entry.parentGroup, entry.group, entry.label].filter((t): t is string => t !== undefined);
}

function emptyRows(count: number): LayoutRow[] {
  return Array.from({ length: count }, () => ({ cells: [] }));
}

/** One 第二十条 item of table 二: its label, its columns and its rows (2021 format, or the 2019 format's own). */
export interface ItemGroup {
  label: string;
  columns: readonly { label: string }[];
  rows: readonly { label: string }[];
}

/**
 * Table 二: each item its own block (item label across the block, then the item header + its column labels,
 * then its rows, whose value cells `cellsOf` gives, each `span` columns wide), all in one grid as wide as the widest item; a narrower
 * item's last column stretches.
 */
export function itemBlocksLayout<G extends ItemGroup>(
  itemHeader: string,
  groups: readonly G[],
  cellsOf: (row: G['rows'][number], group: G, span: (column: number) => number) => ValueCell[],
): TableLayout {
  const valueColumns = Math.max(1, ...groups.map((g) => g.columns.length));
  const columns = 1 + valueColumns;
  const blocks = groups.map((group): LayoutBlock => {
    const span = (i: number): number => (i === group.columns.length - 1 ? valueColumns - i : 1);
    const caption: LabelCell = { kind: 'caption', text: group.label, rowSpan: 1, colSpan: columns };
    const header: LayoutCell[] = [
      { kind: 'corner', text: itemHeader, rowSpan: 1, colSpan: 1, labelColumn: 0 },
      ...group.columns.map((c, i): LabelCell => ({ kind: 'columnLabel', text: c.label, rowSpan: 1, colSpan: span(i) })),
    ];
    const body = group.rows.map((row) => ({
      cells: [
        { kind: 'rowLabel', text: row.label, rowSpan: 1, colSpan: 1, labelColumn: 0 } satisfies LabelCell,
        ...cellsOf(row, group, span),
      ],
    }));
    return { head: [{ cells: [caption] }, { cells: header }], body };
  });
  return { table: 'proactive', columns, labelColumns: 1, blocks };
}

/** Column headers from label paths: group labels one row high, leaf labels reaching the last header row. */
function headerRows(paths: readonly (readonly string[])[]): { rows: LayoutRow[]; depth: number } {
  const tree = spanPaths(paths);
  const rows = emptyRows(tree.levels);
  for (const node of tree.nodes) {
    const cell: LabelCell = { kind: 'columnLabel', text: node.text, rowSpan: node.depth, colSpan: node.breadth };
    if (node.group) cell.group = true;
    rows[node.level]?.cells.push(cell);
  }
  return { rows, depth: tree.levels };
}

/**
 * Table 三 (and table 四 compact): rows × columns with merged row groups on the left, merged column groups on
 * top, and the table's note in the corner over the label columns.
 */
function gridLayout(format: ReportFormat, def: GridTableDef, cells: Cells): TableLayout {
  const rowTree = spanPaths(def.rows.map((r) => labelPath(r)));
  const labelColumns = rowTree.levels;
  const head = headerRows(def.columns.map((c) => labelPath(c, def.columnHeader)));
  const corner: LabelCell = def.note
    ? { kind: 'note', text: def.note, rowSpan: head.depth, colSpan: labelColumns, labelColumn: 0 }
    : { kind: 'corner', text: '', rowSpan: head.depth, colSpan: labelColumns, labelColumn: 0 };
  head.rows[0]?.cells.unshift(corner);
  const body = def.rows.map((row, i): LayoutRow => {
    const labels = rowTree.nodes
      .filter((n) => n.start === i)
      .map((n): LabelCell => {
        const cell: LabelCell = {
          kind: 'rowLabel',
          text: n.text,
          rowSpan: n.breadth,
          colSpan: n.depth,
          labelColumn: n.level,
        };
        if (n.group) cell.group = true;
        return cell;
      });
    return { cells: [...labels, ...def.columns.map((c) => valueCell(format, def.key, row.key, c.key, cells))] };
  });
  return {
    table: def.key,
    columns: labelColumns + def.columns.length,
    labelColumns,
    blocks: [{ head: head.rows, body }],
  };
}

/**
 * Table 四 as printed: ONE row of numbers; each row key of the format becomes a run of columns under its
 * label path (行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉), with the result labels under each.
 */
function oneRowLayout(format: ReportFormat, def: GridTableDef, cells: Cells): TableLayout {
  const paths = def.rows.flatMap((r) => def.columns.map((c) => [...labelPath(r), c.label]));
  const head = headerRows(paths);
  const values = def.rows.flatMap((r) => def.columns.map((c) => valueCell(format, def.key, r.key, c.key, cells)));
  return {
    table: def.key,
    columns: paths.length,
    labelColumns: 0,
    blocks: [{ head: head.rows, body: [{ cells: values }] }],
  };
}

/** The layout of one table of the report. */
export function layoutTable(table: TableKey, cells: Cells, options: LayoutOptions = {}): TableLayout {
  return markInferred(plainLayout(table, cells, options), options.inferred);
}

function plainLayout(table: TableKey, cells: Cells, options: LayoutOptions): TableLayout {
  const format = options.format ?? FORMAT_2021;
  switch (table) {
    case 'proactive':
      return itemBlocksLayout(format.proactive.itemHeader, format.proactive.groups, (row, group, span) =>
        group.columns.map((c, i) => valueCell(format, 'proactive', row.key, c.key, cells, span(i))),
      );
    case 'applications':
      return gridLayout(format, format.applications, cells);
    case 'reviewLitigation':
      return options.variant === 'compact'
        ? gridLayout(format, format.reviewLitigation, cells)
        : oneRowLayout(format, format.reviewLitigation, cells);
  }
}

/** Every value cell of a layout, in reading order. */
export function valueCells(layout: TableLayout): ValueCell[] {
  return layout.blocks
    .flatMap((b) => [...b.head, ...b.body])
    .flatMap((r) => r.cells.filter((c): c is ValueCell => c.kind === 'value'));
}

/** The table a section prints, if it is a table section. */
export function sectionTable(key: SectionKey): TableKey | null {
  return TABLE_KEYS.find((t) => t === key) ?? null;
}

/** Share of the table width for one value column, and for one group label column, in percent. */
const VALUE_COLUMN = 8;
const GROUP_COLUMN = 6;
/** Up to this many columns (table 二) every column gets an even share, as in the official table. */
const FEW_COLUMNS = 5;

/**
 * Column widths in percent for fixed-width targets (A4 print, .docx): value columns equal, group label
 * columns narrow, the innermost label column the rest; a table with few columns splits evenly.
 */
export function columnWidths(layout: Pick<TableLayout, 'columns' | 'labelColumns'>): number[] {
  const values = layout.columns - layout.labelColumns;
  if (layout.labelColumns === 0) return Array.from({ length: values }, () => 100 / values);
  const value = layout.columns <= FEW_COLUMNS ? 100 / layout.columns : VALUE_COLUMN;
  const groups = layout.labelColumns - 1;
  const label = 100 - value * values - GROUP_COLUMN * groups;
  return [...Array.from({ length: groups }, () => GROUP_COLUMN), label, ...Array.from({ length: values }, () => value)];
}
