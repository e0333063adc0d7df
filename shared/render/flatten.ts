/**
 * Merged layout → plain grid and → a flat table without spans, for targets that cannot merge cells
 * (Markdown, plain text). Works on any layout, so no table is special-cased here.
 */
import type { LayoutBlock, LayoutCell, TableLayout } from './layout';

interface SpanLike {
  rowSpan: number;
  colSpan: number;
}

/**
 * Place spanned cells on a rectangular grid, each position pointing at the cell covering it.
 * Throws on overlaps, holes or ragged rows: a layout with any of them is a bug.
 */
export function toGrid<T extends SpanLike>(rows: readonly { cells: readonly T[] }[], width: number): T[][] {
  const grid: (T | undefined)[][] = rows.map(() => new Array<T | undefined>(width).fill(undefined));
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]?.[c] !== undefined) c += 1;
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        for (let dc = 0; dc < cell.colSpan; dc += 1) {
          const line = grid[r + dr];
          if (!line || c + dc >= width)
            throw new Error(`cell spans outside the ${rows.length}×${width} grid at row ${r}`);
          if (line[c + dc] !== undefined) throw new Error(`cells overlap at row ${r + dr}, column ${c + dc}`);
          line[c + dc] = cell;
        }
      }
      c += cell.colSpan;
    }
  });
  return grid.map((line, r) =>
    line.map((cell, c) => {
      if (cell === undefined) throw new Error(`no cell at row ${r}, column ${c}`);
      return cell;
    }),
  );
}

export interface FlatRow {
  /** Row labels joined outermost first ("三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密"); null without label columns. */
  label: string | null;
  cells: LayoutCell[];
}

export interface FlatTable {
  /** Labels across the whole block or all its value columns (第二十条第（一）项, 申请人情况), printed above. */
  captions: string[];
  /** Header of the label column; null when the layout has no label columns. */
  labelHeader: string | null;
  /** One header per value column, its group labels joined outermost first. */
  columnHeaders: string[];
  rows: FlatRow[];
}

export const PATH_SEPARATOR = ' / ';

function joinDistinct(cells: readonly LayoutCell[]): string {
  const seen = new Set<LayoutCell>();
  const texts: string[] = [];
  for (const cell of cells) {
    if (seen.has(cell)) continue;
    seen.add(cell);
    if (cell.text !== '') texts.push(cell.text);
  }
  return texts.join(PATH_SEPARATOR);
}

/** One block without spans: group labels fold into paths, stretched columns collapse to one. */
export function flattenBlock(block: LayoutBlock, layout: Pick<TableLayout, 'columns' | 'labelColumns'>): FlatTable {
  const { columns: width, labelColumns } = layout;
  const captions: string[] = [];
  const head = block.head.filter((row) => {
    const only = row.cells[0];
    const isCaption = row.cells.length === 1 && only !== undefined && only.colSpan === width;
    if (isCaption) captions.push(only.text);
    return !isCaption;
  });
  const grid = toGrid([...head, ...block.body], width);
  const headGrid = grid.slice(0, head.length);
  const bodyGrid = grid.slice(head.length);
  const valueRange = Array.from({ length: width - labelColumns }, (_, i) => labelColumns + i);
  // A column that only repeats its left neighbour everywhere was stretched by a span: keep one.
  const kept = valueRange.filter((p) => p === labelColumns || grid.some((line) => line[p] !== line[p - 1]));
  // A header over every value column says what all columns are about: print it as a caption instead.
  const acrossAll = new Set<LayoutCell>();
  for (const line of headGrid) {
    const first = line[labelColumns];
    if (kept.length > 1 && first && valueRange.every((p) => line[p] === first)) acrossAll.add(first);
  }
  for (const cell of acrossAll) captions.push(cell.text);
  const columnHeaders = kept.map((p) =>
    joinDistinct(headGrid.flatMap((line) => line.slice(p, p + 1)).filter((c) => !acrossAll.has(c))),
  );
  const labelsIn = (lines: readonly (readonly LayoutCell[])[]): string | null =>
    labelColumns === 0 ? null : joinDistinct(lines.flatMap((line) => line.slice(0, labelColumns)));
  return {
    captions,
    labelHeader: labelsIn(headGrid),
    columnHeaders,
    rows: bodyGrid.map((line) => ({ label: labelsIn([line]), cells: kept.flatMap((p) => line.slice(p, p + 1)) })),
  };
}
