/**
 * The county view's lines, as plain functions of the dashboard's answer: per organ its state (with what the
 * county should do first), the submission date, the findings by level, and the key figures side by side.
 */
import type { CountyDashboard, CountyFigures, CountyRow } from 'gongkai-staff';
import { publishedDay } from '../../../components/report-view/published-day';

/** The figures compared across organs and their column labels, in the table's column order. */
const FIGURE_LABELS: Record<keyof CountyFigures, string> = {
  itemsPublished: '主动公开',
  requestsReceived: '新收申请',
  carriedOver: '上年结转',
  carriedForward: '结转下年',
  reviews: '复议',
  suits: '诉讼',
};

export const FIGURE_COLUMNS = (Object.keys(FIGURE_LABELS) as (keyof CountyFigures)[]).map((key) => ({
  key,
  label: FIGURE_LABELS[key],
}));

export interface CountyLine {
  organId: string;
  organ: string;
  stateLabel: string;
  /** 'act': waits for the county (submitted); 'late': past the due date; 'done': published; '' otherwise. */
  tone: 'act' | 'late' | 'done' | '';
  /** 报送 2026年1月20日 · 未使用本系统 …, '' when there is nothing to say. */
  note: string;
  /** 错误 2 · 警告 1 · 提示 3, or 未发现问题 / '' before the report reached the county. */
  findings: string;
  hasErrors: boolean;
}

export interface FigureRow {
  organId: string;
  organ: string;
  /** One text per FIGURE_COLUMNS entry: the number, or — where the report has none (not in, or unreadable). */
  values: { key: string; text: string }[];
}

function findingsText(row: CountyRow): string {
  if (row.figures === null) return '';
  if (row.errors + row.warnings + row.notes === 0) return '未发现问题';
  return [`错误 ${row.errors}`, `警告 ${row.warnings}`, `提示 ${row.notes}`].join(' · ');
}

export function countyLine(row: CountyRow): CountyLine {
  const notes = [
    row.submittedAt ? `报送 ${publishedDay(row.submittedAt)}` : '',
    row.publishedAt ? `发布 ${publishedDay(row.publishedAt)}` : '',
    row.version !== null && row.version > 1 ? `第 ${row.version} 版` : '',
    row.overdue ? '已逾期' : '',
    row.onProduct ? '' : '未使用本系统（县级代录）',
  ];
  return {
    organId: row.organId,
    organ: row.organ,
    stateLabel: row.stateLabel,
    tone: row.state === 'submitted' ? 'act' : row.overdue ? 'late' : row.state === 'published' ? 'done' : '',
    note: notes.filter((n) => n !== '').join(' · '),
    findings: findingsText(row),
    hasErrors: row.errors > 0,
  };
}

export function figureRow(row: CountyRow): FigureRow {
  return {
    organId: row.organId,
    organ: row.organ.replace(/人民政府$/, ''),
    values: FIGURE_COLUMNS.map(({ key }) => {
      const value = row.figures?.[key] ?? null;
      return { key, text: value === null ? '—' : String(value) };
    }),
  };
}

/** 共 5 个机关：待审核 1，已发布 2 … 逾期 2 (the states that have organs, in the dashboard's order). */
export function totalsText(d: CountyDashboard): string {
  const seen = new Map<string, number>();
  for (const row of d.organs) seen.set(row.stateLabel, (seen.get(row.stateLabel) ?? 0) + 1);
  const parts = [...seen].map(([label, n]) => `${label} ${n}`);
  const late = d.totals.overdue > 0 ? `；逾期 ${d.totals.overdue}` : '';
  return `共 ${d.totals.organs} 个机关：${parts.join('，') || '无'}${late}`;
}
