/**
 * Table 二 of a 2019-format report (its own cells, proactive2019) in the layout every renderer draws, one block
 * per 第二十条 item as in the 2021 format. 采购总金额 is kept in 元 (the 2019 format fixes no unit): its header
 * says so, so the rendering imports back as it was.
 */
import { ITEM_HEADER_2019, PROACTIVE_GROUPS_2019 } from '../format/format-2019';
import type { ReportData } from '../report';
import { itemBlocksLayout, type TableLayout, type ValueCell } from './layout';
import { formatCellValue } from './text';

export function layout2019(report: ReportData): TableLayout {
  const groups = PROACTIVE_GROUPS_2019.map((g) => ({
    ...g,
    columns: g.columns.map((label, i) => ({
      label: g.rows[0]?.cells[i]?.kind === 'amount' ? `${label}（元）` : label,
    })),
  }));
  return itemBlocksLayout(ITEM_HEADER_2019, groups, (row, _group, span) =>
    row.cells.map((c, i): ValueCell => {
      const value = report.proactive2019?.[c.address] ?? null;
      const text = formatCellValue(value);
      return { kind: 'value', cell: c.address, value, decimal: false, text, rowSpan: 1, colSpan: span(i) };
    }),
  );
}
