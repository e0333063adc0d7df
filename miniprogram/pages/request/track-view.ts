/** A tracked request as the page shows it: status, due date in words, the timeline, notices and the reply letter. Pure. */
import type { DeadlineSummary, OrganPublicProfile, TrackAnswer } from 'gongkai-core';
import { chineseDate } from '../catalog/view';

export interface TrackView {
  applicationNo: string;
  statusLabel: string;
  /** What was asked (the applicant's own view only: the public view by 申请编号 does not show it). */
  asked: string;
  /** '2026年3月2日' or '' (an online request the organ has not confirmed yet has no receipt date). */
  submitted: string;
  received: string;
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
  const mine = answer.view === 'applicant';
  return {
    applicationNo: answer.applicationNo,
    statusLabel: answer.statusLabel,
    asked: mine ? (answer.content.description ?? '') : '',
    submitted: mine ? chineseDate(answer.submittedDate) : '',
    received: answer.receivedDate ? chineseDate(answer.receivedDate) : '',
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

/**
 * 查询码丢失？ The code is shown once and stored only as a hash, so nobody can look it up: the organ's office issues
 * a new one after checking the applicant's identity face to face (requests.reissueCode). Where and whom to call
 * come from the organ's profile when it has them.
 */
export function lostCodeHelp(organ: Pick<OrganPublicProfile, 'name' | 'address' | 'contactPhone'> | null): string[] {
  const office = organ ? `${organ.name}政府信息公开工作机构` : '受理申请的机关的政府信息公开工作机构';
  const where = [
    organ?.address ? `地址：${organ.address}` : '',
    organ?.contactPhone ? `电话：${organ.contactPhone}` : '',
  ].filter((s) => s !== '');
  return [
    '查询码只在提交或登记申请时显示一次，本机关也查不到原查询码。',
    `请携带申请时所填的证件到${office}（他人代办的，带授权委托书和双方证件），工作人员当面核验身份后补发新查询码，原查询码随即失效。`,
    ...(where.length > 0 ? [where.join('；')] : []),
    '在本小程序中提交的申请，也可以在“我的”→“我的申请”中直接查看，不需要查询码。',
  ];
}
