/**
 * nonNegative and cellUnreadable: every one of the 200 cells is there and is a count (the fee cell an amount).
 * A 2019-format report has its own table 二 (proactive2019): its 22 cells instead of the 2021 format's; and its
 * own （六）其他处理 row (otherProcessing2019) instead of the 2021 format's three.
 */
import { checkDef, type CellAddress, type CellDef } from '../format';
import { PROACTIVE_CELLS_2019, cellName2019 } from '../format/format-2019';
import { cellDefsWith2019Row } from '../format/other-processing-2019';
import type { Finding } from '../report/schema';
import { cellValue, keeps2019Row, type CheckInput } from './input';
import { cellName } from './labels';
import { formatNumber } from './numbers';

type ReportCells = Pick<CheckInput, 'formatVersion' | 'otherProcessing2019'>;

/**
 * The 2021 format's cells a report has: a 2019-format report's （六）其他处理, where it keeps the row, is one row
 * (its own cells), so the 2021 format's three are not missing; its table 二 is its own (PROACTIVE_CELLS_2019).
 */
function cellDefsOf(report: ReportCells): CellDef[] {
  const in2019 = report.formatVersion === '2019';
  return cellDefsWith2019Row(keeps2019Row(report)).filter((d) => !in2019 || d.table !== 'proactive');
}

/** Every cell address a report has, in order: its 2021-format cells as checkCells reads them, then its 2019 table 二. */
export function cellAddressesOf(report: ReportCells): CellAddress[] {
  const addresses = cellDefsOf(report).map((d) => d.address);
  return report.formatVersion === '2019' ? [...addresses, ...PROACTIVE_CELLS_2019.map((c) => c.address)] : addresses;
}

export function checkCells(report: CheckInput): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set((report.findings ?? []).filter((f) => f.check === 'cellUnreadable').flatMap((f) => f.cells));
  const in2019 = report.formatVersion === '2019';
  for (const def of cellDefsOf(report)) {
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
  if (in2019) findings.push(...checkCells2019(report, reported));
  return findings;
}

/** The 2019 table 二: 本年增/减 may be negative, 采购总金额 (元) fractional, every other cell a count. */
function checkCells2019(report: CheckInput, reported: ReadonlySet<string>): Finding[] {
  return PROACTIVE_CELLS_2019.flatMap((cell): Finding[] => {
    const v = report.proactive2019?.[cell.address];
    if (typeof v !== 'number') {
      if (reported.has(cell.address)) return [];
      const check = 'cellUnreadable';
      return [{ check, level: checkDef(check).level, cells: [cell.address], message: `${cellName2019(cell)}没有数值` }];
    }
    const ok =
      Number.isFinite(v) && (cell.kind === 'signed' || v >= 0) && (cell.kind === 'amount' || Number.isInteger(v));
    if (ok) return [];
    const should = cell.kind === 'signed' ? '整数' : cell.kind === 'amount' ? '非负数' : '非负整数';
    const check = 'nonNegative';
    const message = `${cellName2019(cell)}应为${should}，实为 ${formatNumber(v)}`;
    return [{ check, level: checkDef(check).level, cells: [cell.address], message, actual: v }];
  });
}
