/** balance, resultTotal, applicantTotal, reviewTotal: the equations of tables 三 and 四, checked as data. */
import { checkDef, type CellAddress } from '../format';
import type { Finding } from '../report/schema';
import type { Equation } from '../format/equations';
import { cellValue, equationsOf, type CheckInput } from './input';
import { columnName, rowName, TABLE_NAMES } from './labels';
import { formatNumber, sum } from './numbers';

function messageFor(eq: Equation, left: number[], right: number[]): string {
  // Along a column the parts are rows; along a row they are columns.
  const partName = eq.per === 'column' ? rowName : columnName;
  const first: CellAddress = eq.left[0] ?? '';
  const where = eq.per === 'column' ? `“${columnName(first)}”列` : `“${rowName(first)}”行`;
  const terms = (cells: CellAddress[], values: number[]) =>
    cells.map((c, i) => `${partName(c)}(${formatNumber(values[i] ?? 0)})`).join(' + ');
  const l = formatNumber(sum(left));
  const r = formatNumber(sum(right));
  if (eq.left.length === 1) {
    return `${TABLE_NAMES[eq.table]}${where}：${partName(first)}为 ${l}，但各项之和为 ${r}`;
  }
  return `${TABLE_NAMES[eq.table]}${where}：${terms(eq.left, left)} = ${l}，不等于 ${terms(eq.right, right)} = ${r}`;
}

export function checkArithmetic(report: CheckInput): Finding[] {
  const findings: Finding[] = [];
  for (const eq of equationsOf(report)) {
    const left = eq.left.map((a) => cellValue(report, a));
    const right = eq.right.map((a) => cellValue(report, a));
    // An unreadable cell makes the equation not assessable: no false failure (cellUnreadable says why).
    if (!left.every(isNumber) || !right.every(isNumber)) continue;
    if (sum(left) === sum(right)) continue;
    findings.push({
      check: eq.check,
      level: checkDef(eq.check).level,
      cells: [...eq.left, ...eq.right],
      message: messageFor(eq, left, right),
      expected: sum(right),
      actual: sum(left),
    });
  }
  return findings;
}

function isNumber(v: number | null): v is number {
  return v !== null;
}
