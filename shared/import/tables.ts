/**
 * Reading tables 二, 三 and 四 from the lines of their parts. Each table is one token stream; rows are found
 * by label (assign.ts) and their values resolved to cells (align.ts). Table 四 is usually printed as one
 * row of 15 numbers under a two-level header; printed as three labelled rows of 5 it is read row by row.
 * A table whose header leaves out the 总计 column is read without it (the equations give the totals); table
 * 二 printed in the 2019 format (其他对外管理服务事项, 对外公开总数量 …) is read into its own cells (the 2019
 * format's columns: 本年新制作数量 is not 本年制发件数), never into the 2021 ones;
 * table 三 in the 2019 format has one （六）其他处理 row, read into its own cells (not the 2021 format's three).
 */
import { FEE_CELL, FORMAT_2021, cellAddress, type CellAddress } from '../format';
import {
  AMOUNT_CELL_2019,
  APPLICATION_ROWS_2019,
  OTHER_PROCESSING_2019,
  OTHER_PROCESSING_ROWS_2021,
  PROACTIVE_GROUPS_2019,
  proactiveCell2019,
} from '../format/format-2019';
import { OLD_FORMAT_HEADERS, TOTAL_WORDS } from './aliases';
import { resolveRow, type CellRead, type RowResult } from './align';
import { assignRows, segments, splitOverflow, type OverflowRule, type Segment } from './assign';
import { EQUATIONS, equationsWithin } from './equations';
import { feasible } from './propagate';
import { rowSpec, scoreRows, type RowSpec } from './match';
import { labelKey } from './normalize';
import type { Line } from './sections';
import { tableTokens, type Token, type ValueToken } from './tokens';

export interface TableRead {
  cells: Map<CellAddress, CellRead>;
  /** Rows that had fewer values than columns, for their findings. */
  shortRows: RowResult[];
}

/** The format a report was printed in: its table 二 and 三 differ (../format/format-2019.ts). */
export type PrintedFormat = '2021' | '2019';

const isDecimal = (cell: CellAddress): boolean => cell === FEE_CELL || cell === AMOUNT_CELL_2019;
const isSigned = (cell: CellAddress): boolean => proactiveCell2019(cell)?.kind === 'signed';

const PROACTIVE_ROWS: RowSpec[] = FORMAT_2021.proactive.groups.flatMap((g) =>
  g.rows.map((r) =>
    rowSpec(
      r.key,
      r.label,
      g.columns.map((c) => cellAddress('proactive', r.key, c.key)),
    ),
  ),
);

function gridRows(table: 'applications' | 'reviewLitigation', withTotal: boolean): RowSpec[] {
  const def = FORMAT_2021[table];
  const columns = def.columns.filter((c) => withTotal || c.key !== 'total');
  return def.rows.map((r) =>
    rowSpec(
      r.key,
      r.label,
      columns.map((c) => cellAddress(table, r.key, c.key)),
    ),
  );
}

/** The row a segment's label names best, if any. */
function bestRow(rows: readonly RowSpec[], s: Segment): RowSpec | undefined {
  const scores = scoreRows(s.texts, rows);
  const best = Math.max(...scores);
  return best > 0 ? rows[scores.indexOf(best)] : undefined;
}

function overflowRule(rows: readonly RowSpec[]): OverflowRule {
  // All rows of a grid have one width; an unnamed run of table 二 (widths differ) is not split.
  const widths = new Set(rows.map((r) => r.cells.length));
  const gridWidth = widths.size === 1 ? (rows[0]?.cells.length ?? 0) : 0;
  return {
    width: (s) => bestRow(rows, s)?.cells.length ?? gridWidth,
    // Strict: every value a number and the row's total exact (a dash or blank could fit anything).
    fits: (s, values) => {
      const row = bestRow(rows, s) ?? rows[0];
      if (!row || values.some((v) => v.kind !== 'num')) return false;
      const at = new Map(row.cells.map((c, i) => [c, slotNumber(values[i])]));
      return equationsWithin(row.cells, EQUATIONS).every((eq) => feasible(eq, (c) => at.get(c) ?? null));
    },
  };
}

