/**
 * Two years of the same organ through the report CLI, as the product owner runs it: `import --json`
 * gives the printed cells and the findings; `check --last-year` compares 上年结转 with last year's 结转下年度.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../../cli/report';
import { checkReport } from '../../../shared/checks';
import { importReportText } from '../../../shared/import';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = 'test/fixtures/reports';
const at = (name: string): string => `${FIXTURES}/${name}`;

interface FindingOut {
  check: string;
  level: string;
  cells: string[];
  expected?: number;
  actual?: number;
}

async function check(file: string, lastYear: string): Promise<{ exitCode: number; findings: FindingOut[] }> {
  const out = await run(['check', at(file), '--last-year', at(lastYear), '--json'], ROOT);
  return { exitCode: out.exitCode, findings: JSON.parse(out.stdout) as FindingOut[] };
}

describe('check --last-year', () => {
  it('松岭乡: 2023 prints 上年结转 0 where 2022 carried 1 forward — carryOverApplications, exit 1', async () => {
    const { exitCode, findings } = await check(
      'songling-township-2023-pipe-cells.txt',
      'songling-township-2022-pipe-cells.txt',
    );
    expect(exitCode).toBe(1);
    const carry = findings.filter((f) => f.check === 'carryOverApplications');
    expect(carry.map((f) => [f.level, f.cells[0], f.expected, f.actual])).toEqual([
      ['error', 'applications.carriedOver.natural', 1, 0],
      ['error', 'applications.carriedOver.total', 1, 0],
    ]);
    // Documents in force carry over correctly (6 + 2 − 1 = 7); the rest is information.
    expect(findings.filter((f) => f.level === 'error').map((f) => f.check)).toEqual([
      'carryOverApplications',
      'carryOverApplications',
    ]);
    expect(findings.some((f) => f.check === 'carryOverInForce')).toBe(false);
  });

  it('梧岭县农业农村局: the two years agree — no cross-year finding, exit 0', async () => {
    const { exitCode, findings } = await check(
      'wuling-county-bureau-2023-markdown.txt',
      'wuling-county-bureau-2022-markdown.txt',
    );
    expect(exitCode).toBe(0);
    expect(findings).toEqual([]);
  });

  it('each year alone has no error', async () => {
    for (const file of [
      'songling-township-2022-pipe-cells.txt',
      'songling-township-2023-pipe-cells.txt',
      'wuling-county-bureau-2022-markdown.txt',
    ]) {
      const out = await run(['check', at(file)], ROOT);
      expect([file, out.exitCode]).toEqual([file, 0]);
    }
  });

  it('gives the same findings through shared/checks', () => {
    const read = (name: string) => importReportText(readFileSync(path.join(ROOT, at(name)), 'utf8'));
    const findings = checkReport(read('songling-township-2023-pipe-cells.txt'), {
      lastYear: read('songling-township-2022-pipe-cells.txt'),
    });
    expect(findings.filter((f) => f.check === 'carryOverApplications').map((f) => f.cells[0])).toEqual([
      'applications.carriedOver.natural',
      'applications.carriedOver.total',
    ]);
  });
});

describe('import --json', () => {
  it('reproduces a report with a published inconsistency cell for cell, with the findings that name it', async () => {
    const out = await run(['import', at('hexi-subdistrict-2023-pipe-lines.txt'), '--json'], ROOT);
    expect(out.exitCode).toBe(0);
    const data = JSON.parse(out.stdout) as {
      organ: string;
      cells: Record<string, number | null>;
      findings: FindingOut[];
    };
    expect(data.organ).toBe('柳岸区河西街道办事处');
    expect(data.cells['applications.resultTotal.total']).toBe(15);
    expect(data.cells['applications.newReceived.total']).toBe(15);
    expect(
      data.findings
        .filter((f) => f.level === 'error')
        .map((f) => f.check)
        .sort(),
    ).toEqual(['applicantTotal', 'balance', 'resultTotal']);
  });
});

describe('a 2020 report in the 2019 format (国办公开办函〔2019〕60号) against the 2021 report', () => {
  const read = (name: string) => importReportText(readFileSync(path.join(ROOT, at(name)), 'utf8'));

  it('is read as the 2019 format: tables 三 and 四 into the 2021 cells, table 二 left out', () => {
    const r = read('baisha-town-2020-format-2019.txt');
    expect([r.organ, r.year, r.formatVersion]).toEqual(['东川县白沙镇人民政府', 2020, '2019']);
    expect(r.cells['applications.carriedForward.natural']).toBe(2);
    expect(r.cells['applications.resultTotal.total']).toBe(5);
    expect(r.cells['reviewLitigation.review.upheld']).toBe(1);
    // （六）其他处理 printed as one row of zeros: each of the 2021 format's three rows is 0, said so.
    expect(r.cells['applications.otherFeeUnpaid.natural']).toBe(0);
    expect(r.findings.filter((f) => f.check === 'cellInferred').map((f) => f.cells.length)).toEqual([21]);
    // 本年新制作数量 is not 本年制发件数: table 二 is not read into the 2021 columns.
    expect(r.cells['proactive.normativeDocs.inForce']).toBeNull();
    expect(r.cells['proactive.licensing.decisions']).toBeNull();
  });

  it('check --last-year compares 2021’s 上年结转 with 2020’s 结转下年度, and not 现行有效 with 对外公开总数量', async () => {
    const { exitCode, findings } = await check('baisha-town-2021-tabs.txt', 'baisha-town-2020-format-2019.txt');
    expect(exitCode).toBe(1);
    expect(
      findings.filter((f) => f.check === 'carryOverApplications').map((f) => [f.cells[0], f.expected, f.actual]),
    ).toEqual([
      ['applications.carriedOver.natural', 2, 1],
      ['applications.carriedOver.total', 2, 1],
    ]);
    expect(findings.some((f) => f.check === 'carryOverInForce')).toBe(false);
  });

  it('import --json keeps the format, so a later check still knows it', async () => {
    const out = await run(['import', at('baisha-town-2020-format-2019.txt'), '--json'], ROOT);
    expect((JSON.parse(out.stdout) as { formatVersion: string }).formatVersion).toBe('2019');
  });
});
