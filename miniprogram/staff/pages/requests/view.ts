/**
 * What the 依申请 desk shows of a request's clock and of a list row: short Chinese lines, computed once here so the
 * list and the detail page say the same thing, and only display fields go through setData.
 */
import type { DeadlineSummary, RequestRow, RequestStatus } from 'gongkai-staff';

export const REQUEST_ROUTE = '/staff/pages/request/index';

/** Short status names for the filter chips (the function's STATUS_LABELS are sentences). */
export const FILTERS: readonly { key: RequestStatus | ''; label: string }[] = [
  { key: '', label: '全部' },
  { key: 'submitted', label: '待确认' },
  { key: 'received', label: '办理中' },
  { key: 'correctionRequested', label: '待补正' },
  { key: 'consulting', label: '征求意见' },
  { key: 'extended', label: '已延期' },
  { key: 'feeNoticed', label: '待缴费' },
  { key: 'answered', label: '已答复' },
  { key: 'closed', label: '已终止' },
];

const PAUSED_BY: Record<NonNullable<DeadlineSummary['pausedBy']>, string> = {
  correction: '等待申请人补正',
  consultation: '征求第三方意见',
  fee: '等待缴纳信息处理费',
};

export interface DeadlineLines {
  /** '答复期限 2026-04-01' (while paused: 预计). */
  due: string;
  /** '剩 5 个工作日' / '已逾期 3 个工作日' ('已逾期' on a rest day right after the due date). */
  left: string;
  /** '计时暂停：等待申请人补正（至 2026-03-20）', or ''. */
  paused: string;
  tag: '' | 'atRisk' | 'overdue';
  tagLabel: string;
}

/** How late: the working days counted past the due date (条例 第三十三条 counts working days). */
export function overdueText(d: Pick<DeadlineSummary, 'daysOverdue'>): string {
  return d.daysOverdue > 0 ? `已逾期 ${d.daysOverdue} 个工作日` : '已逾期';
}

export function deadlineLines(d: DeadlineSummary): DeadlineLines {
  const tag = d.overdue ? 'overdue' : d.atRisk ? 'atRisk' : '';
  return {
    due: `${d.projected ? '预计' : ''}答复期限 ${d.dueDate}`,
    left: d.overdue ? overdueText(d) : `剩 ${d.daysRemaining} 个工作日`,
    paused: d.pausedBy ? `计时暂停：${PAUSED_BY[d.pausedBy]}${d.pauseEndsBy ? `（至 ${d.pauseEndsBy}）` : ''}` : '',
    tag,
    tagLabel: tag === 'overdue' ? '已逾期' : tag === 'atRisk' ? '即将到期' : '',
  };
}

export interface RequestLine {
  id: string;
  applicationNo: string;
  name: string;
  status: string;
  /** Due date with days left, or why there is none. */
  due: string;
  tag: DeadlineLines['tag'];
  tagLabel: string;
}

export function toLine(row: RequestRow): RequestLine {
  const base = { id: row.id, applicationNo: row.applicationNo, name: row.applicantName, status: row.statusLabel };
  if (row.answeredDate !== null && (row.status === 'answered' || row.status === 'closed')) {
    return {
      ...base,
      due: `${row.status === 'answered' ? '答复' : '终止'}于 ${row.answeredDate}${row.outcomeLabel ? ` · ${row.outcomeLabel}` : ''}`,
      tag: '',
      tagLabel: '',
    };
  }
  if (row.deadline === null) return { ...base, due: `${row.submittedDate} 提交，待确认收到`, tag: '', tagLabel: '' };
  const d = deadlineLines(row.deadline);
  return { ...base, due: `${d.due} · ${d.left}`, tag: d.tag, tagLabel: d.tagLabel };
}
