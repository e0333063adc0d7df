/**
 * `npm run -s report -- <command>`: import, check and render annual reports from the command line.
 * Paths are relative to the directory the command was typed in (npm sets INIT_CWD to it).
 * Exit codes: 0 read (and, for check, no error finding); 1 check found an error; 2 the file or the
 * command line cannot be read.
 */
import { checkReport, hasErrors } from '../shared/checks';
import { renderHtml, renderMarkdown } from '../shared/render';
import { CliError } from './errors';
import { loadCorpus, scoreCorpus, scoreTable } from './corpus';
import { asReportData, loadReport } from './load';
import { summarize } from './summary';

export { CliError };

const USAGE = `用法：
  npm run -s report -- import <报告.txt|报告.docx> [--json]
  npm run -s report -- check <报告文件或 import 的 JSON> [--last-year <上年报告>] [--json]
  npm run -s report -- render <报告文件或 import 的 JSON> --format md|html`;

interface Args {
  command: string;
  file: string;
  json: boolean;
  lastYear?: string;
  format?: string;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let json = false;
  let lastYear: string | undefined;
  let format: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--json') json = true;
    else if (a === '--last-year' || a === '--format') {
      const value = argv[++i];
      if (value === undefined) throw new CliError(`${a} 后缺少参数\n${USAGE}`, 2);
      if (a === '--last-year') lastYear = value;
      else format = value;
    } else if (a.startsWith('--')) throw new CliError(`未知选项 ${a}\n${USAGE}`, 2);
    else positional.push(a);
  }
  const [command, file = ''] = positional;
  if (command === 'corpus' && positional.length === 1) return { command, file, json, format: format ?? 'table' };
  if (!command || !file || positional.length > 2) throw new CliError(USAGE, 2);
  return { command, file, json, ...(lastYear ? { lastYear } : {}), ...(format ? { format } : {}) };
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
      if (args.format !== 'md' && args.format !== 'html') throw new CliError(`--format 应为 md 或 html\n${USAGE}`, 2);
      const report = asReportData(await loadReport(args.file, cwd));
      return { stdout: args.format === 'md' ? renderMarkdown(report) : renderHtml(report), exitCode: 0 };
    }
    case 'corpus': {
      const entries = loadCorpus();
      const scores = await scoreCorpus(entries);
      return {
        stdout: args.json ? JSON.stringify(scores, null, 2) + '\n' : scoreTable(scores, entries),
        exitCode: scores.some((s) => s.cells.wrong > 0 || s.falseErrors.length > 0) ? 1 : 0,
      };
    }
    default:
      throw new CliError(`未知命令 ${args.command}\n${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const cwd = process.env.INIT_CWD ?? process.cwd();
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
