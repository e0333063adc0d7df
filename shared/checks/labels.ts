/** Chinese names of cells for findings, from the format's own labels. */
import type { CellAddress, TableKey } from '../format';
import { cellDefWith2019 } from '../format/other-processing-2019';

export const TABLE_NAMES: Record<TableKey, string> = {
  proactive: '表二（主动公开）',
  applications: '表三（依申请公开）',
  reviewLitigation: '表四（复议诉讼）',
};

/** Strips the numbering and notes of an official label: “（二）部分公开（区分处理的…）” → “部分公开”. */
export function shortLabel(label: string): string {
  return label
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/^（[一二三四五六七八九十]+）/, '')
    .replace(/^\d+\./, '')
    .replace(/（[^）]*）$/, '')
    .replace(/政府信息公开申请数量$/, '');
}

export function cellName(address: CellAddress): string {
  const def = cellDefWith2019(address);
  if (!def) return address;
  const row = shortLabel(def.rowLabel);
  const column = shortLabel(def.columnLabel);
  return `${TABLE_NAMES[def.table]}“${row}”行“${column}”列`;
}

export function rowName(address: CellAddress): string {
  const def = cellDefWith2019(address);
  return def ? shortLabel(def.rowLabel) : address;
}

export function columnName(address: CellAddress): string {
  const def = cellDefWith2019(address);
  return def ? shortLabel(def.columnLabel) : address;
}
