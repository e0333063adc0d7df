/**
 * Labels apart from their numbers, as text taken from a PDF gives them: each row's label on its own line
 * with its numbers on the next, or all of a table's labels first and all its numbers after. Rows are placed
 * by their order and widths only where the table's equations confirm it; otherwise null, with a finding
 * that says why — never a number in the wrong row.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FORMAT_2021 } from '../../../shared/format';
import { importReportText } from '../../../shared/import';

const BAISHA = readFileSync(path.join(__dirname, '../../fixtures/reports/baisha-town-2022-tabs.txt'), 'utf8');
const original = importReportText(BAISHA);
const lines = BAISHA.split('\n');

/** Table 三's rows as printed: [label, numbers] (the label without its merged group cells). */
function table3Rows(): [string, string][] {
  const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  return lines.slice(start, end + 1).map((l) => {
    const cells = l.split('\t').filter((c) => c.trim() !== '');
    return [cells.slice(0, cells.length - 7).join(''), cells.slice(-7).join(' ')];
  });
}

function withTable3(body: string[]): string {
  const start = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const end = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  return [...lines.slice(0, start), ...body, ...lines.slice(end + 1)].join('\n');
}

const applicationCells = FORMAT_2021.cells.filter((c) => c.table === 'applications').map((c) => c.address);
const pick = (cells: Record<string, number | null>) => applicationCells.map((a) => [a, cells[a]]);

describe('table 三 with labels apart from numbers', () => {
  it('reads a label line then a number line, row by row', () => {
    const r = importReportText(withTable3(table3Rows().flatMap(([label, numbers]) => [label, numbers])));
    expect(pick(r.cells)).toEqual(pick(original.cells));
  });

  it('places all the numbers after all the labels by row order, the equations confirming it', () => {
    const rows = table3Rows();
    const r = importReportText(withTable3([...rows.map(([label]) => label), ...rows.map(([, n]) => n)]));
    expect(pick(r.cells)).toEqual(pick(original.cells));
  });

  it('places nothing when a row’s numbers are missing: null with a finding, never a shifted row', () => {
    const rows = table3Rows();
    // The numbers of （二）部分公开 are lost: by order every later row would take its successor's numbers.
    const numbers = rows.map(([, n]) => n).filter((_, i) => i !== 3);
    const r = importReportText(withTable3([...rows.map(([label]) => label), ...numbers]));
    for (const a of applicationCells) {
      const v = r.cells[a];
      if (v !== null) expect([a, v]).toEqual([a, original.cells[a]]);
    }
    const why = r.findings.find((f) => f.check === 'cellUnreadable' && f.cells[0] === 'applications.disclosed.natural');
    expect(why?.message).toMatch(/标签与数字分开印出/);
  });
});

describe('table 二 with its labels apart from its numbers', () => {
  it('leaves the rows null: table 二 has no equation to confirm an order', () => {
    const text = BAISHA.replace('规章\t0\t0\t0\n行政规范性文件\t2\t1\t5', '规章\n行政规范性文件\n0 0 0\n2 1 5');
    expect(text).not.toBe(BAISHA);
    const r = importReportText(text);
    expect([r.cells['proactive.rules.issued'], r.cells['proactive.normativeDocs.inForce']]).toEqual([null, null]);
    const why = r.findings.find((f) => f.cells[0] === 'proactive.normativeDocs.inForce');
    expect(why?.message).toMatch(/标签与数字分开印出/);
    expect(r.cells['proactive.licensing.decisions']).toBe(12);
  });
});
