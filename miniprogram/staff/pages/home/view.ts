/** 工作台 list lines. Pure. */
import type { ItemSummary, ReportStatus, RequestRow } from 'gongkai-core';
import { categoryLabel } from '../../labels';

export interface WorkLine {
  id: string;
  title: string;
  note: string;
}

export function workLine(item: ItemSummary): WorkLine {
  const parts = [item.category ? categoryLabel(item.category) : '', item.writtenDate ? `成文 ${item.writtenDate}` : ''];
  return { id: item.id, title: item.title || '（未命名）', note: parts.filter((p) => p !== '').join(' · ') };
}

/** The requests the desk shows first: overdue, then at risk, then by due date (the list is already in that order). */
export const URGENT_SHOWN = 3;

export function requestLine(row: RequestRow): WorkLine & { urgent: boolean } {
  const d = row.deadline;
  const due = !d ? '待确认收到' : d.overdue ? `已逾期 · 应于 ${d.dueDate} 前答复` : d.pausedBy ? `${row.statusLabel} · 期限暂停` : `剩 ${d.daysRemaining} 个工作日 · ${d.dueDate} 前答复`;
  return { id: row.id, title: `${row.applicationNo} ${row.applicantName}`, note: `${row.statusLabel} · ${due}`, urgent: Boolean(d?.overdue || d?.atRisk) };
}

/** Days left before the report's due date at which the 工作台 turns the reminder on (a month before 1月31日). */
export const REPORT_REMIND_DAYS = 31;

export interface ReportLine {
  title: string;
  note: string;
  /** Not yet published and the due date is near or past. */
  remind: boolean;
}

export function reportLine(s: ReportStatus): ReportLine {
  const title = `${s.year} 年度报告`;
  if (s.status === 'published') return { title, note: `${s.stepLabel}`, remind: false };
  const state = s.status === 'none' ? '尚未开始编制' : s.stepLabel;
  const due = s.daysLeft < 0 ? `已超过报送期限 ${-s.daysLeft} 天（${s.dueDate}）` : s.daysLeft === 0 ? `今天（${s.dueDate}）须报送` : `距报送期限 ${s.dueDate} 还有 ${s.daysLeft} 天`;
  return { title, note: `${state} · ${due}`, remind: s.daysLeft <= REPORT_REMIND_DAYS };
}