function slotNumber(token: ValueToken | undefined): number | null {
  return token?.kind === 'num' ? token.value : null;
}

/**
 * The values of a row: blank cells printed right after its label count as its first cells only when they
 * make up exactly the row's width (otherwise they are merged label columns of the layout). In a pipe table,
 * values right after the label with blank cells printed after them (“规章 | 0 | 0 | |”) are the row's first
 * cells, the rest blank: every cell is delimited, so the first value stands in the first column.
 */
function rowValues(seg: Segment | undefined, width: number): ValueToken[] | undefined {
  if (!seg) return undefined;
  const lead = seg.lead ?? 0;
  const trail = seg.trail ?? 0;
  if (lead === 0 && seg.values.length > 0 && seg.values.length < width && seg.values.length + trail >= width) {
    const line = seg.values[seg.values.length - 1]?.line ?? 0;
    const blanks = Array.from({ length: width - seg.values.length }, (): ValueToken => ({ kind: 'blank', line }));
    return [...seg.values, ...blanks];
  }
  if (lead === 0 || seg.values.length >= width || seg.values.length + lead !== width) return seg.values;
  const line = seg.texts[seg.texts.length - 1]?.line ?? 0;
  return [...Array.from({ length: lead }, (): ValueToken => ({ kind: 'blank', line })), ...seg.values];
}

function resolve(rows: readonly RowSpec[], segmentOf: (row: RowSpec) => Segment | undefined): TableRead {
  const cells = new Map<CellAddress, CellRead>();
  const shortRows: RowResult[] = [];
  for (const row of rows) {
    const seg = segmentOf(row);
    const values = rowValues(seg, row.cells.length);
    const result = resolveRow({
      cells: row.cells,
      values,
      equations: equationsWithin(row.cells, EQUATIONS),
      isDecimal,
      isSigned,
      reason: seg?.unreadable,
    });
    for (const [c, r] of result.cells) cells.set(c, r);
    if (result.shortBy) shortRows.push(result);
  }
  return { cells, shortRows };
}

/**
 * Segments that carry values, or blank cells under a label that names a row. Blank cells before the first
 * value are the header's (a merged 申请人情况 cell, the column labels ending with 其他): never a row, which
 * would push the rows after it out of order.
 */
function tableSegments(tokens: readonly Token[], rows: readonly RowSpec[]): Segment[] {
  const all = segments(tokens);
  const first = all.findIndex((s) => s.values.length > 0);
  return all.filter((s, i) => s.values.length > 0 || (i > first && first >= 0 && bestRow(rows, s) !== undefined));
}

/** Every equation among the cells holds for the values (each cell a number); false when none applies. */
function confirmedBy(cells: readonly CellAddress[], values: readonly ValueToken[]): boolean {
  const at = new Map(cells.map((c, i) => [c, slotNumber(values[i])]));
  const equations = equationsWithin(cells, EQUATIONS);
  return (
    equations.length > 0 &&
    equations.every((eq) => {
      const sum = (side: readonly CellAddress[]) => side.reduce((n, c) => n + (at.get(c) ?? Number.NaN), 0);
      return sum(eq.left) === sum(eq.right);
    })
  );
}

/**
 * Labels apart from their numbers (a PDF's text: the rows' labels one after another, then all their
 * numbers): a segment with two or more labels naming rows in the table's order and more values than its
 * last row takes. The values go to the rows in label order, as many as each row has columns — taken only
 * when the counts agree exactly and every row's own equation (总计 = its parts) holds with them; otherwise
 * none of the rows takes a number (null, with the reason), since any other reading would be a guess.
 */
