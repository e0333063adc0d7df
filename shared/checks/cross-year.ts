/**
 * Checks against last year's report: carried-over requests (error) and documents in force (warning, since
 * documents can lapse on their own; a stated reason, a change of the organ's name or a mention of a change
 * of its remit turns it into information).
 */
import { APPLICANT_TYPES, DOCUMENT_ROWS, cellAddress, checkDef } from '../format';
import { normaliseOrganName, sameOrgan } from '../records/organ-name';
import type { Finding } from '../report/schema';
import { cellValue, type CheckInput } from './input';
import { cellName } from './labels';
import { formatNumber } from './numbers';

/** Checks `report` against `lastYear`, after saying so when the two are not one organ's consecutive years. */
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
  return compareWithLastYear(report, lastYear);
}

/**
 * The carry-over checks proper, for a caller that has already matched the organ and the year (the checks
 * across reports match organs by key, aliases included, so the names may differ).
 */
export function compareWithLastYear(report: CheckInput, lastYear: CheckInput): Finding[] {
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

/** Words by which a report says its organ's remit changed (机构改革, 职能划转, 区划调整…). */
const SCOPE_CHANGE =
  /机构改革|职能(?:调整|划转|划入|划出|转隶|整合)|机构(?:调整|撤并|合并|整合|更名)|撤并|合并设立|区划调整|划归|转隶/;

/**
 * Why documents in force may not carry over, when the reports tell: a reason noted on the cell, the organ's
 * name changed since last year, or a sentence of this year's text on a change of remit.
 */
function scopeChange(report: CheckInput, lastYear: CheckInput, cell: string): string | null {
  const noted = report.cellNotes?.[cell];
  if (noted) return `已说明原因：${noted}`;
  if (normaliseOrganName(report.organ) !== normaliseOrganName(lastYear.organ) && lastYear.organ.trim() !== '')
    return `机关名称由“${lastYear.organ}”变为“${report.organ}”，职责范围可能有变化`;
  for (const sentence of Object.values(report.sections)
    .join('\n')
    .split(/[。；;\n]/)) {
    const m = SCOPE_CHANGE.exec(sentence);
    if (m) return `正文提及“${m[0]}”（${sentence.trim().slice(0, 60)}），职责范围可能有变化`;
  }
  return null;
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
    const reason = scopeChange(report, lastYear, at('inForce'));
    findings.push({
      check: 'carryOverInForce',
      level: reason ? 'info' : checkDef('carryOverInForce').level,
      cells: [at('inForce'), at('issued'), at('repealed')],
      message:
        `${cellName(at('inForce'))}为 ${formatNumber(inForce)}，按上年 ${formatNumber(before)} + 本年制发 ${issued} − 本年废止 ${repealed} 应为 ${expected}` +
        (reason ? `；${reason}` : '；如有文件自然失效，请说明原因'),
      expected,
      actual: inForce,
    });
  }
  return findings;
}
