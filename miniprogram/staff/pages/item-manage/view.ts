/**
 * A published item's versions as the manage screen lists them: the item itself, then each one it corrected (the
 * `correctionOf` chain, newest first), each with its approval trail in plain Chinese. Pure.
 */
import { ROLE_LABELS, type ItemHistory, type ItemStatus, type TrailView } from 'gongkai-staff';

export interface TrailLine {
  key: string;
  when: string;
  text: string;
  comment: string;
}

export interface VersionView {
  id: string;
  label: string;
  status: string;
  lines: TrailLine[];
}

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: '草稿',
  inReview: '审批中',
  published: '已发布',
  withdrawn: '已撤回',
};

const DECISIONS: Record<TrailView['decision'], string> = {
  submit: '提交审核',
  approve: '审核通过',
  reject: '退回修改',
  withdraw: '撤回',
  correct: '发起更正',
};

/** `2026-03-01 10:20` in the phone's time zone (China). */
export function timeLabel(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

export function trailLines(trail: readonly TrailView[]): TrailLine[] {
  return trail.map((t, i) => ({
    key: `${i}`,
    when: timeLabel(t.at),
    text: `${ROLE_LABELS[t.role] ?? t.role}${DECISIONS[t.decision] ?? t.decision}`,
    comment: t.comment ?? '',
  }));
}

/** `chain[0]` is the item opened, then what it corrected, and so on; the first published is 第 1 版. */
export function versionViews(chain: readonly ItemHistory[]): VersionView[] {
  return chain.map((h, i) => ({
    id: h.id,
    label: `第 ${chain.length - i} 版${i === 0 ? '（当前）' : ''}`,
    status: h.supersededBy !== null ? '已被更正版本取代' : STATUS_LABELS[h.status],
    lines: trailLines(h.trail),
  }));
}

/** How far back the correction chain is read: a guard against a broken link, not a product limit. */
export const MAX_VERSIONS = 10;
