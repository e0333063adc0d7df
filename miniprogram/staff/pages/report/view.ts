/**
 * The report builder's display data, pure: tables drawn as the reader draws them (components/report-view/table-view),
 * findings grouped by level with the cell each points at, the narrative editors with last year's text, the due
 * date in words. The built report itself never goes into setData.
 */
import {
  FORMAT_2021,
  NULL_MARK,
  TABLE_KEYS,
  getFormat,
  layoutTable,
  type Cells,
  type Finding,
  type SectionKey,
  type Sections,
  type TableKey,
} from 'gongkai-staff';
import { tableView, type TableView } from '../../../components/report-view/table-view';

export const CELL_ROUTE = '/staff/pages/report-cell/index';
export const PREVIEW_ROUTE = '/staff/pages/report-preview/index';
export const IMPORT_ROUTE = '/staff/pages/report-import/index';
export const READER_PATH = '/pages/report/reader/index';

export interface TableBlock {
  key: TableKey;
  heading: string;
  table: TableView;
}

type Level = Finding['level'];

export interface FindingRow {
  /** Key within its group. */
  n: number;
  /** The finding's message. */
  t: string;
  /** Index of the first cell it names (the id `cell-<i>` of the tables), or -1 for narrative findings. */
  cell: number;
  /** The cell's row and column labels, '' without a cell. */
  where: string;
  /** Narrative findings: the editor to scroll to (`editor-<section>`, or `narrative`), '' for cell findings. */
  to: string;
}

export interface FindingGroup {
  level: Level;
  label: string;
  items: FindingRow[];
}

export interface EditorRow {
  key: SectionKey;
  title: string;
  text: string;
  /** Last year's published text of the section, '' when there is none. */
  last: string;
  max: number;
}

const LEVEL_LABELS: Record<Level, string> = {
  error: '错误（须更正后才能通过审批）',
  warning: '提醒（请核实）',
  info: '提示',
};
const LEVELS: readonly Level[] = ['error', 'warning', 'info'];
/** saveNarrativeSchema's limits: the three long sections and the short texts before the tables. */
const LONG_SECTIONS: ReadonlySet<SectionKey> = new Set(['overview', 'problems', 'other']);

const format = getFormat('2021');
let indexByAddress: Map<string, number> | null = null;

export function cellIndex(address: string): number {
  if (indexByAddress === null) indexByAddress = new Map(FORMAT_2021.cells.map((c, i) => [c.address, i]));
  return indexByAddress.get(address) ?? -1;
}

function heading(key: SectionKey): string {
  const def = format.sections.find((s) => s.key === key);
  return def ? `${def.no}、${def.title}` : key;
}

export function builderTables(cells: Cells): TableBlock[] {
  return TABLE_KEYS.map((key) => ({
    key,
    heading: heading(key),
    table: tableView(layoutTable(key, cells, { variant: 'compact' })),
  }));
}

export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  return LEVELS.map((level) => ({
    level,
    label: LEVEL_LABELS[level],
    items: findings
      .filter((f) => f.level === level)
      .map((f, n) => {
        const cell = f.cells.length > 0 ? cellIndex(f.cells[0] ?? '') : -1;
        const def = FORMAT_2021.cells[cell];
        if (def) return { n, t: f.message, cell, where: `${def.rowLabel} · ${def.columnLabel}`, to: '' };
        // A finding on the text (“一、总体情况”没有内容) jumps to that section's editor, far below the tables.
        const section = format.sections.find((s) => f.message.includes(heading(s.key)));
        const to = section ? `editor-${section.key}` : 'narrative';
        return { n, t: f.message, cell: -1, where: section ? heading(section.key) : '报告正文', to };
      }),
  })).filter((g) => g.items.length > 0);
}

/** The note that 五 repeats last year's text (shared/checks across.ts, problemsSimilar), '' when absent. */
export function problemsRepeat(findings: readonly Finding[]): string {
  return findings.find((f) => f.check === 'problemsSimilar')?.message ?? '';
}

export function editorRows(sections: Sections, last: Sections | null): EditorRow[] {
  return format.sections.map((def) => ({
    key: def.key,
    title: `${def.no}、${def.title}`,
    text: sections[def.key],
    last: last?.[def.key] ?? '',
    max: LONG_SECTIONS.has(def.key) ? 20_000 : 5000,
  }));
}

/** 报送截止 2026-01-31（还剩 12 天）; overdue and due-today said plainly. */
export function dueText(dueDate: string, daysLeft: number, published: boolean): string {
  if (published) return `报送截止 ${dueDate}`;
  if (daysLeft > 0) return `报送截止 ${dueDate}（还剩 ${daysLeft} 天）`;
  if (daysLeft === 0) return `报送截止 ${dueDate}（今天截止）`;
  return `报送截止 ${dueDate}（已逾期 ${-daysLeft} 天）`;
}

/** A number worth opening: not zero and not missing. */
export function isNonZero(text: string): boolean {
  return text !== '' && text !== '0' && text !== NULL_MARK;
}

export function cellRoute(year: number, index: number): string {
  const address = FORMAT_2021.cells[index]?.address ?? '';
  return `${CELL_ROUTE}?year=${year}&cell=${encodeURIComponent(address)}`;
}
