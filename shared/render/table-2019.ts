/**
 * Table 二 of a 2019-format report (its own cells, proactive2019) as printed tables, one per 第二十条 item,
 * for the Markdown and HTML renderings. 采购总金额 is kept in 元 (the 2019 format fixes no unit): its header
 * says so, so the rendering imports back as it was.
 */
import { PROACTIVE_GROUPS_2019 } from '../format/format-2019';
import type { ReportData } from '../report';
import { formatCellValue } from './text';

export const ITEM_HEADER_2019 = '信息内容';

export interface Table2019 {
  caption: string;
  columnHeaders: string[];
  rows: { label: string; cells: { address: string; value: number | null; text: string }[] }[];
}

export function tables2019(report: ReportData): Table2019[] {
  return PROACTIVE_GROUPS_2019.map((g) => ({
    caption: g.label,
    columnHeaders: g.columns.map((label, i) => (g.rows[0]?.cells[i]?.kind === 'amount' ? `${label}（元）` : label)),
    rows: g.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c) => {
        const value = report.proactive2019?.[c.address] ?? null;
        return { address: c.address, value, text: formatCellValue(value) };
      }),
    })),
  }));
}

export const hasNull2019 = (tables: readonly Table2019[]): boolean =>
  tables.some((t) => t.rows.some((r) => r.cells.some((c) => c.value === null)));