function placeLabelBlocks(segs: readonly Segment[], rows: readonly RowSpec[], refuse = false): Segment[] {
  return segs.flatMap((seg): Segment[] => {
    const last = bestRow(rows, seg);
    if (!last || seg.values.length <= last.cells.length) return [seg];
    const named = seg.texts.flatMap((t) => {
      const row = bestRow(rows, { texts: [t], values: [] });
      return row ? [{ text: t, row }] : [];
    });
    if (new Set(named.map((n) => n.row.key)).size < 2) return [seg];
    // Labels apart: the last label's line holds none of the numbers (else it is that row's line, and the
    // numbers beyond its width are rows whose labels were lost: splitOverflow).
    const lastLine = named[named.length - 1]?.text.line ?? -1;
    if (seg.values.some((v) => v.line <= lastLine)) return [seg];
    // The labels just before the numbers, back to the first that breaks the table's order (a header word).
    const labelled: typeof named = [];
    for (const n of [...named].reverse()) {
      const next = labelled[0];
      if (next && rows.indexOf(n.row) >= rows.indexOf(next.row)) break;
      labelled.unshift(n);
    }
    const inOrder = labelled.length >= 2;
    const width = labelled.reduce((n, l) => n + l.row.cells.length, 0);
    let offset = 0;
    const placed = labelled.map((l) => {
      const values = seg.values.slice(offset, offset + l.row.cells.length);
      offset += l.row.cells.length;
      return { ...l, values };
    });
    const confirmed =
      inOrder &&
      seg.values.length === width &&
      placed.every((p) => p.values.every((v) => v.kind === 'num') && confirmedBy(p.row.cells, p.values));
    if (confirmed && !refuse) return placed.map((p) => ({ texts: [p.text], values: p.values }));
    const why = refuse
      ? '各行标签与数字分开印出，按行序与按标签就近两种放置都符合本表的合计关系而结果不同，无法确定各数所在行'
      : !inOrder
        ? '各行标签与数字分开印出，标签顺序与表格不符，无法确定各数所在行'
        : seg.values.length !== width
          ? `各行标签与数字分开印出，共印有 ${seg.values.length} 个数，与 ${labelled.length} 行的列数之和 ${width} 不符，无法确定各数所在行`
          : '各行标签与数字分开印出，按行序放置未能由本表的合计关系确认，无法确定各数所在行';
    const rowsNamed = inOrder ? labelled : named.slice(-1);
    return rowsNamed.map((l) => ({ texts: [l.text], values: [], unreadable: why }));
  });
}

function readSegments(segs: readonly Segment[], rows: readonly RowSpec[]): TableRead {
  const matched = assignRows(splitOverflow(segs, overflowRule(rows)), rows);
  return resolve(rows, (row) => matched.get(row.key));
}

/** Whether every equation of the table can still hold with the cells read (nulls free, never negative). */
function tableFeasible(read: TableRead, rows: readonly RowSpec[]): boolean {
  const get = (c: CellAddress): number | null => read.cells.get(c)?.value ?? null;
  return equationsWithin(
    rows.flatMap((r) => r.cells),
    EQUATIONS,
  ).every((eq) => feasible(eq, get));
}

function sameCells(a: TableRead, b: TableRead): boolean {
  return [...a.cells].every(([c, r]) => (b.cells.get(c)?.value ?? null) === r.value);
}

/**
 * Rows read by label. Where labels stand apart from their numbers (placeLabelBlocks), the reading by row
 * order is checked against the reading by nearest label on the whole table's equations: it is taken when
 * both agree, or when only it keeps every equation; when both keep them and differ, the rows of the
 * block are unreadable — the equations do not confirm either placement.
 */
function readRows(tokens: readonly Token[], rows: readonly RowSpec[]): TableRead {
  const segs = tableSegments(tokens, rows);
  const byLabel = readSegments(segs, rows);
  const blocks = placeLabelBlocks(segs, rows);
  if (blocks.length === segs.length && blocks.every((b, i) => b === segs[i])) return byLabel;
  const byOrder = readSegments(blocks, rows);
  if (sameCells(byOrder, byLabel)) return byOrder;
  // Confirmed: every equation that touches the block's rows has all its cells read, and holds.
  const blockCells = new Set(blocks.filter((b) => !segs.includes(b)).flatMap((b) => bestRow(rows, b)?.cells ?? []));
  const touching = equationsWithin(
    rows.flatMap((r) => r.cells),
    EQUATIONS,
  ).filter((eq) => [...eq.left, ...eq.right].some((c) => blockCells.has(c)));
  const confirmed = (read: TableRead): boolean =>
    touching.length > 0 &&
    touching.every((eq) => {
      const get = (c: CellAddress): number | null => read.cells.get(c)?.value ?? null;
      return [...eq.left, ...eq.right].every((c) => get(c) !== null) && feasible(eq, get);
    });
  if (confirmed(byOrder) && !confirmed(byLabel)) return byOrder;
  const orderHolds = tableFeasible(byOrder, rows);
  const labelHolds = tableFeasible(byLabel, rows);
  if (orderHolds && !labelHolds) return byOrder;
  if (labelHolds && !orderHolds) return byLabel;
  return readSegments(placeLabelBlocks(segs, rows, true), rows);
}

