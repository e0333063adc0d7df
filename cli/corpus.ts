/**
 * The corpus of real published reports (test/fixtures/corpus/<id>/): each holds the report as it was found
 * (`meta.json` names the input file, its form and its source) and `expected.json`, typed by hand from the
 * source: the cells the source states (`rowKey v1 v2 …` in the format's column order, `?` where the source
 * leaves the cell blank), the narrative figures, and the published inconsistencies the checks must find.
 * A cell not listed is not in the source (an excerpt ends before it): it is neither scored nor expected.
 *
 * Scoring, per report: a listed cell the importer gives exactly is `exact`, one it leaves null is `null`,
 * a different number is `wrong` (the one outcome that must never happen); a blank (`?`) cell the importer
 * fills from the equations is `inferred`. A narrative figure is found when read with its value (and, for
 * an approximate figure, flagged approximate); a figure the source does not state (expected null) is found
 * when the importer states none. A false error is an error finding the expectation does not name, other
 * than cellUnreadable (whose cells are scored as null already).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { checkReport } from '../shared/checks';
import { FORMAT_2021, cellAddress, type CellAddress, type TableKey } from '../shared/format';
import { EQUATIONS } from '../shared/import';
import type { Finding, ReportData } from '../shared/report';
import { asReportData, loadReport } from './load';

export const CORPUS_DIR = path.join(__dirname, '../test/fixtures/corpus');

export type NarrativeKey = 'proactiveCount' | 'applicationsReceived' | 'processingFeesYuan';
export type ExpectedFigure = number | null | { value: number; approximate: true };

export interface Expected {
  organ?: string;
  year: number;
  /** The format the report is printed in, when not the 2021 one (a report on 2019 or 2020: "2019"). */
  formatVersion?: '2019' | '2021';
  cells: Partial<Record<TableKey, string[]>>;
  narrative: Partial<Record<NarrativeKey, ExpectedFigure>>;
  findings: { check: string; level: string; note?: string }[];
}

export interface Meta {
  id: string;
  year: number;
  province: string;
  level: string;
  input: string;
  form: string;
  excerpt: boolean;
  source: { url?: string; repository?: string; path?: string; commit?: string; via?: string };
}

export interface CorpusEntry {
  id: string;
  dir: string;
  meta: Meta;
  expected: Expected;
}

export function loadCorpus(dir: string = CORPUS_DIR): CorpusEntry[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'expected.json')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const at = path.join(dir, id);
      const read = (name: string): unknown => JSON.parse(readFileSync(path.join(at, name), 'utf8'));
      return { id, dir: at, meta: read('meta.json') as Meta, expected: read('expected.json') as Expected };
    });
}

function rowColumns(table: TableKey, row: string): string[] {
  if (table === 'proactive') {
    const group = FORMAT_2021.proactive.groups.find((g) => g.rows.some((r) => r.key === row));
    if (!group) throw new Error(`no row ${row} in table 二`);
    return group.columns.map((c) => c.key);
  }
  if (!FORMAT_2021[table].rows.some((r) => r.key === row)) throw new Error(`no row ${row} in ${table}`);
  return FORMAT_2021[table].columns.map((c) => c.key);
}

/**
 * One line of an expected table, `rowKey v1 v2 …` in the format's column order with `?` for a cell printed blank:
 * its cells and values (null for `?`). Too few or too many values throw.
 */
export function expectedRow(table: TableKey, line: string): [CellAddress, number | null][] {
  const [row = '', ...values] = line.trim().split(/\s+/);
  const columns = rowColumns(table, row);
  if (values.length !== columns.length)
    throw new Error(`${table}.${row}: ${values.length} values for ${columns.length} columns`);
  return columns.map((column, i) => {
    const v = values[i] ?? '?';
    return [cellAddress(table, row, column), v === '?' ? null : Number(v)];
  });
}

/** The cells the source states: address → number, or null where the source prints the cell blank. */
export function expectedCells(expected: Expected): Map<CellAddress, number | null> {
  const cells = new Map<CellAddress, number | null>();
  for (const [table, lines] of Object.entries(expected.cells) as [TableKey, string[]][]) {
    for (const line of lines) for (const [address, value] of expectedRow(table, line)) cells.set(address, value);
  }
  return cells;
}

