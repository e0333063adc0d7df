/**
 * importReportText: a report as pasted from Word or a web page → report data with findings. Pure: the
 * text comes in, data goes out. Cells the tables do not give are null with a cellUnreadable finding unless
 * the report's equations determine them (then filled, with a cellInferred finding); printed numbers are
 * never changed, so a published inconsistency stays for the checks to report.
 */
import { FORMAT_2021, SECTION_KEYS, TABLE_KEYS, type CellAddress, type SectionKey, type TableKey } from '../format';
import {
  reportDataSchema,
  type Cells,
  type Finding,
  type OverviewPart,
  type ReportData,
  type Sections,
} from '../report/schema';
import type { CellRead } from './align';
import { EQUATIONS } from './equations';
import { equations2019 } from '../format/equations';
import { cellDefsWith2019Row, otherProcessingCells2019, splitCells2021 } from '../format/other-processing-2019';
import { UnreadableReportError } from './errors';
import { propagatedFindings, shortRowFinding, splitOtherProcessing, unreadable } from './findings';
import { extractNarrativeNumbers } from '../report/narrative-numbers';
import { isChrome, isTraditionalScript } from './chrome';
import { cleanText, labelKey } from './normalize';
import { locateTables } from './locate';
import { overviewParts } from './overview';
import { propagate } from './propagate';
import { proactive2019Part } from './proactive-2019';
import { proseText, splitSections, type Line } from './sections';
import { readApplications, readProactive, readReviewLitigation, type PrintedFormat, type TableRead } from './tables';
import { LAST_YEAR_OF_2019_FORMAT } from '../format/format-2019';
import { OLD_FORMAT_HEADERS } from './aliases';
import { prefaceOrgan, readTitle, signatureOrgan, yearInText } from './title';

/** Text about 政府信息公开 (a report's own subject). */
const SUBJECT_IN_TEXT = /政府信息公开|政务公开/;

export interface ImportOptions {
  /** Used when the title does not name the organ. */
  organ?: string;
  /** Used when neither the title nor the preamble states the year. */
  year?: number;
}

/**
 * Prose inside a table part (a sentence, a note), not a tab-separated row: it has a full stop, states a
 * year (“2023 年”, whose number must not enter the table) or is a note (注：…).
 */
function isProse(line: Line): boolean {
  const text = line.text.trim();
  return !text.includes('\t') && (/。/.test(text) || /\d{4}\s*年/.test(text) || /^注[:：]/.test(text));
}

const READERS: Partial<Record<SectionKey, (lines: readonly Line[], format: PrintedFormat) => TableRead>> = {
  proactive: readProactive,
  applications: readApplications,
  reviewLitigation: readReviewLitigation,
};

