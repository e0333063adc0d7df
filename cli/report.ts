/**
 * `npm run -s report -- <command>`: import, check and render annual reports from the command line.
 * Paths are relative to the directory the command was typed in (npm sets INIT_CWD to it).
 * Exit codes: 0 read (and, for check, no error finding); 1 check found an error; 2 the file or the
 * command line cannot be read.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { localEnv } from '../server/env';
import { cellName, checkReport, hasErrors } from '../shared/checks';
import { renderHtml, renderMarkdown } from '../shared/render';
import { renderDocx } from '../shared/render/docx';
import { checkDir, readAliases, readThresholds } from './check-dir';
import { dirHtml, dirJson, dirTable } from './check-dir-output';
import { CliError } from './errors';
import { loadCorpus, scoreCorpus, scoreTable } from './corpus';
import { asReportData, loadReport } from './load';
import { summarize } from './summary';

export { CliError };
export { asReportData, loadReport };

const USAGE = `用法：
  npm run -s report -- import <报告> [--json]
  npm run -s report -- check <报告> [--last-year <上年报告>] [--json]
  npm run -s report -- render <报告> --format md|html
  npm run -s report -- render <报告> --format docx --out <报告.docx>
  npm run -s report -- corpus [--json]
  npm run -s report -- check-dir <文件夹> [--html <报告.html>] [--json] [--aliases <别名.json>] [--thresholds <阈值.json>]
<报告>：文本（.txt，从 Word 或网页复制）、Markdown（.md）、网页（.html）、.docx、.pdf（有文字层的）或 import --json 写出的 JSON。
check-dir：读取文件夹及其子文件夹中的每份报告（上述各种形式），按机关（读出的名称，去掉“人民政府”、上级地名等后
  归并；--aliases 给出 {"别名": "规范名称"}）和年度分组，逐份检查，并跨报告核对：上年结转与上年结转下年度（错误）、
  规范性文件/规章现行有效件数的承接（提示），以及“说明”（低于提示，附阈值）：“五”与往年相似、新收申请数超过同年
  同类机关中位数 3 倍、“其他处理”占比过高、主动公开为 0。每份报告一行：文件、机关、年度、读出单元格、错误、提示、
  说明；--html 写出网页（点开每行看详细发现），--json 输出 [{ file, organ, year, findings }]；--thresholds 给出本县的
  “说明”阈值（如 {"problemsSimilarity": 0.85}，各项含义见 shared/checks/thresholds.ts）。机关或年度无法识别的
  报告照样列出并注明；.doc、.wps、.ofd 和图片列为无法读取。有错误发现或有无法读取的报告时退出码为 1。
选项也可写作 --format=html、--last-year=<文件>、--out=<文件>、--html=<文件>；--help 显示本说明。`;

interface Args {
  /** 'help' for --help / -h. */
  command: string;
  file: string;
  json: boolean;
  lastYear?: string;
  format?: string;
  out?: string;
  html?: string;
  aliases?: string;
  thresholds?: string;
}

/** The options that take a value (`--out f` or `--out=f`), and the field of Args each fills. */
const VALUE_OPTIONS = {
  '--last-year': 'lastYear',
  '--format': 'format',
  '--out': 'out',
  '--html': 'html',
  '--aliases': 'aliases',
  '--thresholds': 'thresholds',
} as const;
type ValueOption = keyof typeof VALUE_OPTIONS;
const isValueOption = (a: string | undefined): a is ValueOption => a !== undefined && Object.hasOwn(VALUE_OPTIONS, a);

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let json = false;
  const values: Partial<Record<(typeof VALUE_OPTIONS)[ValueOption], string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    // --format=html is --format html.
    const eq = /^(--[a-z-]+)=(.*)$/.exec(raw);
    const a = eq && isValueOption(eq[1]) ? eq[1] : raw;
    if (a === '--help' || a === '-h') return { command: 'help', file: '', json: false };
    if (a === '--json') json = true;
    else if (isValueOption(a)) {
      const value = eq ? eq[2] : argv[++i];
      if (value === undefined) throw new CliError(`${a} 后缺少参数\n${USAGE}`, 2);
      values[VALUE_OPTIONS[a]] = value;
    } else if (a.startsWith('-')) throw new CliError(`未知选项 ${a}\n${USAGE}`, 2);
    else positional.push(a);
  }
  const [command, file = ''] = positional;
  if (command === 'corpus' && positional.length === 1) return { command, file, json, format: values.format ?? 'table' };
  if (!command || !file || positional.length > 2) throw new CliError(USAGE, 2);
  // An empty value (--out=) is no value.
  const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
  return { command, file, json, ...given };
}

