/**
 * The list of published reports as the page shows it: newest year first, one line per organ (its latest
 * version only), with a filter by organ when there is more than one. Pure: summaries in, display data out.
 */
import { reportTitle, type PublishedReportSummary } from 'gongkai-core';
import { publishedNote } from '../../../components/report-view/published-day';

export interface ReportLine {
  id: string;
  title: string;
  note: string;
}

export interface YearGroup {
  year: number;
  heading: string;
  lines: ReportLine[];
}

export interface OrganChip {
  id: string;
  name: string;
}

/** The filter chip that shows every organ. */
export const ALL_ORGANS = '';

/** Keeps the highest version of each organ's report for a year. */
export function latestVersions(list: readonly PublishedReportSummary[]): PublishedReportSummary[] {
  const latest = new Map<string, PublishedReportSummary>();
  for (const s of list) {
    const key = `${s.organId}\u0000${s.year}`;
    const seen = latest.get(key);
    if (!seen || s.version > seen.version) latest.set(key, s);
  }
  return [...latest.values()];
}

function noteOf(s: PublishedReportSummary): string {
  const parts = [publishedNote(s), s.version > 1 ? `已更正（第 ${s.version} 版）` : ''];
  return parts.filter((p) => p !== '').join(' · ');
}

export function organsOf(list: readonly PublishedReportSummary[]): OrganChip[] {
  const names = new Map<string, string>();
  for (const s of list) names.set(s.organId, s.organ);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function groupByYear(list: readonly PublishedReportSummary[], organId: string = ALL_ORGANS): YearGroup[] {
  const shown = latestVersions(list).filter((s) => organId === ALL_ORGANS || s.organId === organId);
  const years = [...new Set(shown.map((s) => s.year))].sort((a, b) => b - a);
  return years.map((year) => ({
    year,
    heading: `${year} 年度`,
    lines: shown
      .filter((s) => s.year === year)
      .sort((a, b) => a.organ.localeCompare(b.organ, 'zh-CN'))
      .map((s) => ({ id: s.id, title: reportTitle(s.organ, s.year), note: noteOf(s) })),
  }));
}
