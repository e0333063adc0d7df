/** One organ's report as the county reads it, as plain functions of `county.report`'s answer. */
import type { CountyReportView } from 'gongkai-staff';
import { publishedDay } from '../../../components/report-view/published-day';
import { groupFindings, PREVIEW_ROUTE, type FindingGroup } from '../report/view';
import { countyLine, figureRow, FIGURE_COLUMNS, type CountyLine } from '../county/view';

export interface CountyReportPage {
  line: CountyLine;
  year: number;
  /** The county acts only on a submitted report (shared/county/status.ts). */
  canAct: boolean;
  /** Why there is no report to read yet, '' when there is one. */
  waiting: string;
  groups: FindingGroup[];
  figures: { label: string; text: string }[];
  returnComment: string;
  versions: { key: string; text: string }[];
  returns: { key: string; text: string }[];
  /**
   * The report to read in full, tables included: the published version as citizens see it where it is on the
   * product, else the report as it reached the county (submitted, returned, pasted in; read-only); '' before that.
   */
  readUrl: string;
}

export function reportPage(v: CountyReportView): CountyReportPage {
  const row = v.row;
  const values = figureRow(row).values;
  return {
    line: countyLine(row),
    year: row.year,
    canAct: row.state === 'submitted',
    waiting: v.report ? '' : `报告尚未报送（${row.stateLabel}），报送后可在此查看和审核`,
    groups: groupFindings(v.findings),
    figures: v.report ? FIGURE_COLUMNS.map((c, i) => ({ label: c.label, text: values[i]?.text ?? '—' })) : [],
    returnComment: row.returnComment ?? '',
    versions: v.versions.map((x) => ({
      key: String(x.version),
      text: `第 ${x.version} 版 · ${publishedDay(x.publishedAt)}${x.reason ? ` · 更正理由：${x.reason}` : ''}`,
    })),
    returns: v.returns.map((r, i) => ({ key: String(i), text: `${publishedDay(r.at)} 退回：${r.comment}` })),
    readUrl: row.publishedId
      ? `${PREVIEW_ROUTE}?id=${encodeURIComponent(row.publishedId)}`
      : v.report
        ? `${PREVIEW_ROUTE}?organId=${encodeURIComponent(row.organId)}&year=${row.year}`
        : '',
  };
}