export interface Output {
  stdout: string;
  /** What the user must know beside the output (e.g. cells render could not fill). */
  stderr?: string;
  exitCode: number;
}

export { USAGE };

export async function run(argv: readonly string[], cwd: string): Promise<Output> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'import': {
      const report = await loadReport(args.file, cwd);
      const data = { ...asReportData(report), findings: checkReport(report) };
      return { stdout: args.json ? JSON.stringify(data, null, 2) + '\n' : summarize(data), exitCode: 0 };
    }
    case 'check': {
      const report = await loadReport(args.file, cwd);
      const lastYear = args.lastYear ? await loadReport(args.lastYear, cwd) : undefined;
      const findings = checkReport(report, lastYear ? { lastYear } : {});
      const text = args.json
        ? JSON.stringify(findings, null, 2) + '\n'
        : findings
            .map((f) => `${f.level} ${f.check} ${f.cells.length ? f.cells.join(',') : '-'} ${f.message}\n`)
            .join('');
      return { stdout: text, exitCode: hasErrors(findings) ? 1 : 0 };
    }
    case 'render': {
      if (args.format !== 'md' && args.format !== 'html' && args.format !== 'docx')
        throw new CliError(`--format 应为 md、html 或 docx\n${USAGE}`, 2);
      if (args.format === 'docx' && !args.out) throw new CliError(`--format docx 须用 --out 指定输出文件\n${USAGE}`, 2);
      const report = asReportData(await loadReport(args.file, cwd));
      const unreadable = Object.entries(report.cells).filter(([, v]) => v === null);
      const inferred = report.findings.filter((f) => f.check === 'cellInferred').flatMap((f) => f.cells);
      const notes = [
        ...(unreadable.length
          ? [
              `注意：${unreadable.length} 个单元格无法读取，输出中留空：${unreadable
                .slice(0, 8)
                .map(([c]) => cellName(c))
                .join('、')}${unreadable.length > 8 ? ' 等' : ''}`,
            ]
          : []),
        ...(inferred.length ? [`注意：${inferred.length} 个单元格由表内合计推算得出，输出中以“*”标出`] : []),
      ];
      const stderr = notes.length ? { stderr: notes.join('\n') + '\n' } : {};
      if (args.format === 'docx' && args.out) {
        writeFileSync(path.resolve(cwd, args.out), await renderDocx(report));
        return { stdout: `已写入 ${args.out}\n`, ...stderr, exitCode: 0 };
      }
      return {
        stdout: args.format === 'md' ? renderMarkdown(report) : renderHtml(report),
        ...stderr,
        exitCode: 0,
      };
    }
    case 'corpus': {
      const entries = loadCorpus();
      const scores = await scoreCorpus(entries);
      return {
        stdout: args.json ? JSON.stringify(scores, null, 2) + '\n' : scoreTable(scores, entries),
        exitCode: scores.some((s) => s.cells.wrong > 0 || s.falseErrors.length > 0) ? 1 : 0,
      };
    }
    case 'check-dir': {
      const thresholds = args.thresholds ? readThresholds(args.thresholds, cwd) : {};
      const aliases = args.aliases ? readAliases(args.aliases, cwd) : {};
      const rows = await checkDir(args.file, cwd, { aliases, thresholds });
      if (args.html) writeFileSync(path.resolve(cwd, args.html), dirHtml(rows, args.file, thresholds));
      const failed = rows.some((r) => r.unreadable !== undefined || hasErrors(r.findings));
      return {
        stdout: args.json ? dirJson(rows) : dirTable(rows) + (args.html ? `已写入 ${args.html}\n` : ''),
        exitCode: failed ? 1 : 0,
      };
    }
    case 'help':
      return { stdout: USAGE + '\n', exitCode: 0 };
    default:
      throw new CliError(`未知命令 ${args.command}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const cwd = localEnv.initCwd() ?? process.cwd();
  try {
    const out = await run(process.argv.slice(2), cwd);
    process.stdout.write(out.stdout);
    if (out.stderr) process.stderr.write(out.stderr);
    process.exitCode = out.exitCode;
  } catch (e) {
    const err = e instanceof CliError ? e : new CliError(e instanceof Error ? e.message : String(e), 2);
    process.stderr.write(err.message + '\n');
    process.exitCode = err.exitCode;
  }
}

if (require.main === module) void main();
