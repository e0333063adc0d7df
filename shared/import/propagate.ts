/**
 * Constraint propagation over the report's sum equations (sum(left) = sum(right), every cell ≥ 0):
 * an equation with one unknown gives it; an equation whose unknowns all sit on one side and whose known
 * cells already balance makes those unknowns 0 (a sum of non-negatives that is 0). Repeat until nothing
 * changes. A value two equations give differently, or that would be negative or fractional, is not filled,
 * and a filled value that breaks a printed equation is withdrawn: inference never papers over a
 * published inconsistency.
 */
import type { CellAddress } from '../format';
import type { Equation } from './equations';

export type Values = ReadonlyMap<CellAddress, number | null>;

export interface Filled {
  value: number;
  /** The equations the value came from. */
  via: Equation[];
}

interface Term {
  cell: CellAddress;
  sign: 1 | -1;
}

const EPS = 1e-9;

function terms(eq: Equation): Term[] {
  return [
    ...eq.left.map((cell) => ({ cell, sign: 1 as const })),
    ...eq.right.map((cell) => ({ cell, sign: -1 as const })),
  ];
}

function split(eq: Equation, get: (c: CellAddress) => number | null): { known: number; unknown: Term[] } {
  let known = 0;
  const unknown: Term[] = [];
  for (const t of terms(eq)) {
    const v = get(t.cell);
    if (v === null) unknown.push(t);
    else known += t.sign * v;
  }
  return { known, unknown };
}

/** What one equation says about its unknown cells, or nothing. */
function solve(eq: Equation, get: (c: CellAddress) => number | null): Map<CellAddress, number> {
  const { known, unknown } = split(eq, get);
  const out = new Map<CellAddress, number>();
  const only = unknown[0];
  if (only && unknown.length === 1) {
    const x = -known / only.sign;
    const rounded = Math.round(x) || 0; // never -0
    if (x > -EPS && Math.abs(x - rounded) < EPS) out.set(only.cell, rounded);
  } else if (unknown.length > 1 && Math.abs(known) < EPS && unknown.every((t) => t.sign === only?.sign)) {
    for (const t of unknown) out.set(t.cell, 0);
  }
  return out;
}

/** False when the known cells already rule the equation out (broken, or the unknowns would be negative). */
export function feasible(eq: Equation, get: (c: CellAddress) => number | null): boolean {
  const { known, unknown } = split(eq, get);
  if (unknown.length === 0) return Math.abs(known) < EPS;
  const sign = unknown[0]?.sign;
  if (!unknown.every((t) => t.sign === sign)) return true;
  // sign·sum(unknowns) = −known must be ≥ 0
  return -known * (sign ?? 1) > -EPS;
}

function runOnce(
  values: Values,
  equations: readonly Equation[],
  frozen: ReadonlySet<CellAddress>,
): Map<CellAddress, Filled> {
  const filled = new Map<CellAddress, Filled>();
  const get = (c: CellAddress): number | null => filled.get(c)?.value ?? values.get(c) ?? null;
  const blocked = new Set(frozen);
  for (;;) {
    const proposals = new Map<CellAddress, Filled>();
    const clashes = new Set<CellAddress>();
    for (const eq of equations) {
      for (const [cell, value] of solve(eq, get)) {
        if (blocked.has(cell)) continue;
        const prior = proposals.get(cell);
        if (!prior) proposals.set(cell, { value, via: [eq] });
        else if (prior.value === value) prior.via.push(eq);
        else clashes.add(cell);
      }
    }
    for (const cell of clashes) {
      proposals.delete(cell);
      blocked.add(cell);
    }
    if (proposals.size === 0) return filled;
    for (const [cell, f] of proposals) filled.set(cell, f);
  }
}

/** Cells the equations determine, with the equations used; printed (non-null) cells are never changed. */
export function propagate(values: Values, equations: readonly Equation[]): Map<CellAddress, Filled> {
  const frozen = new Set<CellAddress>();
  for (;;) {
    const filled = runOnce(values, equations, frozen);
    const get = (c: CellAddress): number | null => filled.get(c)?.value ?? values.get(c) ?? null;
    const printed = (c: CellAddress): number | null => values.get(c) ?? null;
    // Blame a filled cell only for an equation the printed cells alone did not already break.
    const broken = equations.filter((eq) => !feasible(eq, get) && feasible(eq, printed));
    const suspects = broken.flatMap((eq) => [...eq.left, ...eq.right].filter((c) => filled.has(c)));
    if (suspects.length === 0) return filled;
    for (const c of suspects) frozen.add(c);
  }
}