/** Equations of the format broken by the expected cells (only those whose cells are all stated). */
export function brokenEquations(expected: Expected): string[] {
  const cells = expectedCells(expected);
  const broken: string[] = [];
  for (const eq of EQUATIONS) {
    const values = [...eq.left, ...eq.right].map((c) => cells.get(c));
    if (values.some((v) => v === undefined || v === null)) continue;
    const sum = (side: CellAddress[]) => side.reduce((s, c) => s + (cells.get(c) ?? 0), 0);
    if (sum(eq.left) !== sum(eq.right)) broken.push(`${eq.check} ${eq.along}: ${sum(eq.left)} ≠ ${sum(eq.right)}`);
  }
  return broken;
}

/** Reads the entry's input the way `npm run report -- import` does. */
export async function importEntry(entry: CorpusEntry): Promise<ReportData> {
  return asReportData(await loadReport(path.join(entry.dir, entry.meta.input), process.cwd()));
}

export interface Score {
  id: string;
  cells: { exact: number; null: number; wrong: number; inferred: number; expected: number };
  wrongCells: string[];
  /** wrong: a figure read where the source states another or none. */
  narrative: { found: number; expected: number; wrong: number; missed: string[] };
  findings: { matched: number; expected: number; missed: string[] };
  falseErrors: string[];
  organ: { expected?: string; actual: string };
  format: { expected: string; actual: string };
  /** Why the importer refused the report as a whole, if it did. */
  refused?: string;
}

function figureFound(expected: ExpectedFigure, report: ReportData, key: NarrativeKey): boolean {
  const actual = report.narrative[key];
  const approximate = (report.narrative as { approximate?: string[] }).approximate ?? [];
  if (expected === null) return actual === null;
  if (typeof expected === 'number') return actual === expected && !approximate.includes(key);
  return actual === expected.value && approximate.includes(key);
}

export function scoreReport(entry: CorpusEntry, report: ReportData, findings: readonly Finding[]): Score {
  const cells = { exact: 0, null: 0, wrong: 0, inferred: 0, expected: 0 };
  const wrongCells: string[] = [];
  for (const [address, value] of expectedCells(entry.expected)) {
    const actual = report.cells[address];
    if (value === null) {
      if (actual !== null && actual !== undefined) cells.inferred++;
      continue;
    }
    cells.expected++;
    if (actual === value) cells.exact++;
    else if (actual === null || actual === undefined) cells.null++;
    else {
      cells.wrong++;
      wrongCells.push(`${address}: ${actual} (source ${value})`);
    }
  }
  const narrativeEntries = Object.entries(entry.expected.narrative) as [NarrativeKey, ExpectedFigure][];
  const missedFigures = narrativeEntries
    .filter(([key, value]) => !figureFound(value, report, key))
    .map(([key, value]) => `${key}: ${JSON.stringify(report.narrative[key])} (source ${JSON.stringify(value)})`);
  const missedFindings = entry.expected.findings
    .filter((e) => !findings.some((f) => f.check === e.check && f.level === e.level))
    .map((e) => `${e.level} ${e.check}`);
  const falseErrors = findings
    .filter((f) => f.level === 'error' && f.check !== 'cellUnreadable')
    .filter((f) => !entry.expected.findings.some((e) => e.check === f.check && e.level === 'error'))
    .map((f) => `${f.check}: ${f.message}`);
  return {
    id: entry.id,
    cells,
    wrongCells,
    narrative: {
      found: narrativeEntries.length - missedFigures.length,
      expected: narrativeEntries.length,
      wrong: narrativeEntries.filter(([key, value]) => {
        const actual = report.narrative[key];
        const want = value === null || typeof value === 'number' ? value : value.value;
        return actual !== null && actual !== want;
      }).length,
      missed: missedFigures,
    },
    findings: {
      matched: entry.expected.findings.length - missedFindings.length,
      expected: entry.expected.findings.length,
      missed: missedFindings,
    },
    falseErrors,
    organ: { ...(entry.expected.organ ? { expected: entry.expected.organ } : {}), actual: report.organ },
    format: { expected: entry.expected.formatVersion ?? '2021', actual: report.formatVersion },
  };
}