/** Every cell of the rows unreadable for one reason. */
function unreadableRows(rows: readonly RowSpec[], reason: string): TableRead {
  return {
    cells: new Map(rows.flatMap((r) => r.cells.map((c): [CellAddress, CellRead] => [c, { value: null, reason }]))),
    shortRows: [],
  };
}

/** The header: the words before the table's first number. */
function headerKey(tokens: readonly Token[]): string {
  const first = tokens.findIndex((t) => t.kind === 'num' || t.kind === 'marker');
  return labelKey(
    tokens
      .slice(0, first < 0 ? tokens.length : first)
      .map((t) => (t.kind === 'text' ? t.text : ''))
      .join(''),
  );
}

/** A header that names the columns but no 总计 column. */
function headerLacksTotal(tokens: readonly Token[], columnWords: readonly string[]): boolean {
  const header = headerKey(tokens);
  return columnWords.every((w) => header.includes(w)) && !TOTAL_WORDS.some((w) => header.includes(w));
}

/** Why a table part with no number at all is unreadable: the table was published as an image, or left out. */
const NO_NUMBERS = '该部分没有表格的数字，表格可能以图片发布';
const hasNumbers = (tokens: readonly Token[]): boolean => tokens.some((t) => t.kind === 'num' || t.kind === 'marker');

const PROACTIVE_ROWS_2019: RowSpec[] = PROACTIVE_GROUPS_2019.flatMap((g) =>
  g.rows.map((r) =>
    rowSpec(
      r.key,
      r.label,
      r.cells.map((c) => c.address),
    ),
  ),
);

/** An amount written with its unit in the cell (“251000元”, “25.1万元”). */
const AMOUNT_WITH_UNIT = /(\d[\d,]*(?:\.\d+)?)\s*(万?)元/g;
/** The unit in the 采购总金额 header (“采购总金额（万元）”). */
const AMOUNT_HEADER_UNIT = /采购总金额\s*[（(]\s*(万?元)\s*[)）]/;

const toYuan = (n: number, wan: boolean): number => (wan ? Math.round(n * 1_000_000) / 100 : n);

/**
 * Table 二 printed in the 2019 format, into its own cells. 采购总金额 is kept in 元: the unit printed in the
 * cell, else in its header; a bare amount under no unit is unreadable (the 2019 format fixes none).
 */
function readProactive2019(lines: readonly Line[]): TableRead {
  const header = AMOUNT_HEADER_UNIT.exec(lines.map((l) => l.text).join(''))?.[1];
  let unitInCell = false;
  const withoutUnits = lines.map((l) => ({
    ...l,
    text: l.text.replace(AMOUNT_WITH_UNIT, (_, n: string, wan: string) => {
      unitInCell = true;
      return String(toYuan(Number(n.replace(/,/g, '')), wan === '万'));
    }),
  }));
  const tokens = tableTokens(withoutUnits);
  if (!hasNumbers(tokens)) return unreadableRows(PROACTIVE_ROWS_2019, NO_NUMBERS);
  const read = readRows(tokens, PROACTIVE_ROWS_2019);
  const amount = read.cells.get(AMOUNT_CELL_2019);
  if (amount?.value != null && !unitInCell) {
    read.cells.set(
      AMOUNT_CELL_2019,
      header === undefined
        ? { value: null, reason: `印为 ${amount.value}，未注明单位（元或万元）` }
        : { ...amount, value: toYuan(amount.value, header === '万元') },
    );
  }
  // A short row's finding names 2021 cells; a 2019 row's cells say it in their reasons.
  return { cells: read.cells, shortRows: [] };
}

