/**
 * `report -- check-dir` on a generated county (test/cli/county.ts): 30 organs over three years in four
 * forms and nested folders, with one planted error of each kind the checks across reports find. Each is
 * found on its file, and nothing else is an error, a warning or a note.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dirHtml } from '../../cli/check-dir-output';
import { run } from '../../cli/report';
import { renderMarkdown } from '../../shared/render';
import { writeCounty, type County } from './county';

interface Row {
  file: string;
  organ: string | null;
  year: number | null;
  findings: { check: string; level: string; cells: string[]; message: string; expected?: number; actual?: number }[];
  unreadable?: string;
}

const SEED = 20261206;
let dir = '';
let county: County;
let rows: Row[] = [];
let exitCode = -1;
let page = '';

// One run over the whole county (--json and --html at once): reading 92 files is the slow part.
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-county-'));
  county = await writeCounty(dir, SEED);
  const html = `${dir}.html`;
  const out = await run(['check-dir', dir, '--json', '--html', html], '/');
  rows = JSON.parse(out.stdout) as Row[];
  exitCode = out.exitCode;
  page = readFileSync(html, 'utf8');
  rmSync(html);
}, 40_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notes = (r: Row) => r.findings.filter((f) => f.level !== 'info' || f.check !== 'cellInferred');

describe('check-dir on a generated county', () => {
  it('lists every file once: 90 reports, one with no organ, one with no year', () => {
    expect(rows.map((r) => r.file).sort()).toEqual(
      [...county.files.map((f) => f.file), county.noOrgan, county.noYear].sort(),
    );
    const noOrgan = rows.find((r) => r.file === county.noOrgan);
    expect(noOrgan).toMatchObject({ organ: null, year: 2023 });
    expect(rows.find((r) => r.file === county.noYear)).toMatchObject({
      organ: null,
      year: null,
      findings: [],
      unreadable: expect.stringContaining('年度') as unknown,
    });
    // Every report read whole, by its own title.
    for (const f of county.files)
      expect(rows.find((r) => r.file === f.file)).toMatchObject({ organ: f.report.organ, year: f.year });
  });

  it('finds each planted error on its file, and nothing else anywhere', () => {
    expect(county.planted.map((p) => p.check).sort()).toEqual([
      'carryOverApplications',
      'carryOverInForce',
      'otherProcessingShare',
      'peerRequests',
      'proactiveZero',
      'problemsSimilar',
    ]);
    const found = rows.flatMap((r) => notes(r).map((f) => `${r.file} ${f.level} ${f.check}`)).sort();
    const planted = county.planted
      .flatMap((p) => Array.from({ length: p.count }, () => `${p.file} ${p.level} ${p.check}`))
      .sort();
    expect(found.join('\n')).toBe(planted.join('\n'));
    expect(exitCode).toBe(1);
  });

  it('says what each finding is, with the numbers and the threshold', () => {
    const message = (check: string) => rows.flatMap((r) => r.findings).find((f) => f.check === check)?.message ?? '';
    expect(rows.flatMap((r) => r.findings).filter((f) => f.check === 'carryOverApplications')).toEqual([
      expect.objectContaining({ cells: ['applications.carriedOver.natural'], expected: 0, actual: 2 }),
      expect.objectContaining({ cells: ['applications.carriedOver.total'] }),
    ]);
    expect(message('carryOverApplications')).toContain('2022 年报告结转下年度为');
    expect(message('carryOverInForce')).toMatch(/应为 \d+；如有文件自然失效，请说明原因$/);
    expect(message('problemsSimilar')).toContain('与 2023 年报告的相似度为 1.00（提示阈值 0.9）');
    expect(message('peerRequests')).toMatch(/超过同年 \d+ 个乡镇（街道）中位数 [\d.]+ 的 3 倍/);
    expect(message('otherProcessingShare')).toContain('“其他处理”5 件，占总计 7 件的 71%');
    expect(message('proactiveZero')).toContain('主动公开政府信息为 0 条');
  });
});

describe('check-dir output', () => {
  it('writes --html: one row per file, the findings behind a click, the thresholds explained', () => {
    expect(page.match(/<tr><td>/g)).toHaveLength(92);
    // Each report with a finding hides them in a <details>; the planted carry-over break is one.
    expect(page.match(/<details>/g)).toHaveLength(6);
    expect(page).toMatch(/<details><summary>2 条<\/summary><ul><li class="error">\[错误\] 表三/);
    expect(page).toContain(
      '共 92 个文件，30 个机关，2022–2024 年；错误 2，提示 1，说明 4；1 份机关名称无法识别；1 份无法读取',
    );
    expect(page).toContain('problemsSimilarity = 0.9');
    expect(page).toContain('无法读取：无法从标题或正文识别报告年度');
  });

  it('prints one row per file with cells read and counts; exits 0 on a folder with no error', async () => {
    // One year alone: no carry-over to break, so no error; its notes still counted.
    const out = await run(['check-dir', path.join(dir, '2024')], '/');
    expect(out.exitCode).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]?.split(/\s+/)).toEqual(['文件', '机关', '年度', '读出单元格', '错误', '提示', '说明']);
    expect(lines.filter((l) => /\.(md|html|txt|docx) /.test(l))).toHaveLength(30);
    const other = county.planted.find((p) => p.check === 'otherProcessingShare')?.file.replace(/^2024\//, '');
    expect(
      lines
        .find((l) => l.startsWith(`${other ?? '?'} `))
        ?.split(/\s+/)
        .slice(1),
    ).toEqual(['青禾县教育局', '2024', '200/200', '0', '0', '1']);
    expect(lines[lines.length - 1]).toBe('共 30 个文件，30 个机关，2024 年；错误 0，提示 0，说明 1');
  }, 30_000);

  it('--aliases joins a renamed organ’s years, --thresholds sets the notes’; a .doc and a scan are listed unreadable', async () => {
    const [y2022, y2023] = [2022, 2023].map((year) =>
      county.files.find((f) => f.organ.name === '松岭乡' && f.year === year),
    );
    if (!y2022 || !y2023) throw new Error('no 松岭乡');
    const small = path.join(dir, '..', `${path.basename(dir)}-renamed`);
    mkdirSync(small);
    writeFileSync(path.join(small, 'a.md'), renderMarkdown(y2022.report));
    writeFileSync(path.join(small, 'b.md'), renderMarkdown({ ...y2023.report, organ: '青禾县松林乡人民政府' }));
    writeFileSync(path.join(small, 'aliases.json'), JSON.stringify({ 松林乡: '松岭乡人民政府' }));
    // A county's folder holds more: an old .doc and a scan are listed as unreadable, a spreadsheet is no report.
    for (const other of ['c.doc', 'd.jpg', '汇总.xlsx']) writeFileSync(path.join(small, other), 'x');
    const carry = async (...extra: string[]) => {
      const out = await run(['check-dir', small, '--json', ...extra], '/');
      return (JSON.parse(out.stdout) as Row[]).flatMap((r) => r.findings).filter((f) => f.level === 'error').length;
    };
    try {
      const listed = JSON.parse((await run(['check-dir', small, '--json'], '/')).stdout) as Row[];
      expect(listed.map((r) => [r.file, r.unreadable ?? '']).sort()).toEqual([
        ['a.md', ''],
        ['b.md', ''],
        ['c.doc', '旧版 Word/WPS 文档无法读取，请另存为 .docx 或导出 PDF'],
        ['d.jpg', '图片（扫描件）没有文字，无法读取；请提供 Word 文档、PDF 或网页文本'],
      ]);
      expect(await carry()).toBe(0);
      expect(await carry('--aliases', path.join(small, 'aliases.json'))).toBe(2);
      await expect(run(['check-dir', small, '--aliases', path.join(small, 'a.md')], '/')).rejects.toMatchObject({
        exitCode: 2,
      });
      // The county's own thresholds: a looser similarity turns two different 五 into a note showing it.
      writeFileSync(path.join(small, 't.json'), JSON.stringify({ problemsSimilarity: 0.05 }));
      const html = path.join(small, 'page.html');
      const args = ['--aliases', path.join(small, 'aliases.json'), '--thresholds', path.join(small, 't.json')];
      const loose = await run(['check-dir', small, '--json', '--html', html, ...args], '/');
      const note = (JSON.parse(loose.stdout) as Row[])
        .flatMap((r) => r.findings)
        .find((f) => f.check === 'problemsSimilar');
      expect(note).toMatchObject({ level: 'info', threshold: 0.05 });
      expect(readFileSync(html, 'utf8')).toContain('<dt>problemsSimilarity = 0.05</dt>');
      writeFileSync(path.join(small, 't.json'), JSON.stringify({ problemsSimilarity: 2, unknown: 1 }));
      await expect(run(['check-dir', small, '--thresholds', path.join(small, 't.json')], '/')).rejects.toMatchObject({
        exitCode: 2,
        message: expect.stringContaining('阈值文件') as unknown,
      });
    } finally {
      rmSync(small, { recursive: true, force: true });
    }
  }, 30_000);

  it('escapes what the reports say in the page: a name or message is text, never markup', () => {
    const page = dirHtml(
      [
        {
          file: 'a<b>.md',
          organ: '<script>alert(1)</script>乡',
          key: 'x',
          year: 2023,
          cellsRead: 200,
          findings: [{ check: 'requiredContent', level: 'warning', cells: [], message: '“<img src=x>”没有内容' }],
        },
      ],
      'dir&co',
    );
    expect(page).not.toMatch(/<script>|<img|<b>/);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;乡');
    expect(page).toContain('[提示] “&lt;img src=x&gt;”没有内容');
    expect(page).toContain('<title>年度报告核对：dir&amp;co</title>');
  });

  it('refuses a folder that is not there, and documents itself in --help', async () => {
    await expect(run(['check-dir', path.join(dir, 'none')], '/')).rejects.toMatchObject({ exitCode: 2 });
    expect((await run(['--help'], '/')).stdout).toContain('check-dir <文件夹>');
  });
});
