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

describe('table 二 with blocks printed number first (plain text from a PDF)', () => {
  const start = lines.findIndex((l) => l.startsWith('第二十条第（五）项'));
  const end = lines.findIndex((l) => l.startsWith('行政事业性收费'));
  const withBlocks = (blocks: string[]) =>
    importReportText([...lines.slice(0, start), ...blocks, ...lines.slice(end + 1)].join('\n'));
  const oneNumberRows = [
    'proactive.licensing.decisions',
    'proactive.punishment.decisions',
    'proactive.enforcement.decisions',
    'proactive.fees.amountWanYuan',
  ];
  const licensing = ['第二十条第（五）项', '信息内容', '本年处理决定数量', '12', '行政许可'];
  const fees = ['第二十条第（八）项', '信息内容', '本年收费金额（单位：万元）', '1.25', '行政事业性收费'];

  it('gives each number to the label after it, block by block (number first, label first, number first)', () => {
    expect(oneNumberRows.map((a) => original.cells[a])).toEqual([12, 3, 1, 1.25]);
    const numberFirst = withBlocks([
      ...licensing,
      ...['第二十条第（六）项', '信息内容', '本年处理决定数量', '3', '行政处罚', '—2—', '1', '行政强制'],
      ...fees,
    ]);
    expect(FORMAT_2021.cells.map((c) => [c.address, numberFirst.cells[c.address]])).toEqual(
      FORMAT_2021.cells.map((c) => [c.address, original.cells[c.address]]),
    );
    const mixed = withBlocks([
      ...licensing,
      ...['第二十条第（六）项', '信息内容', '本年处理决定数量', '行政处罚', '3', '行政强制', '1'],
      ...fees,
    ]);
    expect(oneNumberRows.map((a) => mixed.cells[a])).toEqual([12, 3, 1, 1.25]);
  });

  it('leaves the rows null with the reason when a number-first block does not pair up, never the next row’s number', () => {
    const read = withBlocks([
      ...licensing,
      ...['第二十条第（六）项', '信息内容', '本年处理决定数量', '3', '1', '行政处罚', '行政强制'],
      ...fees,
    ]);
    expect(oneNumberRows.map((a) => read.cells[a])).toEqual([null, null, null, null]);
    const unreadable = read.findings.filter((f) => f.check === 'cellUnreadable');
    expect(unreadable.flatMap((f) => f.cells)).toEqual(expect.arrayContaining(oneNumberRows));
    expect(unreadable.map((f) => f.message).join('')).toContain('数字印在行标签之前');
  });
});
