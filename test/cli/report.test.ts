import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CELL_ADDRESSES } from '../../shared/format';
import { CliError, parseArgs, run } from '../../cli/report';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'server/seed/zhamao-2023-report.txt');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));

async function runJson(args: string[]) {
  const out = await run(args, ROOT);
  return { ...out, data: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('report import', () => {
  it('reads the seed: 扎毛乡 2023, all 200 cells 0, 264 items stated, no error, inferred cells named', async () => {
    const { exitCode, data } = await runJson(['import', SEED, '--json']);
    expect(exitCode).toBe(0);
    expect(data.organ).toMatch(/扎毛乡/);
    expect(data.year).toBe(2023);
    expect(data.formatVersion).toBe('2021');
    const cells = data.cells as Record<string, number | null>;
    expect(Object.keys(cells).sort()).toEqual([...CELL_ADDRESSES].sort());
    expect(Object.values(cells).every((v) => v === 0)).toBe(true);
    expect((data.narrative as { proactiveCount: number }).proactiveCount).toBe(264);
    const sections = data.sections as Record<string, string>;
    expect(sections.overview).toContain('全年主动公开政府信息 264 条');
    expect(sections.problems).toContain('强化业务学习');
    expect(sections.other).toContain('无');
    const findings = data.findings as { check: string; level: string; cells: string[] }[];
    expect(findings.filter((f) => f.level === 'error')).toEqual([]);
    const inferred = findings.filter((f) => f.check === 'cellInferred').flatMap((f) => f.cells);
    expect(inferred).toEqual(
      expect.arrayContaining([
        'applications.disclosed.natural',
        'applications.otherFeeUnpaid.total',
        'applications.otherOther.natural',
      ]),
    );
  });

  it('prints a short human summary without --json', async () => {
    const { stdout, exitCode } = await run(['import', SEED], ROOT);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('扎毛乡');
    expect(stdout).toMatch(/推算 \d+/);
    expect(stdout).toContain('主动公开：264 条');
  });

  it('exits 2 with a clear message for a missing or unreadable file', async () => {
    await expect(run(['import', 'nope.txt'], tmp)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('找不到文件'),
    });
    const junk = path.join(tmp, 'junk.txt');
    writeFileSync(junk, '今天天气很好。\n');
    await expect(run(['import', junk], tmp)).rejects.toMatchObject({ exitCode: 2 });
    const badJson = path.join(tmp, 'bad.json');
    writeFileSync(badJson, '{"organ": 1}');
    await expect(run(['check', badJson], tmp)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('不是年度报告数据'),
    });
  });
});

describe('report check', () => {
  it('passes the seed and its own JSON with exit 0', async () => {
    const json = path.join(tmp, 'seed.json');
    writeFileSync(json, (await run(['import', SEED, '--json'], ROOT)).stdout);
    const out = await run(['check', json], tmp);
    expect(out.exitCode).toBe(0);
    for (const line of out.stdout.trim().split('\n')) expect(line).toMatch(/^(warning|info) \w+ \S+ \S/);
  });

  it('exits 1 on an error finding and reports cross-year findings with --last-year', async () => {
    const data = (await runJson(['import', SEED, '--json'])).data as { cells: Record<string, number>; year: number };
    const last = {
      ...data,
      year: 2022,
      cells: {
        ...data.cells,
        'applications.carriedForward.natural': 1,
        'applications.carriedForward.total': 1,
        'applications.newReceived.natural': 1,
        'applications.newReceived.total': 1,
      },
    };
    const lastFile = path.join(tmp, 'last.json');
    writeFileSync(lastFile, JSON.stringify(last));
    const thisFile = path.join(tmp, 'this.json');
    writeFileSync(thisFile, JSON.stringify(data));
    const out = await run(['check', 'this.json', '--last-year', 'last.json', '--json'], tmp);
    expect(out.exitCode).toBe(1);
    const findings = JSON.parse(out.stdout) as { check: string; cells: string[] }[];
    expect(findings.filter((f) => f.check === 'carryOverApplications').map((f) => f.cells[0])).toEqual([
      'applications.carriedOver.natural',
      'applications.carriedOver.total',
    ]);
  });
});

