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

/** The row of table 三 that 2019 prints once and 2021 splits into three. */
export const OTHER_PROCESSING_2019 = 'otherProcessing';
export const OTHER_PROCESSING_ROWS_2021 = ['otherNoCorrection', 'otherFeeUnpaid', 'otherOther'] as const;

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
