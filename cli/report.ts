/**
 * `npm run -s report -- <command>`: import, check and render annual reports from the command line.
 * Paths are relative to the directory the command was typed in (npm sets INIT_CWD to it).
 * Exit codes: 0 read (and, for check, no error finding); 1 check found an error; 2 the file or the
 * command line cannot be read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localEnv } from '../server/env';
import { checkInputSchema, checkReport, hasErrors, type CheckInput } from '../shared/checks';
import { parseWith } from '../shared/errors';
import { importReportDocx, importReportText } from '../shared/import';
import { renderHtml, renderMarkdown } from '../shared/render';
import { renderDocx } from '../shared/render/docx';
import type { ReportData } from '../shared/report';
import { summarize } from './summary';

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const USAGE = `用法：
  npm run -s report -- import <报告.txt|报告.docx> [--json]
  npm run -s report -- check <报告文件或 import 的 JSON> [--last-year <上年报告>] [--json]
  npm run -s report -- render <报告文件或 import 的 JSON> --format md|html
  npm run -s report -- render <报告文件或 import 的 JSON> --format docx --out <报告.docx>`;

interface Args {
  command: string;
  file: string;
  json: boolean;
  lastYear?: string;
  format?: string;
  out?: string;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let json = false;
  let lastYear: string | undefined;
  let format: string | undefined;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--last-year' || a === '--format' || a === '--out') {
      const value = argv[++i];
      if (value === undefined) throw new CliError(`${a} 后缺少参数\n${USAGE}`, 2);
      if (a === '--last-year') lastYear = value;
      else if (a === '--out') out = value;
      else format = value;
    } else if (a.startsWith('--')) throw new CliError(`未知选项 ${a}\n${USAGE}`, 2);
    else positional.push(a);
  }
  const [command, file] = positional;
  if (!command || !file || positional.length > 2) throw new CliError(USAGE, 2);
  return {
    command,
    file,
    json,
    ...(lastYear ? { lastYear } : {}),
    ...(format ? { format } : {}),
    ...(out ? { out } : {}),
  };
}

function readBytes(file: string, cwd: string): Buffer {
  const full = path.resolve(cwd, file);
  try {
    return readFileSync(full);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件 ${file}：${code ?? String(e)}`, 2);
  }
}

function fromJson(text: string, file: string): CheckInput {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file} 不是有效的 JSON`, 2);
  }
  const parsed = parseWith(checkInputSchema, value);
  if (!parsed.ok) throw new CliError(`${file} 不是年度报告数据：${parsed.message}`, 2);
  return parsed.data;
}

/** Reads a report from .docx, import JSON or text. */
export async function loadReport(file: string, cwd: string): Promise<CheckInput> {
  const bytes = readBytes(file, cwd);
  try {
    if (/\.docx$/i.test(file)) return await importReportDocx(bytes);
    const text = bytes.toString('utf8');
    if (/\.json$/i.test(file) || /^\s*\{/.test(text)) return fromJson(text, file);
    return importReportText(text);
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`无法读取报告 ${file}：${e instanceof Error ? e.message : String(e)}`, 2);
  }
}

/** Gives lenient check input the full report shape the renderers take. */
export function asReportData(input: CheckInput): ReportData {
  return {
    organ: input.organ,
    year: input.year,
    formatVersion: '2021',
    cells: input.cells,
    sections: input.sections,
    overviewParts:
      'overviewParts' in input && Array.isArray(input.overviewParts)
        ? (input.overviewParts as ReportData['overviewParts'])
        : [],
    narrative: input.narrative ?? { proactiveCount: null, applicationsReceived: null, processingFeesYuan: null },
    findings: input.findings ?? [],
  };
}

export interface Output {
  stdout: string;
  exitCode: number;
}

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
      if (args.format === 'docx' && args.out) {
        const target = path.resolve(cwd, args.out);
        writeFileSync(target, await renderDocx(report));
        return { stdout: `已写入 ${args.out}\n`, exitCode: 0 };
      }
      return { stdout: args.format === 'md' ? renderMarkdown(report) : renderHtml(report), exitCode: 0 };
    }
    default:
      throw new CliError(`未知命令 ${args.command}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const cwd = localEnv.initCwd() ?? process.cwd();
  try {
    const out = await run(process.argv.slice(2), cwd);
    process.stdout.write(out.stdout);
    process.exitCode = out.exitCode;
  } catch (e) {
    const err = e instanceof CliError ? e : new CliError(e instanceof Error ? e.message : String(e), 2);
    process.stderr.write(err.message + '\n');
    process.exitCode = err.exitCode;
  }
}

if (require.main === module) void main();
