/**
 * A report table as a phone draws it: the layout model (shared/render) placed on a CSS grid, with the row
 * labels folded into ONE label column, where group labels (三、本年度办理结果, （三）不予公开, 行政诉讼) become
 * heading rows and each level is indented. Column headers keep their merges (table 三's three header rows).
 * Table 二 keeps its four blocks; table 四 uses the layout's compact form (3 rows × 5 results) to fit 375 px.
 * The label column is as wide as the table's longest label, in em of the table's type, so a label such as
 * 行政规范性文件 stays on one line in 长辈模式 too. Where that leaves the numbers too little room (table 四's five
 * columns beside 未经复议直接起诉, a 2019 table 二's 其他对外管理服务事项), the table is stacked instead: each row
 * label across the whole width, its numbers on the line below under the column names.
 * Table 三 (8 columns, about 30 rows) does not fit a phone as a grid: a label column frozen in a sideways
 * scroller slides away with its containing block, and a header inside a sideways scroller cannot stick. So it is
 * drawn as one card per row instead: the row label on top, then its seven numbers in two lines, each under its own
 * column name (自然人, 商业企业 … 总计). Label and header sit beside every number, at any scroll position and in
 * 长辈模式, with no sideways scrolling at all.
 * The layout comes from the caller: shared/render's reportTable for a report (a 2019-format report's own table 二
 * and its one （六）其他处理 row, as the HTML, Markdown and Word renderers print it), layoutTable for bare cells.
 */
import {
  FORMAT_2021,
  tableLegends,
  toGrid,
  type LayoutBlock,
  type LayoutCell,
  type TableKey,
  type TableLayout,
} from 'gongkai-core';

/** One grid cell, with short keys: this goes through setData about 300 times for table 三. */
export interface GridCell {
  /** Text. */
  t: string;
  /** Classes (see report-view.wxss): cor, cap, col, lab, grp, in0–in2, hd, val z|nz|nul, fill. */
  k: string;
  /** Placement: `grid-area:row/column[/span r/span c]`. */
  s: string;
  /**
   * Value cells of the 2021 format only: index of the cell in its cell list, to explain it on tap. A 2019-format
   * report's own cells (its table 二, its （六） row) have none: the labels beside them are all there is to say.
   */
  i?: number;
}

export interface TableView {
  key: TableKey;
  /** Drawn stacked (see above): each row label on its own line, its numbers under it. */
  stacked?: boolean;
  /** Drawn as one card per row (table 三): each block is a group heading or a row's card. */
  cards: boolean;
  /** grid-template-columns for every block of the table. */
  style: string;
  /** Table 二 has four blocks, the others one; `n` numbers them (the wx:key). */
  blocks: { n: number; cells: GridCell[]; k?: 'key' | 'heading' | 'card' }[];
  /** Notes under the table: what “—” means if a cell is missing, what “*” means if one was inferred. */
  legends: string[];
}

/** Table 三 is drawn as cards; the others as grids. */
const CARDS: Record<TableKey, boolean> = { proactive: false, applications: true, reviewLitigation: false };

const VALUE_COLUMN = 'minmax(0, 1fr)';

/**
 * Room for a table on a 375 px phone, in rpx: 686 inside the page padding. 长辈模式 sets table text at 38 rpx
 * (styles/theme.wxss), the larger of the two modes, so a width that fits there fits in normal mode too.
 */
const PHONE_TABLE_RPX = 686;
const ELDER_TABLE_FONT_RPX = 38;
/** A number column needs three characters of room: a 5-digit figure, or a column name wrapped three a line. */
const MIN_VALUE_EM = 3;
/** A label cell's side padding and borders (report-view.wxss .c: 10 rpx each side), plus a little slack. */
const LABEL_PAD_RPX = 24;
/** The extra left padding of an indented label (.in1 36 rpx, .in2 60 rpx, against .c's 10). */
const INDENT_RPX = [0, 26, 50];

/** A text's width in em: Chinese characters and full-width marks 1, digits and Latin letters about 0.6. */
function emWidth(text: string): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) < 0x2000 ? 0.6 : 1;
  return Math.ceil(em * 10) / 10;
}

interface LabelColumn {
  /** grid-template-columns' first track, or '' when stacked. */
  width: string;
  stacked: boolean;
}

/**
 * The label column for a grid table: its longest body label (group headings span the row) in em, plus the
 * padding of the deepest indent. Stacked when, at 长辈模式's size, that leaves a number column under MIN_VALUE_EM.
 */
