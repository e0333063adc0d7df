/**
 * Expected cells written as a compact table, independently of the importer: one line per row,
 * `rowKey v1 v2 …` in the format's column order, `?` for null. Rows not listed are all 0.
 */
import { FORMAT_2021, cellAddress, type TableKey } from '../../../shared/format';
import { emptyCells, type Cells } from '../../../shared/report';

function columnsOf(table: TableKey, row: string): string[] {
  if (table === 'proactive') {
    const group = FORMAT_2021.proactive.groups.find((g) => g.rows.some((r) => r.key === row));
    if (!group) throw new Error(`no row ${row} in table 二`);
    return group.columns.map((c) => c.key);
  }
  if (!FORMAT_2021[table].rows.some((r) => r.key === row)) throw new Error(`no row ${row} in ${table}`);
  return FORMAT_2021[table].columns.map((c) => c.key);
}

export function cellsOf(tables: Partial<Record<TableKey, string>>): Cells {
  const cells = emptyCells(0);
  for (const [table, text] of Object.entries(tables) as [TableKey, string][]) {
    for (const line of text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)) {
      const [row = '', ...values] = line.split(/\s+/);
      const columns = columnsOf(table, row);
      if (values.length !== columns.length)
        throw new Error(`${table}.${row}: ${values.length} values for ${columns.length} columns`);
      columns.forEach((column, i) => {
        const v = values[i] ?? '?';
        cells[cellAddress(table, row, column)] = v === '?' ? null : Number(v);
      });
    }
  }
  return cells;
}
