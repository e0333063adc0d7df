/** Labels and one-line summaries of the records behind a report cell (reports.cellRecords, ./cells.ts). */
import type { CellRecordSummary } from '../../shared/api/reports';
import { FORMAT_2021 } from '../../shared/format';
import type { ReviewCase, StatEntry } from '../../shared/records';

const CASE_KIND_LABELS: Record<ReviewCase['kind'], string> = {
  review: '行政复议',
  directSuit: '行政诉讼（未经复议直接起诉）',
  suitAfterReview: '行政诉讼（复议后起诉）',
};
const CASE_RESULT_LABELS: Record<NonNullable<ReviewCase['result']>, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
};

export function cellLabel(address: string): string {
  const def = FORMAT_2021.cellByAddress.get(address);
  return def ? `${def.rowLabel} · ${def.columnLabel}` : address;
}

export function outcomeLabel(outcome: unknown): string {
  const row = FORMAT_2021.applications.rows.find((r) => r.key === outcome);
  return row ? [row.group, row.label].filter(Boolean).join(' ') : '';
}

export function entrySummary(e: StatEntry): CellRecordSummary {
  const base = { kind: 'statEntry' as const, id: e.id };
  if (e.kind === 'inForceOverride')
    return {
      ...base,
      title: `${cellLabel(`proactive.${e.metric}`)}（更正）`,
      detail: `${e.year} 年末 ${e.value} 件：${e.reason}`,
    };
  if (e.kind === 'fee') return { ...base, title: '行政事业性收费', detail: `${e.date} · ${e.amountWanYuan} 万元` };
  const extra = [e.docNo, e.note].filter((s): s is string => typeof s === 'string' && s !== '');
  return {
    ...base,
    title: e.title ?? cellLabel(`proactive.${e.metric}`),
    detail: [`${e.date} · ${e.count} 件`, ...extra].join(' · '),
  };
}

export function caseSummary(c: ReviewCase): CellRecordSummary {
  const closed =
    c.closedDate !== null && c.result !== null ? `审结 ${c.closedDate} · ${CASE_RESULT_LABELS[c.result]}` : '尚未审结';
  return {
    kind: 'case',
    id: c.id,
    title: [CASE_KIND_LABELS[c.kind], c.caseNo].filter(Boolean).join(' '),
    detail: `立案 ${c.filedDate} · ${closed}`,
  };
}
