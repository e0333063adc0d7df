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
