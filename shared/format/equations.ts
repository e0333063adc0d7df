/**
 * The arithmetic of the report as data: each rule expands to equations `sum(left) = sum(right)` over cells.
 * The checks engine tests them; the importer uses the same equations to infer cells a paste lost.
 * Sources: the note printed above table 三 (balance), and the 总计 columns/rows of tables 三 and 四.
 */
import {
  APPLICANT_TYPES,
  FORMAT_2021,
  OUTCOME_ROWS,
  cellAddress,
  type CellAddress,
  type CheckId,
  type TableKey,
} from './index';
import { OTHER_PROCESSING_2019, OTHER_PROCESSING_ROWS_2021, isSplitRow, to2019Cell } from './other-processing-2019';

export interface SumRule {
  check: CheckId;
  table: TableKey;
  /** 'column': one equation per column, left/right name rows; 'row': one per row, left/right name columns. */
  per: 'column' | 'row';
  left: readonly string[];
  right: readonly string[];
}

export interface Equation {
  check: CheckId;
  table: TableKey;
  per: 'column' | 'row';
  /** The row or column the equation runs along. */
  along: string;
  left: CellAddress[];
  right: CellAddress[];
}

export const SUM_RULES: readonly SumRule[] = [
  {
    check: 'balance',
    table: 'applications',
    per: 'column',
    left: ['newReceived', 'carriedOver'],
    right: ['resultTotal', 'carriedForward'],
  },
  { check: 'resultTotal', table: 'applications', per: 'column', left: ['resultTotal'], right: OUTCOME_ROWS },
  { check: 'applicantTotal', table: 'applications', per: 'row', left: ['total'], right: APPLICANT_TYPES },
  {
    check: 'reviewTotal',
    table: 'reviewLitigation',
    per: 'row',
    left: ['total'],
    right: ['upheld', 'corrected', 'other', 'pending'],
  },
];

function gridOf(table: TableKey): { rows: string[]; columns: string[] } {
  if (table === 'applications' || table === 'reviewLitigation') {
    const def = FORMAT_2021[table];
    return { rows: def.rows.map((r) => r.key), columns: def.columns.map((c) => c.key) };
  }
  throw new Error(`no sum rules on table ${table}`);
}

export function expandRule(rule: SumRule): Equation[] {
  const { rows, columns } = gridOf(rule.table);
  const along = rule.per === 'column' ? columns : rows;
  return along.map((key) => {
    const at = (k: string) =>
      rule.per === 'column' ? cellAddress(rule.table, k, key) : cellAddress(rule.table, key, k);
    return {
      check: rule.check,
      table: rule.table,
      per: rule.per,
      along: key,
      left: rule.left.map(at),
      right: rule.right.map(at),
    };
  });
}

/** Every equation of the 2021 format, in check order. */
export const EQUATIONS: readonly Equation[] = SUM_RULES.flatMap(expandRule);

let equations2019Memo: readonly Equation[] | undefined;

/**
 * The equations of a report printed in the 2019 format (./other-processing-2019.ts): over its one （六）其他处理
 * row, where the 2021 format has three — in each column's 办理结果总计 the three terms become the row's one, and
 * the three rows' own totals become the row's.
 */
export function equations2019(): readonly Equation[] {
  const merged = (cells: readonly CellAddress[]): CellAddress[] => [...new Set(cells.map(to2019Cell))];
  equations2019Memo ??= EQUATIONS.flatMap((eq): Equation[] => {
    const splitRow = eq.per === 'row' && isSplitRow(eq.along);
    if (splitRow && eq.along !== OTHER_PROCESSING_ROWS_2021[0]) return [];
    const along = splitRow ? { along: OTHER_PROCESSING_2019 } : {};
    return [{ ...eq, ...along, left: merged(eq.left), right: merged(eq.right) }];
  });
  return equations2019Memo;
}
