/** The importer's findings: cells it could not read (error) and cells it filled in (info), in Chinese. */
import { FORMAT_2021, cellAddress, checkDef, type CellAddress, type CheckId, type TableKey } from '../format';
import { otherProcessingDefs2019, OTHER_PROCESSING_ROWS_2021, cellDefWith2019 } from '../format/other-processing-2019';
import type { Finding } from '../report/schema';
import type { CellRead } from './align';
import type { Equation } from './equations';

const TABLE_NAMES: Record<TableKey, string> = { proactive: '表二', applications: '表三', reviewLitigation: '表四' };

const EQUATION_NAMES: Partial<Record<CheckId, string>> = {
  applicantTotal: '本行总计等于各类申请人之和',
  resultTotal: '办理结果总计等于各项办理结果之和',
  balance: '本年新收加上年结转等于办理结果总计加结转下年度',
  reviewTotal: '总计等于各项结果之和',
};

/** A label without the note in parentheses at its end: “（二）部分公开（区分处理的…）” → “（二）部分公开”. */
function plainLabel(label: string): string {
  return label.replace(/（[^（）]*）$/, '');
}

function def(address: CellAddress) {
  const d = cellDefWith2019(address);
  if (!d) throw new Error(`unknown cell ${address}`);
  return d;
}

export function rowName(address: CellAddress): string {
  const d = def(address);
  const row =
    d.table === 'reviewLitigation' && d.row !== 'review' ? `行政诉讼（${d.rowLabel}）` : plainLabel(d.rowLabel);
  return `${TABLE_NAMES[d.table]}“${row}”行`;
}

export function columnName(address: CellAddress): string {
  return `“${def(address).columnLabel}”`;
}

/** 表三“1.属于国家秘密”行“自然人”列 */
export function cellName(address: CellAddress): string {
  return `${rowName(address)}${columnName(address)}列`;
}

export function unreadable(address: CellAddress, reason: string): Finding {
  return {
    check: 'cellUnreadable',
    level: checkDef('cellUnreadable').level,
    cells: [address],
    message: `${cellName(address)}无法读取（${reason}）`,
  };
}

function inferred(cells: CellAddress[], message: string): Finding {
  return { check: 'cellInferred', level: checkDef('cellInferred').level, cells, message };
}

function valuesText(cells: readonly CellAddress[], value: (c: CellAddress) => number): string {
  const values = cells.map(value);
  if (values.every((v) => v === values[0])) return cells.length > 1 ? `均为 ${values[0] ?? 0}` : `为 ${values[0] ?? 0}`;
  return cells.map((c) => `${def(c).columnLabel} ${value(c)}`).join('，');
}

/** One finding for a short row whose cells were placed or filled by the row's own total. */
export function shortRowFinding(cells: Map<CellAddress, CellRead>, printed: number, expected: number): Finding | null {
  const placed = [...cells].filter(([, r]) => r.value !== null && r.source !== 'read').map(([c]) => c);
  const first = placed[0];
  if (!first) return null;
  const unique = [...cells.values()].some((r) => r.value !== null && r.source === 'aligned');
  const how = unique ? '只有一种对应方式符合本行总计，已按其填入' : '各种对应方式结果相同，已填入';
  const get = (c: CellAddress): number => cells.get(c)?.value ?? 0;
  return inferred(
    placed,
    `${rowName(first)}只印有 ${printed} 个数（应为 ${expected} 个），${how}${placed.map((c) => columnName(c)).join('')}列：${valuesText(placed, get)}`,
  );
}

/** Findings for cells filled by the table's equations, one per row. */
export function propagatedFindings(
  filled: ReadonlyMap<CellAddress, { value: number; via: Equation[] }>,
  order: readonly CellAddress[] = FORMAT_2021.cells.map((c) => c.address),
): Finding[] {
  const byRow = new Map<string, CellAddress[]>();
  for (const address of order) {
    if (!filled.has(address)) continue;
    const cell = def(address);
    const key = `${cell.table}.${cell.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), address]);
  }
  return [...byRow.values()].map((cells) => {
    const first = cells[0] ?? '';
    const checks = new Set(cells.flatMap((c) => filled.get(c)?.via.map((eq) => eq.check) ?? []));
    const rules = [...checks].map((id) => EQUATION_NAMES[id] ?? id).join('、');
    const get = (c: CellAddress): number => filled.get(c)?.value ?? 0;
    return inferred(
      cells,
      `${rowName(first)}${cells.map(columnName).join('')}列未能读取，已按“${rules}”推算填入：${valuesText(cells, get)}`,
    );
  });
}

/**
 * The 2021 format's three rows under a 2019-format （六）其他处理 row (cells is filled in place): 0 where the
 * row is 0 (a sum of counts), with a cellInferred finding; null where it is more, with one note that the 2019
 * format does not split the row (the checks run over the row itself, so nothing is missing).
 */
export function splitOtherProcessing(
  cells: Record<CellAddress, number | null>,
  row2019: Readonly<Record<CellAddress, number | null>>,
): Finding[] {
  const zero: CellAddress[] = [];
  const unsplit: CellAddress[] = [];
  const printed: string[] = [];
  for (const [address, d] of otherProcessingDefs2019()) {
    const value = row2019[address] ?? null;
    const targets = OTHER_PROCESSING_ROWS_2021.map((row) => cellAddress('applications', row, d.column));
    if (value === 0) {
      for (const t of targets) cells[t] = 0;
      zero.push(...targets);
    } else if (value !== null) {
      unsplit.push(...targets);
      printed.push(`${d.columnLabel} ${value}`);
    }
  }
  const findings: Finding[] = [];
  if (zero.length > 0)
    findings.push(inferred(zero, '按 2019 年格式印制的“（六）其他处理”行为 0 的列，2021 年格式分出的三行均填为 0'));
  if (unsplit.length > 0) {
    const check = 'otherProcessingUnsplit';
    findings.push({
      check,
      level: checkDef(check).level,
      cells: unsplit,
      message:
        `按 2019 年格式印制的表三“（六）其他处理”只有一行（${printed.join('，')}），不分 2021 年格式的三行，` +
        '这三行不填；各项合计按该行核对',
    });
  }
  return findings;
}
