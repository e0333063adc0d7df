/**
 * The arithmetic the importer infers lost cells from. It is the checks engine's own list (one source for
 * both: shared/format/equations.ts expands the format's sum rules), re-exported here with the lookups the
 * importer needs.
 */
import type { CellAddress } from '../format';
import { EQUATIONS, SUM_RULES, expandRule, type Equation, type SumRule } from '../format/equations';

export { EQUATIONS, SUM_RULES, expandRule };
export type { Equation, SumRule };

/** The equations that involve only the given cells (e.g. one row's total = sum of its columns). */
export function equationsWithin(cells: readonly CellAddress[], equations: readonly Equation[] = EQUATIONS): Equation[] {
  const inside = new Set(cells);
  return equations.filter((eq) => [...eq.left, ...eq.right].every((c) => inside.has(c)));
}
