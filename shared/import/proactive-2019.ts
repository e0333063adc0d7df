/**
 * Table 二 of a 2019-format report into the report data: its own 22 cells (proactive2019), each null one
 * with a cellUnreadable finding that names the 2019 row and column. The 2021 format's table 二 cells, which
 * such a report cannot have, stay null without a finding (they are not missing: the format has none).
 */
import { checkDef, FORMAT_2021 } from '../format';
import { PROACTIVE_CELLS_2019, cellName2019 } from '../format/format-2019';
import type { Finding } from '../report/schema';
import type { TableRead } from './tables';

const PROACTIVE_2021 = new Set(FORMAT_2021.cells.filter((c) => c.table === 'proactive').map((c) => c.address));

export function proactive2019Part(
  read: TableRead | undefined,
  findings: readonly Finding[],
): { proactive2019: Record<string, number | null>; findings: Finding[] } {
  const proactive2019: Record<string, number | null> = {};
  const kept = findings.filter((f) => !(f.check === 'cellUnreadable' && f.cells.every((c) => PROACTIVE_2021.has(c))));
  for (const cell of PROACTIVE_CELLS_2019) {
    const r = read?.cells.get(cell.address);
    proactive2019[cell.address] = r?.value ?? null;
    if (r?.value == null)
      kept.push({
        check: 'cellUnreadable',
        level: checkDef('cellUnreadable').level,
        cells: [cell.address],
        message: `${cellName2019(cell)}无法读取（${r?.reason ?? '未找到该表格'}）`,
      });
  }
  return { proactive2019, findings: kept };
}
