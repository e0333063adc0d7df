/**
 * Reading tables 二, 三 and 四 from the lines of their parts. Each table is one token stream; rows are found
 * by label (assign.ts) and their values resolved to cells (align.ts). Table 四 is usually printed as one
 * row of 15 numbers under a two-level header; printed as three labelled rows of 5 it is read row by row.
 */
import { FEE_CELL, FORMAT_2021, cellAddress, type CellAddress } from '../format';
import { resolveRow, type CellRead, type RowResult } from './align';
import { assignRows, segments, splitOverflow, type OverflowRule, type Segment } from './assign';
import { EQUATIONS, equationsWithin } from './equations';
import { feasible } from './propagate';
import { rowSpec, scoreRows, type RowSpec } from './match';
import type { Line } from './sections';
import { tableTokens, type ValueToken } from './tokens';

export interface TableRead {
  cells: Map<CellAddress, CellRead>;
  /** Rows that had fewer values than columns, for their findings. */
  shortRows: RowResult[];
}

const isDecimal = (cell: CellAddress): boolean => cell === FEE_CELL;

const PROACTIVE_ROWS: RowSpec[] = FORMAT_2021.proactive.groups.flatMap((g) =>
  g.rows.map((r) => rowSpec(r.key, r.label, g.columns.map((c) => cellAddress('proactive', r.key, c.key)))),
);

function gridRows(table: 'applications' | 'reviewLitigation'): RowSpec[] {
  const def = FORMAT_2021[table];
  return def.rows.map((r) => rowSpec(r.key, r.label, def.columns.map((c) => cellAddress(table, r.key, c.key))));
}
const APPLICATION_ROWS = gridRows('applications');
const REVIEW_ROWS = gridRows('reviewLitigation');

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

function resolve(rows: readonly RowSpec[], segmentOf: (row: RowSpec) => Pick<Segment, 'values' | 'unreadable'> | undefined): TableRead {
  const cells = new Map<CellAddress, CellRead>();
  const shortRows: RowResult[] = [];
  for (const row of rows) {
    const seg = segmentOf(row);
    const result = resolveRow({ cells: row.cells, values: seg?.values, equations: equationsWithin(row.cells, EQUATIONS), isDecimal, reason: seg?.unreadable });
    for (const [c, r] of result.cells) cells.set(c, r);
    if (result.shortBy) shortRows.push(result);
  }
  return { cells, shortRows };
}

function readRows(lines: readonly Line[], rows: readonly RowSpec[]): TableRead {
  const segs = splitOverflow(segments(tableTokens(lines)), overflowRule(rows));
  const matched = assignRows(segs, rows);
  return resolve(rows, (row) => matched.get(row.key));
}

export function readProactive(lines: readonly Line[]): TableRead {
  return readRows(lines, PROACTIVE_ROWS);
}

export function readApplications(lines: readonly Line[]): TableRead {
  return readRows(lines, APPLICATION_ROWS);
}

/** Table 四 as one row of 15 cells: 行政复议 | 未经复议直接起诉 | 复议后起诉, 5 columns each. */
const REVIEW_FLAT: RowSpec = {
  key: 'reviewLitigation',
  label: '行政复议、行政诉讼',
  keys: [],
  cells: REVIEW_ROWS.flatMap((r) => r.cells),
};

export function readReviewLitigation(lines: readonly Line[]): TableRead {
  const segs = segments(tableTokens(lines));
  const matched = assignRows(segs, REVIEW_ROWS);
  const perRow = segs.length >= 2 && segs.length <= 3 && matched.size === segs.length && segs.every((s) => s.values.length <= 5);
  if (perRow) return resolve(REVIEW_ROWS, (row) => matched.get(row.key));
  const values = segs.flatMap((s) => s.values);
  return resolve([REVIEW_FLAT], () => ({ values }));
}
