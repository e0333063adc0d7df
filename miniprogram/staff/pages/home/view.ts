/** 工作台 list lines. Pure. */
import type {
  ItemSummary,
  ReminderCounts,
  ReportStatus,
  RequestRow,
  StaffPurpose,
  StaffRole,
  SubscribePurpose,
} from 'gongkai-staff';
import { categoryLabel } from '../../labels';
import { overdueText } from '../requests/view';

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
  // The status first, then what the clock says — never the same words twice (已提交，待确认收到 · 待确认收到).
  const due = !d
    ? '待确认收到'
    : d.overdue
      ? `${overdueText(d)} · 应于 ${d.dueDate} 前答复`
      : d.pausedBy
        ? '期限暂停'
        : `剩 ${d.daysRemaining} 个工作日 · ${d.dueDate} 前答复`;
  return {
    id: row.id,
    title: `${row.applicationNo} ${row.applicantName}`,
    note: row.statusLabel.includes(due) ? row.statusLabel : `${row.statusLabel} · ${due}`,
    urgent: Boolean(d?.overdue || d?.atRisk),
  };
}

/** Days left before the report's due date at which the 工作台 turns the reminder on (a month before 1月31日). */
export const REPORT_REMIND_DAYS = 31;

export interface ReportLine {
  title: string;
  note: string;
  /** Not yet published and the due date is near or past. */
  remind: boolean;
  /** The county's comment when it returned the report ('' otherwise): shown under the line until resubmitted. */
  countyComment: string;
}

export function reportLine(s: ReportStatus): ReportLine {
  const title = `${s.year} 年度报告`;
  const countyComment = s.status === 'returned' ? (s.countyComment ?? '') : '';
  if (s.status === 'published') return { title, note: `${s.stepLabel}`, remind: false, countyComment };
  const state = s.status === 'none' ? '尚未开始编制' : s.stepLabel;
  const due =
    s.daysLeft < 0
      ? `已超过报送期限 ${-s.daysLeft} 天（${s.dueDate}）`
      : s.daysLeft === 0
        ? `今天（${s.dueDate}）须报送`
        : `距报送期限 ${s.dueDate} 还有 ${s.daysLeft} 天`;
  // Returned by the county: always flagged, whatever the date — it needs the editor now. Submitted: it is the
  // county's turn, nothing to remind the township of.
  const remind = s.status === 'returned' || (s.status !== 'submitted' && s.daysLeft <= REPORT_REMIND_DAYS);
  return { title, note: `${state} · ${due}`, remind, countyComment };
}

/**
 * The reminders a role asks for on the 微信提醒 row, most useful first; WeChat takes three template ids per ask.
 * - 分管领导, 第一负责人: approvalNeeded — an item or report waiting at their step is what they act on away from the desk.
 * - 发起人: requestReceived and deadlineNear first, since a request runs on the legal clock (20 working days,
 *   条例 第三十三条) whether or not anyone opens the app; then itemReturned, which needs their edit. itemPublished
 *   only reports something finished (the 工作台 shows it anyway), so it is the one left out of the three.
 * - 管理员, 县级审核员: none; no reminder is addressed to the role.
 */
export const REMINDER_PURPOSES: Record<StaffRole, readonly StaffPurpose[]> = {
  reviewer: ['approvalNeeded'],
  leader: ['approvalNeeded'],
  editor: ['requestReceived', 'deadlineNear', 'itemReturned'],
  admin: [],
  // The county role has its own page (县级审核, staff/pages/county): nothing on the 工作台 reminds it.
  county: [],
};

export const REMINDER_LABELS: Record<StaffPurpose, string> = {
  approvalNeeded: '有待我审批的信息或报告',
  itemReturned: '我的信息被退回',
  itemPublished: '我的信息已发布',
  requestReceived: '收到网上申请',
  deadlineNear: '申请临近或超过答复期限',
};

/** Shown on the 微信提醒 row when the organ has no template for the role's reminders. */
export const NO_TEMPLATES = '管理员在「机关设置」中填写订阅消息模板后，即可在此开启微信提醒';

export interface ReminderLine {
  purpose: StaffPurpose;
  templateId: string;
  label: string;
  /** Reminders still possible (accepted and not yet used); null while unknown. */
  left: number | null;
}

/** The role's reminders whose template the organ configured, with what is left of each. */
export function reminderLines(
  role: StaffRole,
  templateIds: Partial<Record<SubscribePurpose, string>>,
  counts: ReminderCounts | null,
): ReminderLine[] {
  return REMINDER_PURPOSES[role].flatMap((purpose) => {
    const templateId = templateIds[purpose];
    return templateId
      ? [{ purpose, templateId, label: REMINDER_LABELS[purpose], left: counts ? counts[purpose] : null }]
      : [];
  });
}
