/**
 * Table 二 of a 2019-format report (its own cells, proactive2019) in the layout every renderer draws, one block
 * per 第二十条 item as in the 2021 format. 采购总金额 is kept in 元 (the 2019 format fixes no unit): its header
 * says so, so the rendering imports back as it was.
 */
import { PROACTIVE_GROUPS_2019 } from '../format/format-2019';
import type { ReportData } from '../report';
import { itemBlocksLayout, type TableLayout } from './layout';
import { formatCellValue } from './text';

export const ITEM_HEADER_2019 = '信息内容';

export function layout2019(report: ReportData): TableLayout {
  return itemBlocksLayout(
    ITEM_HEADER_2019,
    PROACTIVE_GROUPS_2019.map((g) => ({
      label: g.label,
      columns: g.columns.map((label, i) => (g.rows[0]?.cells[i]?.kind === 'amount' ? `${label}（元）` : label)),
      rows: g.rows.map((r) => ({
        label: r.label,
        cells: r.cells.map((c) => {
          const value = report.proactive2019?.[c.address] ?? null;
          return {
            kind: 'value' as const,
            cell: c.address,
            value,
            decimal: false,
            text: formatCellValue(value),
            rowSpan: 1,
            colSpan: 1,
          };
        }),
      })),
    })),
  );
}
