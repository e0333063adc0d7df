/**
 * Texts a table prints besides its row labels — group labels, column headers, notes — from the format.
 * A token that is one of these is layout: it may sit between a row label and its numbers (a spilled
 * merged cell) without being a label itself.
 */
import { FORMAT_2021 } from '../format';
import { labelKey } from './normalize';

function texts(): string[] {
  const p = FORMAT_2021.proactive;
  const grids = [FORMAT_2021.applications, FORMAT_2021.reviewLitigation];
  return [
    p.itemHeader,
    ...p.groups.flatMap((g) => [g.label, ...g.columns.map((c) => c.label)]),
    ...grids.flatMap((t) => [
      t.note ?? '',
      t.columnHeader ?? '',
      ...t.columns.flatMap((c) => [c.label, c.group ?? '']),
      ...t.rows.flatMap((r) => [r.group ?? '', r.parentGroup ?? '']),
    ]),
    '行政诉讼',
    '单位件',
  ];
}

const LAYOUT: ReadonlySet<string> = new Set(
  texts()
    .map(labelKey)
    .filter((k) => k.length > 0),
);

/** True when the text is only table layout (a header or group label), e.g. “三、本年度 办理结果”. */
export function isLayout(text: string): boolean {
  return LAYOUT.has(labelKey(text));
}
