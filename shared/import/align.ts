/**
 * From a row's printed values to its cells.
 *
 * Rule for a row with fewer values than columns (e.g. 6 of 7): every order-preserving placement of the
 * values in the columns is tried; a placement is kept when the row's own equations (总计 = sum of its
 * parts, all ≥ 0) can still hold, after filling what they determine. A cell takes a value only when every
 * kept placement gives it the same value (one kept placement: the values stand where it puts them; all
 * values equal: any placement gives the same cells). Otherwise the cell is unreadable. The table's other
 * equations (columns, balance) are applied later, to all rows at once.
 * A row with as many values as columns, or more, is read in order (the extra values are not this row's).
 */
import type { CellAddress } from '../format';
import type { Equation } from './equations';
import { feasible, propagate } from './propagate';
import type { ValueToken } from './tokens';

export type CellRead = { value: number; source: 'read' | 'aligned' | 'inferred' } | { value: null; reason: string };

export interface RowResult {
  cells: Map<CellAddress, CellRead>;
  /** Set when the row was short and some cells were placed or filled by its equations. */
  shortBy?: { printed: number; expected: number };
}

/** Enumerating placements beyond this many is pointless (they never agree); such a row is unreadable. */
const MAX_PLACEMENTS = 10_000;

/**
 * A printed value as a cell value: null (with why) when it is a marker, blank, negative or not whole. A
 * signed cell (the 2019 format's 本年增/减) may be negative.
 */
export function slotValue(
  token: ValueToken,
  decimal: boolean,
  signed = false,
): { value: number } | { value: null; reason: string } {
  if (token.kind === 'blank') return { value: null, reason: '空白' };
  if (token.kind === 'marker') return { value: null, reason: `印为“${token.raw}”` };
  const ok = (signed || token.value >= 0) && (decimal || Number.isInteger(token.value));
  return ok
    ? { value: token.value }
    : { value: null, reason: `印为“${token.raw}”，${decimal ? '不是非负数' : '不是非负整数'}` };
}

function* placements(n: number, k: number, start = 0): Generator<number[]> {
  if (k === 0) {
    yield [];
    return;
  }
  for (let i = start; i <= n - k; i += 1) {
    for (const rest of placements(n, k - 1, i + 1)) yield [i, ...rest];
  }
}

function choose(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i += 1) r = (r * (n - k + i)) / i;
  return r;
}

function allUnreadable(cells: readonly CellAddress[], reason: string): Map<CellAddress, CellRead> {
  return new Map(cells.map((c) => [c, { value: null, reason }]));
}

export interface RowInput {
  cells: readonly CellAddress[];
  values: readonly ValueToken[] | undefined;
  equations: readonly Equation[];
  isDecimal: (cell: CellAddress) => boolean;
  isSigned?: (cell: CellAddress) => boolean;
  /** Why there are no values, when the row's values were found but could not be used. */
  reason?: string | undefined;
}

export function resolveRow({ cells, values, equations, isDecimal, isSigned, reason }: RowInput): RowResult {
  if (!values || values.length === 0) return { cells: allUnreadable(cells, reason ?? '未找到该行的数字') };
  const n = cells.length;
  const slot = (t: ValueToken, cell: CellAddress) => slotValue(t, isDecimal(cell), isSigned?.(cell) ?? false);
  const slots = values.map((t, i) => slot(t, cells[i] ?? ''));
  if (values.length >= n) {
    const read = new Map<CellAddress, CellRead>();
    cells.forEach((cell, i) => {
      const s = slot(values[i] as ValueToken, cell);
      read.set(cell, s.value === null ? s : { value: s.value, source: 'read' });
    });
    return { cells: read };
  }
  const k = values.length;
  const shortBy = { printed: k, expected: n };
  const why = `该行只印有 ${k} 个数（应为 ${n} 个），无法确定各数所在列`;
  if (choose(n, k) > MAX_PLACEMENTS) return { cells: allUnreadable(cells, why), shortBy };
  const outcomes: {
    values: Map<CellAddress, number | null>;
    placedAt: Set<CellAddress>;
    why: Map<CellAddress, string>;
  }[] = [];
  for (const at of placements(n, k)) {
    const placed = new Map<CellAddress, number | null>(cells.map((c) => [c, null]));
    const placedAt = new Set<CellAddress>();
    const whyNot = new Map<CellAddress, string>();
    at.forEach((col, i) => {
      const cell = cells[col];
      const slot = slots[i];
      if (cell === undefined || slot === undefined) return;
      placed.set(cell, slot.value);
      if (slot.value !== null) placedAt.add(cell);
      else whyNot.set(cell, slot.reason);
    });
    for (const [cell, f] of propagate(placed, equations)) placed.set(cell, f.value);
    const get = (c: CellAddress): number | null => placed.get(c) ?? null;
    if (equations.every((eq) => feasible(eq, get))) outcomes.push({ values: placed, placedAt, why: whyNot });
  }
  if (outcomes.length === 0) return { cells: allUnreadable(cells, why), shortBy };
  const read = new Map<CellAddress, CellRead>();
  for (const cell of cells) {
    const seen = new Set(outcomes.map((o) => o.values.get(cell) ?? null));
    const [only] = [...seen];
    if (seen.size === 1 && only !== undefined && only !== null) {
      const unique = outcomes.length === 1 && outcomes[0]?.placedAt.has(cell);
      read.set(cell, { value: only, source: unique ? 'aligned' : 'inferred' });
    } else {
      // One placement: a dash or blank there keeps its own reason.
      const own = outcomes.length === 1 ? outcomes[0]?.why.get(cell) : undefined;
      read.set(cell, { value: null, reason: own ?? why });
    }
  }
  return { cells: read, shortBy };
}
