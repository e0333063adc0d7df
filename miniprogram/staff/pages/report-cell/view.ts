/** The records behind one cell, grouped by kind for the report-cell page. Pure. */
import type { CellRecordKind, CellRecordsView } from 'gongkai-staff';

export interface RecordGroup {
  kind: CellRecordKind;
  label: string;
  items: { id: string; title: string; detail: string }[];
}

const KINDS: readonly { kind: CellRecordKind; label: string }[] = [
  { kind: 'request', label: '依申请公开' },
  { kind: 'statEntry', label: '统计填报' },
  { kind: 'case', label: '复议诉讼' },
  { kind: 'item', label: '主动公开信息' },
];

export function recordGroups(view: CellRecordsView): RecordGroup[] {
  return KINDS.map(({ kind, label }) => ({
    kind,
    label,
    items: view.records.filter((r) => r.kind === kind).map(({ id, title, detail }) => ({ id, title, detail })),
  })).filter((g) => g.items.length > 0);
}

/** 共 3 条记录; when only the first part is listed, says so. */
export function countText(view: CellRecordsView): string {
  if (view.total === 0) return '';
  return view.total > view.records.length
    ? `共 ${view.total} 条记录，列出前 ${view.records.length} 条`
    : `共 ${view.total} 条记录`;
}
