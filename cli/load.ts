/**
 * Reads a report for the command line: a .pdf (its text layer), a .docx, the JSON `import --json` wrote,
 * or text as pasted. Paths are relative to the directory the command was typed in.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkInputSchema, type CheckInput } from '../shared/checks';
import { parseWith } from '../shared/errors';
import { importReportDocx, importReportHtml, importReportText } from '../shared/import';
import type { ReportData } from '../shared/report';
import { CliError } from './errors';
import { pdfText } from './pdf';

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

/** Reads a report from .pdf, .docx, .html, import JSON or text (Markdown included). */
export async function loadReport(file: string, cwd: string): Promise<CheckInput> {
  if (/\.pdf$/i.test(file)) {
    readBytes(file, cwd);
    try {
      return importReportText(pdfText(path.resolve(cwd, file)));
    } catch (e) {
      throw new CliError(`无法读取报告 ${file}：${e instanceof Error ? e.message : String(e)}`, 2);
    }
  }
  const bytes = readBytes(file, cwd);
  try {
    if (/\.docx$/i.test(file)) return await importReportDocx(bytes);
    const text = bytes.toString('utf8');
    if (/\.json$/i.test(file) || /^\s*\{/.test(text)) return fromJson(text, file);
    if (/\.html?$/i.test(file) || /^\s*<(?:!doctype|html|head|body|div|table|p)\b/i.test(text))
      return importReportHtml(text);
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
    formatVersion: input.formatVersion === '2019' ? '2019' : '2021',
    cells: input.cells,
    ...(input.proactive2019 !== undefined ? { proactive2019: input.proactive2019 } : {}),
    ...(input.otherProcessing2019 !== undefined ? { otherProcessing2019: input.otherProcessing2019 } : {}),
    sections: input.sections,
    ...(input.preface !== undefined ? { preface: input.preface } : {}),
    overviewParts:
      'overviewParts' in input && Array.isArray(input.overviewParts)
        ? (input.overviewParts as ReportData['overviewParts'])
        : [],
    narrative: input.narrative ?? { proactiveCount: null, applicationsReceived: null, processingFeesYuan: null },
    findings: input.findings ?? [],
  };
}
