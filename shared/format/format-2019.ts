/**
 * The 2019 format (国办公开办函〔2019〕60号), used by the reports on 2019 and 2020: what the importer needs
 * to read such a report into the 2021 cells where the two formats agree. Its data file is a copy of the
 * reference format (annual-report-2019.json, with its sources); this module only indexes it. Kept apart
 * from ./index so the pages' bundle does not carry it.
 *
 * How the formats map (the file's differencesFrom2021 / mappingTo2021):
 * - 三 and 四: the same rows and columns, except that 2019 prints （六）其他处理 as one row, where 2021 has
 *   three (otherNoCorrection, otherFeeUnpaid, otherOther): only their sum is comparable.
 * - 二: other columns (本年新制作数量, 上一年项目数量 …): not comparable, not read into the 2021 cells.
 * - 四、结转下年度继续办理 of a 2020 report is the 2021 report's 上年结转 (the carry-over check crosses formats).
 */
import raw2019 from './annual-report-2019.json';

interface RawRow {
  key: string;
  label: string;
}

/** The last report year printed in the 2019 format: the 2021 format applies from the 2021 reports on. */
export const LAST_YEAR_OF_2019_FORMAT = 2020;

export { OTHER_PROCESSING_2019, OTHER_PROCESSING_ROWS_2021 } from './other-processing-2019';

/** Table 三's rows in the 2019 format, in order. */
export const APPLICATION_ROWS_2019: readonly RawRow[] = raw2019.tables.applications.rows.map((r) => ({
  key: r.key,
  label: r.label,
}));

/** Table 二's column and row labels that the 2021 format does not have (its columns differ). */
export const PROACTIVE_LABELS_2019: readonly string[] = raw2019.tables.proactive.groups.flatMap((g) => [
  ...g.columns.map((c) => c.label),
  ...g.rows.map((r) => r.label),
]);

export const BASIS_2019: string = raw2019.basis;

/** How a 2019 table 二 cell is written (the file's cellAddress): a count, a signed change, or an amount. */
export type Cell2019Kind = 'count' | 'signed' | 'amount';

/**
 * One cell of the 2019 format's table 二, addressed apart from the 2021 cells (proactive2019.licensing.decisions):
 * the 2021 format has a proactive.licensing.decisions of another meaning.
 */
export interface ProactiveCell2019 {
  address: string;
  groupLabel: string;
  rowLabel: string;
  columnLabel: string;
  kind: Cell2019Kind;
}

/** 采购总金额: the 2019 format fixes no unit; the report keeps it in 元 (converted from 万元 where so printed). */
export const AMOUNT_CELL_2019 = 'proactive2019.centralProcurement.totalAmount';

/** Table 二's header over its item labels in the 2019 format (信息内容). */
export const ITEM_HEADER_2019: string = raw2019.tables.proactive.itemHeader;

/** Table 二 of the 2019 format, group by group (its own columns per group, unlike 2021's); a row's key is its cells'. */
export const PROACTIVE_GROUPS_2019 = raw2019.tables.proactive.groups.map((g) => ({
  label: g.label,
  columns: g.columns.map((c) => c.label),
  rows: g.rows.map((r) => ({
    key: r.key,
    label: r.label,
    cells: g.columns.map((c): ProactiveCell2019 => {
      const address = `proactive2019.${r.key}.${c.key}`;
      const kind: Cell2019Kind =
        address === AMOUNT_CELL_2019 ? 'amount' : c.key === 'changeThisYear' ? 'signed' : 'count';
      return { address, groupLabel: g.label, rowLabel: r.label, columnLabel: c.label, kind };
    }),
  })),
}));

/** Its 22 cells, in the printed order. */
export const PROACTIVE_CELLS_2019: readonly ProactiveCell2019[] = PROACTIVE_GROUPS_2019.flatMap((g) =>
  g.rows.flatMap((r) => r.cells),
);

const CELL_2019_BY_ADDRESS = new Map(PROACTIVE_CELLS_2019.map((c) => [c.address, c]));

export function proactiveCell2019(address: string): ProactiveCell2019 | undefined {
  return CELL_2019_BY_ADDRESS.get(address);
}

/** 表二（2019 年格式）“行政许可”行“本年增/减”列 */
export function cellName2019(cell: ProactiveCell2019): string {
  return `表二（2019 年格式）“${cell.rowLabel}”行“${cell.columnLabel}”列`;
}
