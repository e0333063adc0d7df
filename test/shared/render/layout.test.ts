import { CELL_ADDRESSES, FORMAT_2021, TABLE_KEYS } from '../../../shared/format';
import { emptyCells } from '../../../shared/report';
import {
  columnWidths,
  layoutTable,
  sectionTable,
  spanPaths,
  toGrid,
  valueCells,
  type LayoutCell,
  type TableLayout,
} from '../../../shared/render';

function gridOf(layout: TableLayout): LayoutCell[][] {
  return toGrid(
    layout.blocks.flatMap((b) => [...b.head, ...b.body]),
    layout.columns,
  );
}

describe('spanPaths', () => {
  it('merges adjacent group labels with the same ancestry and stretches leaves to the last level', () => {
    const tree = spanPaths([['A'], ['G', 'x'], ['G', 'y'], ['G', 'H', 'z'], ['G', 'H', 'w'], ['K', 'H', 'v']]);
    expect(tree.levels).toBe(3);
    expect(tree.nodes).toEqual([
      { text: 'A', level: 0, start: 0, breadth: 1, depth: 3, group: false },
      { text: 'G', level: 0, start: 1, breadth: 4, depth: 1, group: true },
      { text: 'x', level: 1, start: 1, breadth: 1, depth: 2, group: false },
      { text: 'y', level: 1, start: 2, breadth: 1, depth: 2, group: false },
      { text: 'H', level: 1, start: 3, breadth: 2, depth: 1, group: true },
      { text: 'z', level: 2, start: 3, breadth: 1, depth: 1, group: false },
      { text: 'w', level: 2, start: 4, breadth: 1, depth: 1, group: false },
      { text: 'K', level: 0, start: 5, breadth: 1, depth: 1, group: true },
      // Same text as the H above, but under K: a different group.
      { text: 'H', level: 1, start: 5, breadth: 1, depth: 1, group: true },
      { text: 'v', level: 2, start: 5, breadth: 1, depth: 1, group: false },
    ]);
  });

  it('does not merge a group interrupted by another leaf, nor equal leaves', () => {
    const tree = spanPaths([['G', 'a'], ['b'], ['G', 'c'], ['d'], ['d']]);
    expect(tree.nodes.filter((n) => n.text === 'G').map((n) => n.breadth)).toEqual([1, 1]);
    expect(tree.nodes.filter((n) => n.text === 'd')).toHaveLength(2);
  });
});