export function readProactive(lines: readonly Line[], format: PrintedFormat = '2021'): TableRead {
  const tokens = tableTokens(lines);
  const old = OLD_FORMAT_HEADERS.some((w) => tokens.some((t) => t.kind === 'text' && labelKey(t.text).includes(w)));
  if (old || format === '2019') return readProactive2019(lines);
  if (!hasNumbers(tokens)) return unreadableRows(PROACTIVE_ROWS, NO_NUMBERS);
  const reordered = numbersAfterLabels(tokens, PROACTIVE_ROWS);
  if (reordered === 'unpaired') {
    // Numbers before their labels that do not pair up: by nearest label each would go to the row above its own.
    const read = readRows(tokens, PROACTIVE_ROWS);
    const refused = unreadableRows(
      PROACTIVE_ROWS.filter((r) => r.cells.length === 1),
      NUMBERS_BEFORE_LABELS,
    );
    return {
      ...read,
      cells: new Map([...read.cells, ...refused.cells]),
      shortRows: read.shortRows.filter((r) => ![...r.cells.keys()].some((c) => refused.cells.has(c))),
    };
  }
  return readRows(reordered ?? tokens, PROACTIVE_ROWS);
}

const BLOCK_START = /^第二十条第/;

/**
 * Plain text from a PDF prints some of table 二's blocks (第二十条第（五）项 …) number first: “本年处理决定数量 / 5 /
 * 行政处罚 / 7 / 行政强制”, others label first, as each block's cells fall on the page. A block is number first
 * when a number comes before any row label in it; its numbers are moved after the label that follows them, as
 * many as that row has columns. Undefined when nothing is number first; when a number-first block does not
 * pair up exactly ('unpaired': its rows are then left null, never guessed).
 */
function numbersAfterLabels(tokens: readonly Token[], rows: readonly RowSpec[]): Token[] | 'unpaired' | undefined {
  const out: Token[] = [];
  // Only inside the blocks: what stands before the first 第二十条 heading (a run-together page's text) is left as it is.
  let mode: 'numberFirst' | 'labelFirst' | 'outside' | undefined = 'outside';
  let pending: ValueToken[] = [];
  let moved = false;
  for (const t of tokens) {
    if (t.kind !== 'text') {
      if (mode === undefined && t.kind === 'num') mode = 'numberFirst';
      if (mode === 'numberFirst') pending.push(t);
      else out.push(t);
      continue;
    }
    if (BLOCK_START.test(labelKey(t.text))) {
      if (pending.length > 0) return 'unpaired';
      mode = undefined;
    }
    // A heading run together with its first label (“第二十条第（五）项 … 行政许可”) makes the block label first.
    const row = bestRow(rows, { texts: [t], values: [] });
    if (row && mode === undefined) mode = 'labelFirst';
    out.push(t);
    if (row && mode === 'numberFirst') {
      if (pending.length !== row.cells.length) return 'unpaired';
      out.push(...pending.map((v) => ({ ...v, line: t.line })));
      pending = [];
      moved = true;
    }
  }
  if (pending.length > 0) return 'unpaired';
  return moved ? out : undefined;
}

const NUMBERS_BEFORE_LABELS = 'PDF 提取的文字把数字印在行标签之前，无法确定各数所在行';

/** The 2021 format's sub-rows of （六）其他处理, by their words: a table 三 printing them is read with them. */
const OTHER_SUBROWS_2021 = /逾期不补正|逾期未按收费通知|逾期未缴纳/;

/**
 * Table 三 as the 2019 format prints it: （六）其他处理 one row, read into cells of its own
 * (../format/other-processing-2019.ts), where the 2021 format has three.
 */
function rows2019(withTotal: boolean): RowSpec[] {
  const rows2021 = gridRows('applications', withTotal);
  const columns = FORMAT_2021.applications.columns.filter((c) => withTotal || c.key !== 'total');
  const at = rows2021.findIndex((r) => r.key === OTHER_PROCESSING_ROWS_2021[0]);
  const label = APPLICATION_ROWS_2019.find((r) => r.key === OTHER_PROCESSING_2019)?.label ?? '（六）其他处理';
  const other = rowSpec(
    OTHER_PROCESSING_2019,
    label,
    columns.map((c) => cellAddress('applications', OTHER_PROCESSING_2019, c.key)),
  );
  return [
    ...rows2021.slice(0, at),
    other,
    ...rows2021.filter((r) => !(OTHER_PROCESSING_ROWS_2021 as readonly string[]).includes(r.key)).slice(at),
  ];
}

