/**
 * The checks engine: report data (+ last year's) → findings `{ check, level, cells, message }` in the shape of
 * the format file. Checks never throw and never guess: a cell that cannot be read makes its equations not
 * assessable rather than failed.
 */
import type { Finding } from '../report/schema';
import { checkProblemsSimilar } from './across';
import { checkArithmetic } from './arithmetic';
import { checkCells } from './cells';
import { checkRequiredContent } from './content';
import { sameOrgan } from '../records/organ-name';
import { checkCrossYear } from './cross-year';
import type { CheckInput } from './input';
import { checkNarrativeNumbers } from './narrative';

export * from '../format/equations';
export * from './input';
export { cellName, shortLabel } from './labels';
export { formatNumber } from './numbers';
export { isPeoplesGovernment } from './content';
export {
  ACROSS_THRESHOLDS,
  ACROSS_THRESHOLD_MEANINGS,
  acrossThresholdsSchema,
  checkAcrossReports,
  checkProblemsSimilar,
  comparableText,
  peerNotes,
  textSimilarity,
  type AcrossResult,
  type AcrossThresholds,
  type OrganReport,
} from './across';
export { compareWithLastYear } from './cross-year';
export {
  groupOrganNames,
  normaliseOrganName,
  sameOrgan,
  UNKNOWN_ORGAN,
  type OrganAliases,
} from '../records/organ-name';

export interface CheckOptions {
  lastYear?: CheckInput;
}

const LEVEL_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** All findings for a report: the importer's own (unreadable / inferred cells) and every check's. */
export function checkReport(report: CheckInput, options: CheckOptions = {}): Finding[] {
  const fromImport = (report.findings ?? []).filter((f) => f.check === 'cellUnreadable' || f.check === 'cellInferred');
  const findings = [
    ...fromImport,
    ...checkCells(report),
    ...checkArithmetic(report),
    ...(options.lastYear ? checkCrossYear(report, options.lastYear) : []),
    ...checkNarrativeNumbers(report),
    ...checkRequiredContent(report),
    // Another organ's or year's report is no 上年报告: nothing of it is compared (cross-year says so once).
    ...(options.lastYear && options.lastYear.year === report.year - 1 && sameOrgan(report.organ, options.lastYear.organ)
      ? checkProblemsSimilar(report, [options.lastYear])
      : []),
  ];
  return sortFindings(findings);
}

/** Stable: errors first, then warnings, then information; within a level in the order given. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => LEVEL_ORDER[a.f.level] - LEVEL_ORDER[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === 'error');
}