describe('layoutTable', () => {
  const cells = emptyCells(0);

  it('covers each of the 200 cells exactly once across the three tables', () => {
    const addresses = TABLE_KEYS.flatMap((t) => valueCells(layoutTable(t, cells)).map((c) => c.cell));
    expect(addresses).toEqual([...CELL_ADDRESSES]);
    const compact = valueCells(layoutTable('reviewLitigation', cells, { variant: 'compact' })).map((c) => c.cell);
    expect(compact).toEqual(CELL_ADDRESSES.filter((a) => a.startsWith('reviewLitigation.')));
  });

  it('lays every table out on a rectangular grid', () => {
    for (const layout of [
      ...TABLE_KEYS.map((t) => layoutTable(t, cells)),
      layoutTable('reviewLitigation', cells, { variant: 'compact' }),
    ]) {
      const grid = gridOf(layout);
      expect(grid.every((line) => line.length === layout.columns)).toBe(true);
    }
  });

  it('derives table 三 shape from the format: 3 label columns, 3 header rows', () => {
    const layout = layoutTable('applications', cells);
    expect(layout).toMatchObject({ table: 'applications', columns: 10, labelColumns: 3 });
    const [block] = layout.blocks;
    expect(block?.head).toHaveLength(3);
    expect(block?.body).toHaveLength(FORMAT_2021.applications.rows.length);
    expect(block?.head[0]?.cells[0]).toEqual({
      kind: 'note',
      text: FORMAT_2021.applications.note,
      rowSpan: 3,
      colSpan: 3,
      labelColumn: 0,
    });
    const outcome = block?.body[2]?.cells[0];
    expect(outcome).toEqual({
      kind: 'rowLabel',
      text: '三、本年度办理结果',
      rowSpan: 22,
      colSpan: 1,
      group: true,
      labelColumn: 0,
    });
  });

  it('lays table 四 compact out as 3 rows × 5 columns with 行政诉讼 merged over two rows', () => {
    const layout = layoutTable(
      'reviewLitigation',
      { ...cells, 'reviewLitigation.review.total': 3 },
      { variant: 'compact' },
    );
    expect(layout).toMatchObject({ columns: 7, labelColumns: 2 });
    const grid = gridOf(layout);
    expect(grid).toHaveLength(4);
    expect(grid[0]?.[0]).toMatchObject({ kind: 'corner', text: '', colSpan: 2 });
    expect(grid[1]?.[0]).toMatchObject({ text: '行政复议', colSpan: 2 });
    expect(grid[2]?.[0]).toMatchObject({ text: '行政诉讼', rowSpan: 2, group: true });
    expect(grid[1]?.[6]).toMatchObject({ kind: 'value', value: 3, text: '3' });
  });

  it('stretches the single column of table 二 groups to the block width, and formats values', () => {
    const layout = layoutTable('proactive', {
      ...cells,
      'proactive.fees.amountWanYuan': 1.23456,
      'proactive.rules.issued': null,
    });
    expect(layout).toMatchObject({ columns: 4, labelColumns: 1 });
    const fee = valueCells(layout).find((c) => c.decimal);
    expect(fee).toMatchObject({ cell: 'proactive.fees.amountWanYuan', value: 1.23456, text: '1.2346', colSpan: 3 });
    expect(valueCells(layout)[0]).toMatchObject({ value: null, text: '—', decimal: false });
  });

  it('reads a missing cell as null rather than 0', () => {
    const partial: Record<string, number | null> = { ...cells };
    delete partial['applications.newReceived.natural'];
    const cell = valueCells(layoutTable('applications', partial)).find(
      (c) => c.cell === 'applications.newReceived.natural',
    );
    expect(cell).toMatchObject({ value: null, text: '—' });
  });

  it('knows which sections carry a table', () => {
    expect(FORMAT_2021.sections.map((s) => sectionTable(s.key))).toEqual([
      null,
      'proactive',
      'applications',
      'reviewLitigation',
      null,
      null,
    ]);
  });
});

describe('columnWidths', () => {
  it('gives fixed-width targets widths that add up to 100%', () => {
    for (const layout of TABLE_KEYS.map((t) => layoutTable(t, emptyCells(0)))) {
      const widths = columnWidths(layout);
      expect(widths).toHaveLength(layout.columns);
      expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 6);
    }
    expect(columnWidths({ columns: 4, labelColumns: 1 })).toEqual([25, 25, 25, 25]);
    expect(columnWidths({ columns: 10, labelColumns: 3 })).toEqual([6, 6, 32, 8, 8, 8, 8, 8, 8, 8]);
    expect(columnWidths({ columns: 15, labelColumns: 0 }).every((w) => Math.abs(w - 100 / 15) < 1e-9)).toBe(true);
  });
});

describe('toGrid', () => {
  const c = (rowSpan: number, colSpan: number): { rowSpan: number; colSpan: number } => ({ rowSpan, colSpan });

  it('places spans and refuses overlaps, overflow and holes', () => {
    const a = c(2, 1);
    const b = c(1, 1);
    expect(toGrid([{ cells: [a, b] }, { cells: [b] }], 2)).toEqual([
      [a, b],
      [a, b],
    ]);
    expect(() => toGrid([{ cells: [c(1, 3)] }], 2)).toThrow('spans outside');
    expect(() => toGrid([{ cells: [c(2, 1)] }], 1)).toThrow('spans outside');
    expect(() => toGrid([{ cells: [c(1, 1)] }], 2)).toThrow('no cell at row 0, column 1');
  });

  it('refuses a wide cell reaching into a tall one from the row above', () => {
    expect(() => toGrid([{ cells: [c(1, 1), c(2, 1)] }, { cells: [c(1, 2)] }], 2)).toThrow(
      'cells overlap at row 1, column 1',
    );
  });
});
