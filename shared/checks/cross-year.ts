/**
 * Checks against last year's report: carried-over requests (error) and documents in force (warning, since
 * documents can lapse on their own; a stated reason turns it into information).
 */
import { APPLICANT_TYPES, DOCUMENT_ROWS, cellAddress, checkDef } from '../format';
import type { Finding } from '../report/schema';
import { cellValue, type CheckInput } from './input';
import { cellName } from './labels';
import { formatNumber } from './numbers';

/** An organ's name without what its own reports vary in: spaces, a trailing 人民政府. */
function organKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/人民政府$/, '');
}

/**
 * Whether two reports are by the same organ: equal names, or one the other with its county in front
 * (“扎毛乡人民政府” and “青禾县扎毛乡”). A report whose organ was not recognised is not held against it.
 */
export function sameOrgan(a: string, b: string): boolean {
  const [x, y] = [organKey(a), organKey(b)];
  if (x === '' || y === '' || a === UNKNOWN_ORGAN || b === UNKNOWN_ORGAN) return true;
  return x === y || x.endsWith(y) || y.endsWith(x);
}

/** What the importer names an organ it could not read. */
const UNKNOWN_ORGAN = '未识别机关';

export function checkCrossYear(report: CheckInput, lastYear: CheckInput): Finding[] {
  if (!sameOrgan(report.organ, lastYear.organ)) {
    return [
      {
        check: 'carryOverApplications',
        level: 'warning',
        cells: [],
        message: `所给上年报告是“${lastYear.organ}”的，本报告是“${report.organ}”的，不是同一机关，跨年核对未进行`,
      },
    ];
  }
  if (lastYear.year !== report.year - 1) {
    return [
      {
        check: 'carryOverApplications',
        level: 'warning',
        cells: [],
        message: `所给上年报告为 ${lastYear.year} 年，不是 ${report.year - 1} 年，跨年核对未进行`,
      },
    ];
  }
  return [...checkCarriedOver(report, lastYear), ...checkInForce(report, lastYear)];
}

function checkCarriedOver(report: CheckInput, lastYear: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const column of [...APPLICANT_TYPES, 'total']) {
    const here = cellAddress('applications', 'carriedOver', column);
    const there = cellAddress('applications', 'carriedForward', column);
    const now = cellValue(report, here);
    const before = cellValue(lastYear, there);
    if (now === null || before === null || now === before) continue;
    findings.push({
      check: 'carryOverApplications',
      level: checkDef('carryOverApplications').level,
      cells: [here],
      message: `${cellName(here)}为 ${now}，但 ${lastYear.year} 年报告结转下年度为 ${before}`,
      expected: before,
      actual: now,
    });
  }
  return findings;
}

function checkInForce(report: CheckInput, lastYear: CheckInput): Finding[] {
  // A 2019-format report counted 对外公开总数量 instead: not comparable.
  if (lastYear.formatVersion !== '2021') return [];
  const findings: Finding[] = [];
  for (const row of DOCUMENT_ROWS) {
    const at = (column: string) => cellAddress('proactive', row, column);
    const inForce = cellValue(report, at('inForce'));
    const issued = cellValue(report, at('issued'));
    const repealed = cellValue(report, at('repealed'));
    const before = cellValue(lastYear, at('inForce'));
    if (inForce === null || issued === null || repealed === null || before === null) continue;
    const expected = before + issued - repealed;
    if (inForce === expected) continue;
    const reason = report.cellNotes?.[at('inForce')];
    findings.push({
      check: 'carryOverInForce',
      level: reason ? 'info' : checkDef('carryOverInForce').level,
      cells: [at('inForce'), at('issued'), at('repealed')],
      message:
        `${cellName(at('inForce'))}为 ${formatNumber(inForce)}，按上年 ${formatNumber(before)} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}` +
        (reason ? `；已说明原因：${reason}` : '；如有文件自然失效，请说明原因'),
      expected,
      actual: inForce,
    });
  }
  return findings;
}