/** A date or the organ's name closing the report: a signature, not part of 六. */
function dropSignature(lines: Line[], organ: string | null): Line[] {
  const out = [...lines];
  for (;;) {
    const last = out[out.length - 1];
    if (!last) return out;
    const t = last.text.replace(/\s+/g, '');
    const isDate =
      /^\d{4}年\d{1,2}月(?:\d{1,2}日)?$|^[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?$/.test(
        t,
      );
    if (t === '' || isDate || (organ !== null && t === organ)) out.pop();
    else return out;
  }
}

const isTableKey = (key: SectionKey): key is TableKey => (TABLE_KEYS as readonly string[]).includes(key);

function hasValue(read: TableRead): boolean {
  return [...read.cells.values()].some((c) => c.value !== null);
}

function tableRows(lines: readonly Line[]): Line[] {
  return lines.filter((l) => !isProse(l));
}

/**
 * The preface: the preamble's paragraphs (本报告根据…编制, the statistics period, the parts), without the
 * title, the organ's name, a date or a breadcrumb (short lines with no full stop).
 */
function prefaceText(preamble: readonly Line[]): string {
  return proseText(preamble.filter((l) => /[。；;]/.test(l.text) || [...l.text.trim()].length > 40));
}

/**
 * The format the report was printed in: 2019 for the reports on 2019 and 2020 (the 2021 format applies from
 * the 2021 reports on), and for a later report whose table 二 still has the 2019 format's columns.
 */
export function printedFormat(lines: readonly Line[], year: number | null): PrintedFormat {
  if (year !== null && year <= LAST_YEAR_OF_2019_FORMAT) return '2019';
  const old = lines.some((l) => OLD_FORMAT_HEADERS.some((w) => labelKey(l.text).includes(w)));
  return old ? '2019' : '2021';
}

export function importReportText(text: string, options: ImportOptions = {}): ReportData {
  if (isTraditionalScript(text))
    throw new UnreadableReportError('报告是繁体字文本（多见于转载的镜像网页），请从发布机关网站复制简体原文');
  // Portal chrome (toolbars, metadata, share links) is blanked, keeping the line numbers.
  const lines: Line[] = cleanText(text)
    .split('\n')
    .map((t, i) => ({ text: isChrome(t) ? '' : t, line: i }));
  const split = splitSections(lines);
  const title = readTitle(split.preamble.map((l) => l.text));
  const organ =
    title.organ ?? options.organ ?? prefaceOrgan(lines.map((l) => l.text)) ?? signatureOrgan(lines.map((l) => l.text));
  const year = title.year ?? options.year ?? yearInText(lines.map((l) => l.text));

  const format = printedFormat(lines, year);
  // Each table where its own words stand (locate.ts); else in its part; else tables 二 and 三 by their
  // row labels anywhere.
  const located = locateTables(lines, split);
  const reads = new Map<SectionKey, TableRead>();
  for (const key of SECTION_KEYS) {
    const reader = READERS[key];
    const region = isTableKey(key) ? located[key] : undefined;
    if (reader && region) reads.set(key, reader(tableRows(region), format));
    else if (reader && split.found.includes(key)) reads.set(key, reader(tableRows(split.parts[key]), format));
    // A heading not recognised: tables 二 and 三 are still found by their row labels anywhere in the text
    // (table 四's bare 15 numbers are not, they could be any numbers).
    else if (reader && key !== 'reviewLitigation') {
      const found = reader(tableRows(lines), format);
      if (hasValue(found)) reads.set(key, found);
    }
  }
  const anyCell = [...reads.values()].some(hasValue);
  // A report's prose without its tables (a page cut short, tables as images) is still read: its cells are
  // null, each with a cellUnreadable finding, and its narrative figures count.
  const reportProse =
    (split.found.includes('overview') && SUBJECT_IN_TEXT.test(text)) || /政府信息公开(?:工作)?年度报告/.test(text);
  if (split.found.length < 2 && !anyCell && !reportProse)
    throw new UnreadableReportError('未找到政府信息公开年度报告的章节或表格（一、总体情况 … 六、其他需要报告的事项）');
  if (year === null) throw new UnreadableReportError('无法从标题或正文识别报告年度');

  split.parts.other = dropSignature(split.parts.other, organ);
  const sections = Object.fromEntries(
    SECTION_KEYS.map((k) => [k, proseText(READERS[k] ? split.parts[k].filter(isProse) : split.parts[k])]),
  ) as Sections;

  const assembled = assembleCells([...reads.values()], format);
  const { cells } = assembled;
  // A 2019-format report's table 二 in its own cells; the 2021 format's table 二 cells are not missing.
  const table2019 = format === '2019' ? proactive2019Part(reads.get('proactive'), assembled.findings) : undefined;
  const findings = table2019?.findings ?? assembled.findings;
  const preface = prefaceText(split.preamble);
  const data: ReportData = {
    organ: organ ?? '未识别机关',
    year,
    formatVersion: format,
    cells,
    ...(table2019 ? { proactive2019: table2019.proactive2019 } : {}),
    ...(assembled.otherProcessing2019 ? { otherProcessing2019: assembled.otherProcessing2019 } : {}),
    sections,
    preface,
    overviewParts: overviewParts(split.parts.overview) satisfies OverviewPart[],
    narrative: extractNarrativeNumbers(sections, proseText(split.preamble)),
    findings,
  };
  return reportDataSchema.parse(data);
}

/**
 * All 200 cells from the tables' reads, completed by the equations; the findings that say how. A table 三
 * read in the 2019 format gives its （六）其他处理 row (otherProcessing2019), and the equations run over it
 * in place of the 2021 format's three rows: those are 0 where the row is 0 (counts are never negative) and
 * otherwise null, with a note that the format does not split them, never an unreadable cell.
 */
export function assembleCells(
  reads: readonly TableRead[],
  format: PrintedFormat = '2021',
): {
  cells: Cells;
  findings: Finding[];
  otherProcessing2019?: Record<CellAddress, number | null>;
} {
  const read = new Map<CellAddress, CellRead>();
  for (const r of reads) for (const [c, v] of r.cells) read.set(c, v);
  // A 2019-format table 三 printing the 2021 format's three rows is read with them.
  const in2019 = format === '2019' && ![...splitCells2021()].some((c) => read.has(c));
  const addresses = cellDefsWith2019Row(in2019).map((c) => c.address);
  const values = new Map<CellAddress, number | null>(addresses.map((a) => [a, read.get(a)?.value ?? null]));
  const filled = propagate(values, in2019 ? equations2019() : EQUATIONS);
  const findings: Finding[] = [];
  for (const r of reads) {
    for (const row of r.shortRows) {
      const f = row.shortBy ? shortRowFinding(row.cells, row.shortBy.printed, row.shortBy.expected) : null;
      if (f) findings.push(f);
    }
  }
  findings.push(...propagatedFindings(filled, addresses));
  const all: Record<CellAddress, number | null> = {};
  for (const address of addresses) {
    const value = values.get(address) ?? filled.get(address)?.value ?? null;
    all[address] = value;
    if (value === null) {
      const r = read.get(address);
      findings.push(unreadable(address, r && r.value === null ? r.reason : '未找到该表格'));
    }
  }
  const cells = Object.fromEntries(FORMAT_2021.cells.map((c) => [c.address, all[c.address] ?? null])) as Cells;
  if (!in2019) return { cells, findings };
  const otherProcessing2019 = Object.fromEntries(otherProcessingCells2019().map((a) => [a, all[a] ?? null]));
  findings.push(...splitOtherProcessing(cells, otherProcessing2019));
  return { cells, findings, otherProcessing2019 };
}
