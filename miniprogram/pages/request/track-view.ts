/** A tracked request as the page shows it: status, due date in words, the timeline, notices and the reply letter. Pure. */
import type { DeadlineSummary, TrackAnswer } from 'gongkai-core';
import { chineseDate } from '../catalog/view';

export interface TrackView {
  applicationNo: string;
  statusLabel: string;
  due: string;
  outcome: string;
  timeline: { key: string; date: string; label: string; detail: string }[];
  letterTitle: string;
  letterParagraphs: string[];
  /** 补正 / 延期 / 收费 notices the organ sent, newest first (what the applicant must do next is on top). */
  notices: { key: string; title: string; date: string; paragraphs: string[] }[];
}

const paragraphs = (text: string): string[] => text.split(/\r?\n/).filter((p) => p.trim() !== '');

const PAUSES: Record<NonNullable<DeadlineSummary['pausedBy']>, string> = {
  correction: '等待补正',
  consultation: '征求第三方意见',
  fee: '等待缴费',
};

export function dueText(deadline: DeadlineSummary | null, answered: boolean): string {
  if (answered) return '已答复';
  if (!deadline) return '机关确认收到申请后开始计算（一般为 20 个工作日）';
  const date = chineseDate(deadline.dueDate);
  if (deadline.pausedBy) return `${PAUSES[deadline.pausedBy]}，期限暂停计算（预计 ${date} 前答复）`;
  if (deadline.overdue) return `应于 ${date} 前答复（已超期）`;
  // 条例 第三十三条 counts working days: say so, and say when the date may still move.
  const text = `应于 ${date} 前答复（还有 ${deadline.daysRemaining} 个工作日）`;
  return deadline.note ? `${text}。${deadline.note}` : text;
}

export function toTrackView(answer: TrackAnswer): TrackView {
  const answered = answer.answeredDate !== null;
  const timeline =
    answer.view === 'applicant'
      ? answer.timeline.map((t, i) => ({
          key: String(i),
          date: chineseDate(t.date),
          label: t.label,
          detail: t.detail ?? '',
        }))
      : [];
  const letter = answer.view === 'applicant' ? answer.letter : null;
  return {
    applicationNo: answer.applicationNo,
    statusLabel: answer.statusLabel,
    due: dueText(answer.deadline, answered),
    outcome: answer.outcomeLabel ?? '',
    timeline,
    letterTitle: letter?.title ?? '',
    letterParagraphs: paragraphs(letter?.text ?? ''),
    notices:
      answer.view === 'applicant'
        ? answer.notices
            .map((n, i) => ({
              key: `${n.kind}-${i}`,
              title: n.title,
              date: chineseDate(n.date),
              paragraphs: paragraphs(n.text),
            }))
            .reverse()
        : [],
  };
}
