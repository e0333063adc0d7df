/**
 * The approval screen's display data: the item field by field against what it replaces (for a correction, the
 * published original; otherwise nothing, so every filled field is new), and the 保密审查 checklist. Pure.
 */
import { SECRECY_CHECKLIST, type SecrecyPoint } from 'gongkai-staff';
import { categoryLabel, validityLabel } from '../../labels';
import type { StaffItem } from 'gongkai-staff';

export type DiffKind = 'same' | 'changed' | 'added' | 'removed';

export interface DiffRow {
  key: string;
  label: string;
  before: string;
  after: string;
  kind: DiffKind;
}

type Shown = Pick<
  StaffItem,
  'title' | 'docNo' | 'publisher' | 'writtenDate' | 'category' | 'validity' | 'body' | 'attachments'
>;

const FIELDS: readonly { key: string; label: string; text: (item: Shown) => string }[] = [
  { key: 'title', label: '名称', text: (i) => i.title },
  { key: 'docNo', label: '文号', text: (i) => i.docNo ?? '' },
  { key: 'publisher', label: '发布机构', text: (i) => i.publisher },
  { key: 'writtenDate', label: '成文日期', text: (i) => i.writtenDate },
  { key: 'category', label: '分类', text: (i) => (i.category ? categoryLabel(i.category) : '') },
  { key: 'validity', label: '有效性', text: (i) => (i.validity ? validityLabel(i.validity) : '') },
  { key: 'body', label: '正文', text: (i) => i.body },
  {
    key: 'attachments',
    label: '附件',
    text: (i) => (i.attachments.length === 0 ? '' : i.attachments.map((a) => a.name).join('、')),
  },
];

export function diffRows(current: Shown, previous: Shown | null): DiffRow[] {
  return FIELDS.map(({ key, label, text }) => {
    const after = text(current);
    const before = previous === null ? '' : text(previous);
    let kind: DiffKind = 'same';
    // A new item has no previous version: the group title says 新发布 once, no field is tinted and badged 新增.
    if (previous !== null && before !== after) kind = before === '' ? 'added' : after === '' ? 'removed' : 'changed';
    return { key, label, before, after, kind };
  }).filter((row) => row.before !== '' || row.after !== '');
}

export interface CheckRow {
  key: SecrecyPoint;
  label: string;
  on: boolean;
}

export function checklistRows(ticked: Partial<Record<SecrecyPoint, boolean>> = {}): CheckRow[] {
  return (Object.keys(SECRECY_CHECKLIST) as SecrecyPoint[]).map((key) => ({
    key,
    label: SECRECY_CHECKLIST[key],
    on: ticked[key] === true,
  }));
}

export function allTicked(rows: readonly CheckRow[]): boolean {
  return rows.length > 0 && rows.every((r) => r.on);
}

export const KIND_LABELS: Record<DiffKind, string> = {
  same: '未变',
  changed: '已修改',
  added: '新增',
  removed: '已删除',
};
