/** nonNegative and cellUnreadable: every one of the 200 cells is there and is a count (the fee cell an amount). */
import { checkDef, FORMAT_2021 } from '../format';
import type { Finding } from '../report/schema';
import { cellValue, type CheckInput } from './input';
import { cellName } from './labels';
import { formatNumber } from './numbers';

export function checkCells(report: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set((report.findings ?? []).filter((f) => f.check === 'cellUnreadable').flatMap((f) => f.cells));
  for (const def of FORMAT_2021.cells) {
    const v = cellValue(report, def.address);
    if (v === null) {
      if (!reported.has(def.address)) {
        findings.push({
          check: 'cellUnreadable',
          level: checkDef('cellUnreadable').level,
          cells: [def.address],
          message: `${cellName(def.address)}没有数值`,
        });
      }
      continue;
    }
    const bad = v < 0 || !Number.isFinite(v) || (!def.decimal && !Number.isInteger(v));
    if (bad) {
      findings.push({
        check: 'nonNegative',
        level: checkDef('nonNegative').level,
        cells: [def.address],
        message: `${cellName(def.address)}应为${def.decimal ? '非负数' : '非负整数'}，实为 ${formatNumber(v)}`,
        actual: v,
      });
    }
  }
  return findings;
}