describe('report render', () => {
  it('renders the imported seed with official labels in Markdown and HTML', async () => {
    const md = await run(['render', SEED, '--format', 'md'], ROOT);
    expect(md.stdout).toContain('本年废止件数');
    expect(md.stdout).not.toContain('本年度止件数');
    const html = await run(['render', SEED, '--format', 'html'], ROOT);
    expect(html.stdout).toContain('已获取信息');
    expect(html.stdout).toMatch(/rowspan="22"/);
    expect(html.stdout).toContain('全年主动公开政府信息 264 条');
  });

  it('writes the .docx to --out, relative to the directory typed in, and reads it back cell for cell', async () => {
    const out = await run(['render', SEED, '--format', 'docx', '--out', 'seed.docx'], tmp);
    expect(out).toMatchObject({ stdout: '已写入 seed.docx\n', exitCode: 0 });
    expect(out.stderr).toMatch(/个单元格由表内合计推算得出，输出中以“\*”标出/);
    const back = await runJson(['import', path.join(tmp, 'seed.docx'), '--json']);
    const seed = await runJson(['import', SEED, '--json']);
    expect(back.data.cells).toEqual(seed.data.cells);
    expect(back.data.sections).toEqual(seed.data.sections);
    await expect(run(['render', SEED, '--format', 'docx'], ROOT)).rejects.toMatchObject({ exitCode: 2 });
  });

  it('refuses an unknown format, option or command', async () => {
    await expect(run(['render', SEED, '--format', 'pdf'], ROOT)).rejects.toBeInstanceOf(CliError);
    expect(() => parseArgs(['import', 'a', '--bogus'])).toThrow('未知选项');
    expect(() => parseArgs(['import'])).toThrow('用法');
    expect(() => parseArgs(['check', 'a', '--last-year'])).toThrow('缺少参数');
    await expect(run(['frobnicate', SEED], ROOT)).rejects.toMatchObject({ exitCode: 2 });
  });
});

/** A one-page PDF with a drawing and no text layer: what a scanner gives. */
function scannedPdf(): Buffer {
  const content = 'q 0.5 g 72 72 300 400 re f Q';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

describe('report: other input forms and options', () => {
  // .pdf and pdftotext text are read back cell for cell from PDFs we make: test/cli/pdf.test.ts
  it('reports a scanned PDF (no text layer) as unreadable, never as an empty report', async () => {
    const scan = path.join(tmp, 'scan.pdf');
    writeFileSync(scan, scannedPdf());
    await expect(run(['import', scan], ROOT)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('没有文字层'),
    });
  }, 30_000);

  it('reads a saved web page (.html)', async () => {
    const html = path.join(tmp, 'page.html');
    const page = await run(['render', SEED, '--format', 'html'], ROOT);
    writeFileSync(
      html,
      `<!DOCTYPE html><html><head><script>var x = 1;</script></head><body>${page.stdout}</body></html>`,
    );
    const { data } = await runJson(['import', html, '--json']);
    expect(data.year).toBe(2023);
    expect(Object.values(data.cells as Record<string, number | null>).every((v) => v === 0)).toBe(true);
  });

  it('takes --format=html and --last-year=<file>, and prints the usage on --help', async () => {
    expect(parseArgs(['render', 'a', '--format=html'])).toMatchObject({ format: 'html' });
    expect(parseArgs(['check', 'a', '--last-year=b.txt'])).toMatchObject({ lastYear: 'b.txt' });
    const help = await run(['--help'], ROOT);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--format=html');
    expect(parseArgs(['-h']).command).toBe('help');
    expect(() => parseArgs(['import', 'a', '-x'])).toThrow('未知选项');
  });

  it('render says on stderr which cells it could not fill, and marks inferred cells with “*”', async () => {
    const cut = path.join(ROOT, 'test/fixtures/corpus/yangling-audit-2022/source.txt');
    const out = await run(['render', cut, '--format=md'], ROOT);
    expect(out.exitCode).toBe(0);
    expect(out.stderr).toMatch(/^注意：\d+ 个单元格无法读取，输出中留空：/);
    const seed = await run(['render', SEED, '--format', 'md'], ROOT);
    expect(seed.stderr).toMatch(/个单元格由表内合计推算得出，输出中以“\*”标出/);
    expect(seed.stdout).toContain('| 0* |');
    expect(seed.stdout).toContain('* 原报告未印出，由表内合计推算。');
    const html = await run(['render', SEED, '--format', 'html'], ROOT);
    expect(html.stdout).toMatch(/class="[^"]*gk-inferred[^"]*" data-cell="applications\.disclosed\.natural"/);
  });
});

describe('npm run -s report', () => {
  it('resolves paths from the directory it is typed in and keeps stdout clean JSON', () => {
    const copy = path.join(tmp, 'copy.txt');
    writeFileSync(copy, readFileSync(SEED));
    const r = spawnSync('npm', ['run', '-s', '--prefix', ROOT, 'report', '--', 'import', 'copy.txt', '--json'], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: tmp },
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).year).toBe(2023);
    const missing = spawnSync('npm', ['run', '-s', '--prefix', ROOT, 'report', '--', 'check', 'missing.txt'], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: tmp },
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('找不到文件');
  }, 30_000);
});
