/**
 * Expected cells written as a compact table, independently of the importer: one line per row,
 * `rowKey v1 v2 …` in the format's column order, `?` for null. Rows not listed are all 0.
 */
import { expectedRow } from '../../../cli/corpus';
import type { TableKey } from '../../../shared/format';
import { emptyCells, type Cells } from '../../../shared/report';

export function cellsOf(tables: Partial<Record<TableKey, string>>): Cells {
  const cells = emptyCells(0);
  for (const [table, text] of Object.entries(tables) as [TableKey, string][]) {
    for (const line of text.split('\n').filter((l) => l.trim() !== '')) {
      for (const [address, value] of expectedRow(table, line)) cells[address] = value;
    }
  }
  return cells;
}