export function readApplications(lines: readonly Line[], format: PrintedFormat = '2021'): TableRead {
  const tokens = tableTokens(lines);
  const withTotal = !headerLacksTotal(tokens, ['自然人', '法律服务机构']);
  const in2019 = format === '2019' && !tokens.some((t) => t.kind === 'text' && OTHER_SUBROWS_2021.test(t.text));
  if (!hasNumbers(tokens)) return unreadableRows(in2019 ? rows2019(true) : gridRows('applications', true), NO_NUMBERS);
  if (in2019) return readRows(tokens, rows2019(withTotal));
  return readRows(tokens, gridRows('applications', withTotal));
}

/** Text between the table's first and last number. */
function interleaved(tokens: readonly Token[]): boolean {
  const first = tokens.findIndex((t) => t.kind === 'num');
  const last = tokens.map((t) => t.kind === 'num').lastIndexOf(true);
  return first >= 0 && tokens.slice(first, last).some((t) => t.kind === 'text');
}

/** Every equation among the cells holds with the values read (none left null). */
function totalsHold(read: TableRead, cells: readonly CellAddress[]): boolean {
  const value = (c: CellAddress): number | null => {
    const r = read.cells.get(c);
    return r && r.value !== null ? r.value : null;
  };
  return equationsWithin(cells, EQUATIONS).every((eq) => {
    const sides = [eq.left, eq.right].map((side) => side.map(value));
    if (sides.some((side) => side.some((v) => v === null))) return false;
    const [l = [], r = []] = sides as number[][];
    return l.reduce((a, b) => a + b, 0) === r.reduce((a, b) => a + b, 0);
  });
}

export function readReviewLitigation(lines: readonly Line[]): TableRead {
  const tokens = tableTokens(lines);
  if (!hasNumbers(tokens)) return unreadableRows(gridRows('reviewLitigation', true), NO_NUMBERS);
  const rows = gridRows('reviewLitigation', !headerLacksTotal(tokens, ['结果维持', '尚未审结']));
  const width = rows[0]?.cells.length ?? 5;
  const segs = tableSegments(tokens, rows);
  const matched = assignRows(segs, rows);
  const perRow =
    segs.length >= 2 && segs.length <= 3 && matched.size === segs.length && segs.every((s) => s.values.length <= width);
  if (perRow) return resolve(rows, (row) => matched.get(row.key));
  // One row of 15 (or 12) cells: 行政复议 | 未经复议直接起诉 | 复议后起诉.
  const flat: RowSpec = {
    key: 'reviewLitigation',
    label: '行政复议、行政诉讼',
    keys: [],
    cells: rows.flatMap((r) => r.cells),
  };
  // Table 四 has this one row: values beyond its cells are not another row's. Markers or blanks that push
  // the count over are dropped when the numbers alone fill the row exactly; otherwise no placement is sure.
  let values = segs.flatMap((s) => s.values);
  if (values.length > flat.cells.length) {
    const numbers = values.filter((v) => v.kind === 'num');
    if (numbers.length !== flat.cells.length)
      return unreadableRows([flat], `印有 ${values.length} 个数（应为 ${flat.cells.length} 个），无法确定各数所在列`);
    values = numbers;
  }
  const read = resolve([flat], () => ({ texts: [], values }));
  // Numbers with words between them (a PDF's text run out of reading order: “72 64 178 37 结果 … 12 1 1 6
  // 总计 351 …”) stand in an order nothing vouches for: taken only where every row's total confirms it.
  if (interleaved(tokens) && !totalsHold(read, flat.cells)) {
    return unreadableRows(
      [flat],
      '表中数字与文字交错（如 PDF 提取的文本顺序错乱），按顺序放置与各行总计不符，无法确定各数所在列',
    );
  }
  return read;
}