function refused(entry: CorpusEntry): ReportData {
  return {
    organ: '',
    year: entry.expected.year,
    formatVersion: '2021',
    cells: {},
    sections: { overview: '', proactive: '', applications: '', reviewLitigation: '', problems: '', other: '' },
    overviewParts: [],
    narrative: { proactiveCount: null, applicationsReceived: null, processingFeesYuan: null },
    findings: [],
  };
}

export async function scoreCorpus(entries: readonly CorpusEntry[] = loadCorpus()): Promise<Score[]> {
  const scores: Score[] = [];
  for (const entry of entries) {
    let report: ReportData;
    try {
      report = await importEntry(entry);
    } catch (e) {
      // Refused as a whole (e.g. no section found): every stated cell and figure counts as not read.
      scores.push({ ...scoreReport(entry, refused(entry), []), refused: e instanceof Error ? e.message : String(e) });
      continue;
    }
    scores.push(scoreReport(entry, report, checkReport(report)));
  }
  return scores;
}

/** The score table printed by `npm run -s report -- corpus`. */
export function scoreTable(scores: readonly Score[], entries: readonly CorpusEntry[]): string {
  const sum = (f: (s: Score) => number) => scores.reduce((n, s) => n + f(s), 0);
  const expected = sum((s) => s.cells.expected);
  const exact = sum((s) => s.cells.exact);
  const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
  const forms = new Map<string, number>();
  for (const e of entries) forms.set(e.meta.form, (forms.get(e.meta.form) ?? 0) + 1);
  const rows: [string, string][] = [
    ['reports', `${scores.length} (${[...forms].map(([f, n]) => `${f} ${n}`).join(', ')})`],
    ['cells stated in the sources', String(expected)],
    ['cells exact', `${exact} (${pct(exact, expected)})`],
    ['cells null (not read)', String(sum((s) => s.cells.null))],
    ['cells wrong', String(sum((s) => s.cells.wrong))],
    ['blank cells filled by the equations', String(sum((s) => s.cells.inferred))],
    ['narrative figures found', `${sum((s) => s.narrative.found)} / ${sum((s) => s.narrative.expected)}`],
    ['narrative figures wrong (another sentence’s number)', String(sum((s) => s.narrative.wrong))],
    ['findings matched', `${sum((s) => s.findings.matched)} / ${sum((s) => s.findings.expected)}`],
    [
      'organ names as published',
      `${scores.filter((s) => s.organ.expected !== undefined && s.organ.expected === s.organ.actual).length} / ${
        scores.filter((s) => s.organ.expected !== undefined).length
      }`,
    ],
    [
      'formats detected (2019 / 2021)',
      `${scores.filter((s) => s.format.expected === s.format.actual).length} / ${scores.length} (${
        scores.filter((s) => s.format.expected === '2019').length
      } in the 2019 format)`,
    ],
    ['false errors', String(sum((s) => s.falseErrors.length))],
    ['reports refused as a whole', String(scores.filter((s) => s.refused).length)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = ['| measure | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k.padEnd(width)} | ${v} |`)];
  const details = scores.flatMap((s) => [
    ...(s.refused ? [`${s.id} refused: ${s.refused}`] : []),
    ...s.wrongCells.map((w) => `${s.id} wrong ${w}`),
    ...s.narrative.missed.map((m) => `${s.id} narrative ${m}`),
    ...s.findings.missed.map((m) => `${s.id} finding not found: ${m}`),
    ...s.falseErrors.map((m) => `${s.id} false error ${m}`),
    ...(s.format.expected !== s.format.actual
      ? [`${s.id} format ${s.format.actual} (source ${s.format.expected})`]
      : []),
    ...(s.organ.expected !== undefined && s.organ.expected !== s.organ.actual
      ? [`${s.id} organ “${s.organ.actual}” (source “${s.organ.expected}”)`]
      : []),
  ]);
  return [...lines, ...(details.length ? ['', ...details] : [])].join('\n') + '\n';
}
