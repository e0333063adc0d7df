/**
 * Checks across reports: many organs over many years, as a county office holds them. Per report:
 * - against the same organ's report of the year before: 上年结转 = last year's 结转下年度 (error) and
 *   规范性文件/规章 现行有效 carried over (warning; information where the organ's remit changed) —
 *   the same checks as `check --last-year` (cross-year.ts);
 * - notes (level 'info', below a warning; each prints the threshold it met, see thresholds.ts):
 *   五 a near-copy of one of the organ's previous years; among the same year's peers, requests received far
 *   beyond their median, a large share of 其他处理, and a stated 0 for 主动公开.
 * Organs are matched by the key the caller gives (normaliseOrganName for names read from reports, an id for
 * stored organs); a report with an empty key is compared with no other year but still counts as a peer.
 */
import { cellAddress, checkDef, type CellAddress } from '../format';
import type { Finding } from '../report/schema';
import { isPeoplesGovernment } from './content';
import { compareWithLastYear } from './cross-year';
import { OTHER_PROCESSING_2019, OTHER_PROCESSING_ROWS_2021 } from '../format/other-processing-2019';
import { cellValue, keeps2019Row, type CheckInput } from './input';
import { cellName } from './labels';
import { comparableText, textSimilarity } from './similarity';
import { ACROSS_THRESHOLDS, type AcrossThresholds } from './thresholds';

export {
  ACROSS_THRESHOLDS,
  ACROSS_THRESHOLD_MEANINGS,
  acrossThresholdsSchema,
  type AcrossThresholds,
} from './thresholds';
export { comparableText, textSimilarity } from './similarity';

/** One report of the set: whose (the organ's key), which year, and the report as the checks read it. */
export interface OrganReport {
  organ: string;
  year: number;
  report: CheckInput;
}

/** The findings across reports of one report of the set, in the order the reports were given. */
export interface AcrossResult {
  organ: string;
  year: number;
  findings: Finding[];
}

const REQUESTS: CellAddress = cellAddress('applications', 'newReceived', 'total');
const HANDLED: CellAddress = cellAddress('applications', 'resultTotal', 'total');
const OTHER_CELLS: CellAddress[] = OTHER_PROCESSING_ROWS_2021.map((row) => cellAddress('applications', row, 'total'));
/** A 2019-format report's （六）其他处理 total where it keeps the row, the 2021 format's three otherwise. */
const otherCells = (report: CheckInput): CellAddress[] =>
  keeps2019Row(report) ? [cellAddress('applications', OTHER_PROCESSING_2019, 'total')] : OTHER_CELLS;

const round2 = (n: number): number => Math.round(n * 100) / 100;
const percent = (n: number): string => `${Math.round(n * 100)}%`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * 五 against the organ's previous years (the most similar one is named): a note when the similarity reaches
 * the threshold. Also what `checkReport` runs against the last year it is given.
 */
export function checkProblemsSimilar(
  report: CheckInput,
  earlier: readonly CheckInput[],
  thresholds: Pick<AcrossThresholds, 'problemsSimilarity' | 'problemsMinChars'> = ACROSS_THRESHOLDS,
): Finding[] {
  const text = report.sections.problems;
  if ([...comparableText(text)].length < thresholds.problemsMinChars) return [];
  let best: { year: number; similarity: number } | null = null;
  for (const before of earlier) {
    if (before.year >= report.year || [...comparableText(before.sections.problems)].length === 0) continue;
    const similarity = textSimilarity(text, before.sections.problems);
    if (!best || similarity > best.similarity || (similarity === best.similarity && before.year > best.year))
      best = { year: before.year, similarity };
  }
  if (!best || best.similarity < thresholds.problemsSimilarity) return [];
  const figure = Math.floor(best.similarity * 100) / 100;
  return [
    {
      check: 'problemsSimilar',
      level: checkDef('problemsSimilar').level,
      cells: [],
      message:
        `“五、存在的主要问题及改进情况”与 ${best.year} 年报告的相似度为 ${figure.toFixed(2)}` +
        `（提示阈值 ${thresholds.problemsSimilarity}），疑为沿用往年文字，应写明本年的问题和上年以来的改进`,
      actual: figure,
      threshold: thresholds.problemsSimilarity,
    },
  ];
}

/** Township-level organs (乡、镇、街道) are compared with each other, departments with departments. */
function peerKind(name: string): string {
  return isPeoplesGovernment(name) || /街道(?:办事处)?$/.test(name.trim()) ? '乡镇（街道）' : '部门';
}

interface Peers {
  label: string;
  reports: readonly OrganReport[];
}

/** The same year's other reports of the same kind, or of every kind when too few; null when too few still. */
function peersOf(one: OrganReport, all: readonly OrganReport[], t: AcrossThresholds): Peers | null {
  const sameYear = all.filter((r) => r !== one && r.year === one.year && (r.organ === '' || r.organ !== one.organ));
  const kind = peerKind(one.report.organ);
  const sameKind = sameYear.filter((r) => peerKind(r.report.organ) === kind);
  if (sameKind.length >= t.minPeers) return { label: `同年 ${sameKind.length} 个${kind}`, reports: sameKind };
  if (sameYear.length >= t.minPeers) return { label: `同年 ${sameYear.length} 个机关`, reports: sameYear };
  return null;
}