function labelColumn(layout: TableLayout): LabelColumn {
  let em = 0;
  let indent = 0;
  for (const block of layout.blocks) {
    const at = positions(block.body, layout.columns);
    for (const row of block.body)
      for (const cell of row.cells) {
        const c = at.get(cell)?.c ?? 0;
        if (cell.kind === 'value' || c >= layout.labelColumns || ('group' in cell && cell.group)) continue;
        em = Math.max(em, emWidth(cell.text));
        indent = Math.max(indent, INDENT_RPX[Math.min(c, 2)] ?? 0);
      }
  }
  const rpx = LABEL_PAD_RPX + indent;
  const valueColumns = layout.columns - layout.labelColumns;
  const left = PHONE_TABLE_RPX - rpx - em * ELDER_TABLE_FONT_RPX;
  const stacked = left / valueColumns < MIN_VALUE_EM * ELDER_TABLE_FONT_RPX;
  return { width: stacked ? '' : `calc(${em}em + ${rpx}rpx)`, stacked };
}

/**
 * Numbers per line of a card: 3 + 3 + 1 for table 三's seven columns. A third of 343 px holds a six-character name
 * (社会公益组织) on one line even at 长辈模式's 17 px; a quarter would break it inside a word.
 */
const CARD_COLUMNS = 3;

let cellIndex: Map<string, number> | null = null;

/** `{ i }` for a cell of the 2021 format, nothing for another (see GridCell.i). */
function indexOf(address: string): { i?: number } {
  if (cellIndex === null) cellIndex = new Map(FORMAT_2021.cells.map((c, i) => [c.address, i]));
  const i = cellIndex.get(address);
  return i === undefined ? {} : { i };
}

function area(row: number, column: number, rowSpan: number, colSpan: number): string {
  const base = `grid-area:${row}/${column}`;
  return rowSpan > 1 || colSpan > 1 ? `${base}/span ${rowSpan}/span ${colSpan}` : base;
}

function valueClass(value: number | null): string {
  if (value === null) return 'val nul';
  return value === 0 ? 'val z' : 'val nz';
}

/** The first grid position of every cell of a block (cells spanning several positions appear once). */
function positions(
  rows: readonly { cells: readonly LayoutCell[] }[],
  width: number,
): Map<LayoutCell, { r: number; c: number }> {
  const found = new Map<LayoutCell, { r: number; c: number }>();
  toGrid(rows, width).forEach((line, r) =>
    line.forEach((cell, c) => {
      if (!found.has(cell)) found.set(cell, { r, c });
    }),
  );
  return found;
}

/**
 * One block on the narrow grid: column 1 is the label column, value column j of the layout is column j + 2.
 * Stacked: no label column; a row label (and the corner, 信息内容) takes a line of its own above its numbers.
 */
function narrowBlock(block: LayoutBlock, layout: TableLayout, stacked: boolean): GridCell[] {
  const labels = layout.labelColumns;
  const hasLabel = labels > 0 && !stacked ? 1 : 0;
  const valueColumns = layout.columns - labels;
  const width = hasLabel + valueColumns;
  const rows = [...block.head, ...block.body];
  const at = positions(rows, layout.columns);
  const out: GridCell[] = [];
  const column = (c: number): number => c - labels + hasLabel + 1;

  let line = 1;
  block.head.forEach((row, r) => {
    const first = line;
    for (const cell of row.cells) {
      const p = at.get(cell) ?? { r, c: 0 };
      if (cell.kind === 'caption') out.push({ t: cell.text, k: 'cap', s: area(first, 1, 1, width) });
      else if (p.c >= labels)
        out.push({
          t: cell.text,
          k: cell.kind === 'columnLabel' && 'group' in cell && cell.group ? 'col grp' : 'col',
          s: area(line, column(p.c), cell.rowSpan, cell.colSpan),
        });
      else if (!stacked) out.push({ t: cell.text, k: 'cor', s: area(first, 1, cell.rowSpan, 1) });
      else if (cell.text) {
        out.push({ t: cell.text, k: 'cor', s: area(first, 1, 1, width) });
        line += 1;
      }
    }
    line += 1;
  });

  block.body.forEach((row, i) => {
    const r = block.head.length + i;
    let label: GridCell | null = null;
    const starting = row.cells.map((cell) => ({ cell, p: at.get(cell) ?? { r, c: 0 } })).sort((a, b) => a.p.c - b.p.c);
    for (const { cell, p } of starting) {
      if (cell.kind === 'value' || p.c >= labels) continue;
      const indent = ` in${Math.min(p.c, 2)}`;
      if ('group' in cell && cell.group) {
        out.push({ t: cell.text, k: `lab grp${indent}`, s: area(line, 1, 1, stacked ? width : 1) });
        if (valueColumns > 0 && !stacked) out.push({ t: '', k: 'fill', s: area(line, 2, 1, valueColumns) });
        line += 1;
      } else if (stacked) {
        out.push({ t: cell.text, k: `lab${indent}`, s: area(line, 1, 1, width) });
        line += 1;
      } else {
        label = { t: cell.text, k: `lab${indent}`, s: area(line, 1, 1, 1) };
      }
    }
    if (hasLabel) out.push(label ?? { t: '', k: 'lab', s: area(line, 1, 1, 1) });
    for (const { cell, p } of starting) {
      if (cell.kind !== 'value') continue;
      out.push({
        t: cell.text,
        k: valueClass(cell.value),
        s: area(line, column(p.c), 1, cell.colSpan),
        ...indexOf(cell.cell),
      });
    }
    line += 1;
  });
  return out;
}

