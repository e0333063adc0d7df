/**
 * Table 三's （六）其他处理 in the 2019 format: one row where the 2021 format has three (otherNoCorrection,
 * otherFeeUnpaid, otherOther; annual-report-2019.json differencesFrom2021). A 2019-format report keeps the row as
 * printed, in cells of its own (otherProcessing2019: applications.otherProcessing.<column>); its equations run
 * over that row in place of the three, which the format does not split (so they are not missing). Derived from
 * the 2021 format, without the 2019 JSON, so the renderers and the checks carry only this.
 */
import {
  FORMAT_2021,
  cellAddress,
  type CellAddress,
  type CellDef,
  type GridTableDef,
  type ReportFormat,
} from './index';

/** The row of table 三 that 2019 prints once and 2021 splits into three. */
export const OTHER_PROCESSING_2019 = 'otherProcessing';
export const OTHER_PROCESSING_ROWS_2021 = ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'] as const;

const FIRST_SPLIT: (typeof OTHER_PROCESSING_ROWS_2021)[0] = 'otherNoCorrection';
/** One of the three rows (a plain test, so that loading this module does no work a bundle must keep). */
export const isSplitRow = (row: string): boolean => (OTHER_PROCESSING_ROWS_2021 as readonly string[]).includes(row);

interface Derived {
  defs: ReadonlyMap<CellAddress, CellDef>;
  split: ReadonlySet<CellAddress>;
  layout: ReportFormat;
}

/** Built on first use (not at load), so a bundle that never reads a 2019-format report carries no work for it. */
let derived: Derived | undefined;

function derive(): Derived {
  const first = FORMAT_2021.applications.rows.find((r) => r.key === FIRST_SPLIT);
  // The 2019 row as the 2021 table's rows would hold it: （六）其他处理 under 三、本年度办理结果.
  const row = {
    key: OTHER_PROCESSING_2019,
    label: first?.group ?? '（六）其他处理',
    ...(first?.parentGroup !== undefined ? { group: first.parentGroup } : {}),
  };
  const defs = new Map(
    FORMAT_2021.applications.columns.map((c): [CellAddress, CellDef] => {
      const address = cellAddress('applications', OTHER_PROCESSING_2019, c.key);
      const def = { table: 'applications', row: row.key, rowLabel: row.label, decimal: false } as const;
      return [address, { ...def, address, column: c.key, columnLabel: c.label }];
    }),
  );
  const split = new Set(
    FORMAT_2021.cells.filter((c) => c.table === 'applications' && isSplitRow(c.row)).map((c) => c.address),
  );
  const rows = FORMAT_2021.applications.rows.flatMap((r) =>
    r.key === FIRST_SPLIT ? [row] : isSplitRow(r.key) ? [] : [r],
  );
  const applications: GridTableDef = { ...FORMAT_2021.applications, rows };
  return { defs, split, layout: { ...FORMAT_2021, applications } };
}

const get = (): Derived => (derived ??= derive());

/** The 2019 row's cells (one per column of table 三, 总计 included), with the 2021 cells' shape for naming them. */
export const otherProcessingDefs2019 = (): ReadonlyMap<CellAddress, CellDef> => get().defs;
export const otherProcessingCells2019 = (): CellAddress[] => [...get().defs.keys()];

/** The 2021 cells of the three rows, which a 2019-format report cannot have. */
export const splitCells2021 = (): ReadonlySet<CellAddress> => get().split;

/**
 * Table cells in order: the 2021 format's, or, for a report that keeps the 2019 （六） row, the 2021 format's
 * without the three rows and then the 2019 row's.
 */
export function cellDefsWith2019Row(keeps2019Row: boolean): readonly CellDef[] {
  if (!keeps2019Row) return FORMAT_2021.cells;
  const { split, defs } = get();
  return [...FORMAT_2021.cells.filter((d) => !split.has(d.address)), ...defs.values()];
}

/** A 2021 cell's definition, or the 2019 （六） row's. */
export function cellDefWith2019(address: CellAddress): CellDef | undefined {
  return FORMAT_2021.cellByAddress.get(address) ?? get().defs.get(address);
}

/** The 2019 cell standing for a cell of the three rows (the same column); any other cell unchanged. */
export function to2019Cell(address: CellAddress): CellAddress {
  const def = FORMAT_2021.cellByAddress.get(address);
  return def && def.table === 'applications' && isSplitRow(def.row)
    ? cellAddress('applications', OTHER_PROCESSING_2019, def.column)
    : address;
}

/** The format for laying out a 2019-format report's tables (table 三 with its one （六） row, where the three stand). */
export const format2019Layout = (): ReportFormat => get().layout;

type Values2019 = Readonly<Record<string, number | null>>;

/**
 * A 2019-format report's （六） row: as kept (otherProcessing2019), or, for a report stored before it was kept,
 * the sum of the three rows where each is known.
 */
export function otherProcessingValues(report: {
  cells: Readonly<Record<string, number | null | undefined>>;
  otherProcessing2019?: Values2019 | undefined;
}): Record<CellAddress, number | null> {
  return Object.fromEntries(
    [...otherProcessingDefs2019()].map(([address, def]) => {
      if (report.otherProcessing2019) return [address, report.otherProcessing2019[address] ?? null];
      const parts = OTHER_PROCESSING_ROWS_2021.map((row) => report.cells[cellAddress('applications', row, def.column)]);
      const known = parts.every((v): v is number => typeof v === 'number');
      return [address, known ? parts.reduce((a, b) => a + b, 0) : null];
    }),
  );
}
