/**
 * `report -- check-dir <folder>`: every report in a folder and its sub-folders, as a county office keeps
 * them, checked one by one (checkReport) and across (checkAcrossReports: the same organ's years, the same
 * year's peers). Organs are grouped by their name as read, normalised (shared/records/organ-name.ts), with
 * the aliases given. A file that cannot be read, or whose year cannot, is listed with the reason; one whose
 * organ cannot is checked alone and listed as such. Nothing is dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  acrossThresholdsSchema,
  checkAcrossReports,
  checkReport,
  groupOrganNames,
  normaliseOrganName,
  sortFindings,
  type AcrossThresholds,
  type CheckInput,
  type OrganAliases,
} from '../shared/checks';
import { parseWith } from '../shared/errors';
import { CELL_ADDRESSES } from '../shared/format';
import type { Finding } from '../shared/report/schema';
import { CliError } from './errors';
import { loadReport } from './load';

/** The forms the importer reads; .json only when it is report data (import --json), else it is skipped. */
const REPORT_FILE = /\.(?:txt|text|md|markdown|html?|docx|pdf)$/i;

/**
 * Forms a county receives reports in that the importer cannot read: listed as unreadable with what to do,
 * never passed over in silence. Other files (spreadsheets, archives, notes) are not reports and are skipped.
 */
const NOT_READ: readonly (readonly [RegExp, string])[] = [
  [/\.(?:doc|wps|rtf)$/i, '旧版 Word/WPS 文档无法读取，请另存为 .docx 或导出 PDF'],
  [/\.ofd$/i, 'OFD 版式文件无法读取，请另存为 PDF 或 .docx'],
  [/\.(?:jpe?g|png|tiff?|bmp|gif)$/i, '图片（扫描件）没有文字，无法读取；请提供 Word 文档、PDF 或网页文本'],
];

/** One report of the folder, as the table, the page and --json show it. */
export interface DirReport {
  /** The path under the folder, with “/”. */
  file: string;
  /** The organ as read; null when the report does not say (or was not read). */
  organ: string | null;
  /** The key the organ was grouped by ('' when the organ is unknown). */
  key: string;
  year: number | null;
  /** Cells with a number, of all the format's cells; null when the file was not read. */
  cellsRead: number | null;
  findings: Finding[];
  /** Why the file could not be read at all (the year unknown, a scanned PDF, not a report). */
  unreadable?: string;
}

/** Every file under `folder` that is a report (read or not), sorted; hidden files and folders are skipped. */
export function reportFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      throw new CliError(`无法读取文件夹 ${dir}：${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const relative = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), relative);
      else if (
        REPORT_FILE.test(entry.name) ||
        NOT_READ.some(([form]) => form.test(entry.name)) ||
        isReportJson(path.join(dir, entry.name))
      )
        out.push(relative);
    }
  };
  walk(folder, '');
  return out;
}

/** A .json file the command line wrote with `import --json` (organ, year, cells, sections), not a meta file. */
function isReportJson(file: string): boolean {
  if (!/\.json$/i.test(file)) return false;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return typeof value === 'object' && value !== null && 'cells' in value && 'sections' in value;
  } catch {
    return false;
  }
}

interface Read {
  file: string;
  report?: CheckInput;
  unreadable?: string;
}

async function readAll(folder: string, files: readonly string[]): Promise<Read[]> {
  const out: Read[] = [];
  for (const file of files) {
    const full = path.join(folder, file);
    const notRead = NOT_READ.find(([form]) => form.test(file));
    if (notRead) {
      out.push({ file, unreadable: notRead[1] });
      continue;
    }
    try {
      out.push({ file, report: await loadReport(full, '/') });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      out.push({ file, unreadable: message.replace(`无法读取报告 ${full}：`, '') });
    }
  }
  return out;
}

/** The organ as read; null when the report names none (“未识别机关”, or a pronoun such as “我局”). */
const organRead = (report: CheckInput): string | null =>
  normaliseOrganName(report.organ) === '' ? null : report.organ.trim();

export interface CheckDirOptions {
  aliases?: OrganAliases;
  /** The notes' thresholds where the county's differ from ACROSS_THRESHOLDS. */
  thresholds?: Partial<AcrossThresholds>;
}

/** Reads and checks every report under `folder` (an absolute path, or relative to `cwd`). */
export async function checkDir(folder: string, cwd: string, options: CheckDirOptions = {}): Promise<DirReport[]> {
  const { aliases = {}, thresholds = {} } = options;
  const root = path.resolve(cwd, folder);
  const read = await readAll(root, reportFiles(root));
  const reports = read.filter((r): r is Read & { report: CheckInput } => r.report !== undefined);
  const keys = groupOrganNames(
    reports.map((r) => organRead(r.report) ?? ''),
    aliases,
  );
  const across = checkAcrossReports(
    reports.map((r, i) => ({ organ: keys[i] ?? '', year: r.report.year, report: r.report })),
    thresholds,
  );
  const checked = new Map<string, DirReport>(
    reports.map((r, i) => [
      r.file,
      {
        file: r.file,
        organ: organRead(r.report),
        key: keys[i] ?? '',
        year: r.report.year,
        cellsRead: CELL_ADDRESSES.filter((a) => typeof r.report.cells[a] === 'number').length,
        findings: sortFindings([...checkReport(r.report), ...(across[i]?.findings ?? [])]),
      },
    ]),
  );
  const rows = read.map(
    (r): DirReport =>
      checked.get(r.file) ?? {
        file: r.file,
        organ: null,
        key: '',
        year: null,
        cellsRead: null,
        findings: [],
        unreadable: r.unreadable ?? '无法读取',
      },
  );
  // By organ, then year; reports of an unknown organ, then files not read, last.
  const rank = (r: DirReport) => (r.unreadable !== undefined ? 2 : r.key === '' ? 1 : 0);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.key.localeCompare(b.key, 'zh-CN') ||
      (a.year ?? 0) - (b.year ?? 0) ||
      a.file.localeCompare(b.file),
  );
}

/**
 * Findings of a level; for 'info' the notes only — a cell the importer inferred from the totals is
 * information too, but it is counted with the cells read, not as a note.
 */
export const count = (r: DirReport, level: Finding['level']): number =>
  r.findings.filter((f) => f.level === level && f.check !== 'cellInferred').length;

function readJson(file: string, cwd: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (e) {
    throw new CliError(`无法读取${what} ${file}：${e instanceof Error ? e.message : String(e)}`, 2);
  }
}

/** Reads a JSON map alias → canonical name for --aliases. */
export function readAliases(file: string, cwd: string): OrganAliases {
  const value = readJson(file, cwd, '机关别名文件');
  const ok =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string');
  if (!ok) throw new CliError(`机关别名文件 ${file} 应为 {"别名": "规范名称"} 形式的 JSON`, 2);
  return value as OrganAliases;
}

/** Reads the county's own note thresholds for --thresholds: any of ACROSS_THRESHOLDS' keys. */
export function readThresholds(file: string, cwd: string): Partial<AcrossThresholds> {
  const parsed = parseWith(acrossThresholdsSchema, readJson(file, cwd, '阈值文件'));
  if (!parsed.ok) throw new CliError(`阈值文件 ${file} 有误：${parsed.message}`, 2);
  return Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
}