/** The column names above value column c: the leaf header and, when different, the group over it. */
function columnNames(block: LayoutBlock, layout: TableLayout): string[] {
  const grid = toGrid(block.head, layout.columns);
  const names: string[] = [];
  for (let c = layout.labelColumns; c < layout.columns; c += 1) {
    const leaf = grid[grid.length - 1]?.[c];
    names.push(leaf?.text ?? '');
  }
  return names;
}

/**
 * Table 三 as cards: a first block naming the columns (申请人情况 and its groups, the corner's note), then per body
 * row either a group heading block or a card: label across the card, then lines of column name over number.
 */
function cardBlocks(block: LayoutBlock, layout: TableLayout): GridCell[][] {
  const names = columnNames(block, layout);
  const full = (line: number): string => area(line, 1, 1, CARD_COLUMNS);
  const at = positions([...block.head, ...block.body], layout.columns);
  // The key: what the cards do not repeat (申请人情况, 法人或其他组织 and the five kinds under it, the note).
  const key: GridCell[] = [];
  block.head.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.kind === 'value' || !cell.text) continue;
      const p = at.get(cell) ?? { r, c: 0 };
      if (cell.kind === 'columnLabel' && cell.colSpan === 1) continue;
      const first = p.c - layout.labelColumns;
      const under = cell.kind === 'columnLabel' ? names.slice(first, first + cell.colSpan) : [];
      const text = under.length > 0 && under.length < names.length ? `${cell.text}：${under.join('、')}` : cell.text;
      key.push({ t: text, k: cell.kind === 'note' || cell.kind === 'corner' ? 'cor' : 'cap', s: full(key.length + 1) });
    }
  });
  const blocks: GridCell[][] = [key];
  block.body.forEach((row, i) => {
    const r = block.head.length + i;
    const starting = row.cells.map((cell) => ({ cell, p: at.get(cell) ?? { r, c: 0 } })).sort((a, b) => a.p.c - b.p.c);
    let label: GridCell | null = null;
    for (const { cell, p } of starting) {
      if (cell.kind === 'value' || p.c >= layout.labelColumns) continue;
      const indent = ` in${Math.min(p.c, 2)}`;
      if ('group' in cell && cell.group) blocks.push([{ t: cell.text, k: `lab grp gh${indent}`, s: full(1) }]);
      else label = { t: cell.text, k: `lab title${indent}`, s: full(1) };
    }
    const card: GridCell[] = label ? [label] : [];
    for (const { cell, p } of starting) {
      if (cell.kind !== 'value') continue;
      const n = p.c - layout.labelColumns;
      const cardLine = 2 + 2 * Math.floor(n / CARD_COLUMNS);
      const column = (n % CARD_COLUMNS) + 1;
      card.push({ t: names[n] ?? '', k: 'hd', s: area(cardLine, column, 1, 1) });
      card.push({
        t: cell.text,
        k: valueClass(cell.value),
        s: area(cardLine + 1, column, 1, 1),
        ...indexOf(cell.cell),
      });
    }
    if (card.length > 0) blocks.push(card);
  });
  return blocks;
}

/** A table laid out in its compact variant (table 四 as 3 × 5), placed for a phone. */
export function tableView(layout: TableLayout): TableView {
  const key = layout.table;
  const cards = CARDS[key];
  const valueColumns = layout.columns - layout.labelColumns;
  const label = cards || layout.labelColumns === 0 ? { width: '', stacked: false } : labelColumn(layout);
  const template = cards
    ? `repeat(${CARD_COLUMNS}, ${VALUE_COLUMN})`
    : [...(label.width ? [label.width] : []), `repeat(${valueColumns}, ${VALUE_COLUMN})`].join(' ');
  return {
    key,
    cards,
    ...(label.stacked ? { stacked: true } : {}),
    style: `grid-template-columns:${template}`,
    blocks: cards
      ? layout.blocks
          .flatMap((block) => cardBlocks(block, layout))
          .map((cells, n) => ({ n, cells, k: n === 0 ? 'key' : cells[0]?.k.includes('gh') ? 'heading' : 'card' }))
      : layout.blocks.map((block, n) => ({ n, cells: narrowBlock(block, layout, label.stacked) })),
    legends: tableLegends(layout),
  };
}