function checkPeerRequests(one: OrganReport, peers: Peers, t: AcrossThresholds): Finding[] {
  const value = cellValue(one.report, REQUESTS);
  const values = peers.reports.map((r) => cellValue(r.report, REQUESTS)).filter((v): v is number => v !== null);
  if (value === null || values.length < t.minPeers) return [];
  const mid = median(values);
  if (value < t.requestsMinimum || value <= t.requestsFactor * mid) return [];
  return [
    {
      check: 'peerRequests',
      level: checkDef('peerRequests').level,
      cells: [REQUESTS],
      message:
        `${cellName(REQUESTS)}为 ${value}，超过${peers.label}中位数 ${mid} 的 ${t.requestsFactor} 倍` +
        `（提示阈值：中位数的 ${t.requestsFactor} 倍且不少于 ${t.requestsMinimum} 件），请核对数字或说明原因`,
      actual: value,
      threshold: t.requestsFactor,
    },
  ];
}

/** The share of 其他处理 among the requests handled; null when a cell is unreadable or none was handled. */
function otherShare(report: CheckInput): { share: number; other: number; handled: number } | null {
  const handled = cellValue(report, HANDLED);
  const parts = otherCells(report).map((c) => cellValue(report, c));
  if (handled === null || handled === 0 || parts.some((v) => v === null)) return null;
  const other = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
  return { share: other / handled, other, handled };
}

function checkOtherShare(one: OrganReport, peers: Peers | null, t: AcrossThresholds): Finding[] {
  const own = otherShare(one.report);
  if (!own || own.handled < t.otherShareMinHandled || own.share < t.otherShare) return [];
  const peerShares = (peers?.reports ?? []).map((r) => otherShare(r.report)).filter((s) => s !== null);
  const context =
    peers && peerShares.length >= t.minPeers
      ? `，${peers.label}的中位数为 ${percent(median(peerShares.map((s) => s.share)))}`
      : '';
  return [
    {
      check: 'otherProcessingShare',
      level: checkDef('otherProcessingShare').level,
      cells: [...otherCells(one.report), HANDLED],
      message:
        `办理结果中“其他处理”${own.other} 件，占总计 ${own.handled} 件的 ${percent(own.share)}${context}` +
        `（提示阈值 ${percent(t.otherShare)}），请核对是否应归入其他办理结果`,
      actual: round2(own.share),
      threshold: t.otherShare,
    },
  ];
}

/** A report that states 0 items published proactively (the narrative's figure, or the records' count). */
function checkProactiveZero(one: OrganReport): Finding[] {
  const stated = one.report.facts?.publishedItems ?? one.report.narrative?.proactiveCount ?? null;
  if (stated !== 0) return [];
  return [
    {
      check: 'proactiveZero',
      level: checkDef('proactiveZero').level,
      cells: [],
      message: '报告所称本年主动公开政府信息为 0 条，请核对（主动公开是每个行政机关的法定职责，条例第十九条）',
      actual: 0,
    },
  ];
}

/**
 * The notes among peers of each report, in the order given: requests far beyond the same year's peers' median,
 * a large share of 其他处理, a stated 0 for 主动公开. None reads the organ's other years. Thresholds as for
 * checkAcrossReports.
 */
export function peerNotes(reports: readonly OrganReport[], thresholds: Partial<AcrossThresholds> = {}): AcrossResult[] {
  const t: AcrossThresholds = { ...ACROSS_THRESHOLDS, ...thresholds };
  return reports.map((one) => {
    const peers = peersOf(one, reports, t);
    const findings = [
      ...(peers ? checkPeerRequests(one, peers, t) : []),
      ...checkOtherShare(one, peers, t),
      ...checkProactiveZero(one),
    ];
    return { organ: one.organ, year: one.year, findings };
  });
}

/**
 * Every finding across reports, per report, in the order given: against the organ's own years, then the notes
 * among peers (peerNotes). Thresholds default to ACROSS_THRESHOLDS; a partial set overrides only what it names.
 * When an organ has two reports of a year, the first given is the one the next year is compared with.
 */
export function checkAcrossReports(
  reports: readonly OrganReport[],
  thresholds: Partial<AcrossThresholds> = {},
): AcrossResult[] {
  const t: AcrossThresholds = { ...ACROSS_THRESHOLDS, ...thresholds };
  const byOrgan = new Map<string, OrganReport[]>();
  for (const r of reports) if (r.organ !== '') byOrgan.set(r.organ, [...(byOrgan.get(r.organ) ?? []), r]);
  const notes = peerNotes(reports, t);
  return reports.map((one, i) => {
    const own = one.organ === '' ? [] : (byOrgan.get(one.organ) ?? []);
    const lastYear = own.find((r) => r.year === one.year - 1);
    const earlier = own.filter((r) => r.year < one.year).map((r) => r.report);
    const findings = [
      ...(lastYear ? compareWithLastYear(one.report, lastYear.report) : []),
      ...checkProblemsSimilar(one.report, earlier, t),
      ...(notes[i]?.findings ?? []),
    ];
    return { organ: one.organ, year: one.year, findings };
  });
}
