/**
 * A published report as the reader page shows it: the six sections under their official titles, narrative as
 * the renderers print it (shared/render sectionBlocks: paragraphs, numbered sub-headings set apart), each table
 * as a TableView. Pure: the report in, display-ready data out; the report itself never goes into setData.
 */
import {
  getFormat,
  reportTitle,
  sectionBlocks,
  sectionTable,
  type PublishedReport,
  type SectionKey,
} from 'gongkai-core';
import { tableView, type TableView } from './table-view';
import { publishedNote, versionLines } from './published-day';

export interface NavItem {
  key: SectionKey;
  label: string;
}

/** A narrative block: `k` is 'sub' for a sub-heading such as （一）及时主动公开, 'p' for a paragraph. */
export interface TextBlock {
  k: 'sub' | 'p';
  t: string;
}

export interface SectionView {
  key: SectionKey;
  /** Element id, the target of the jump bar. */
  anchor: string;
  heading: string;
  blocks: TextBlock[];
  table: TableView | null;
  /** Neither text nor table: says so instead of showing a bare heading. */
  empty: boolean;
}

export interface ReaderView {
  title: string;
  meta: string;
  /** Every published version with its correction reason; empty when there is only one (nothing was corrected). */
  versions: { t: string }[];
  nav: NavItem[];
  sections: SectionView[];
}

/** What a page drawing the report (components/report-view) keeps in its data: the view, and the section marked in its jump bar. */
export interface ReportViewData extends ReaderView {
  active: SectionKey | '';
}

/** The view before a report arrives: the pages that show one start from it. */
export const EMPTY_READER_VIEW: ReaderView = { title: '', meta: '', versions: [], nav: [], sections: [] };

export function sectionAnchor(key: SectionKey): string {
  return `section-${key}`;
}

export function readerView(published: PublishedReport): ReaderView {
  const { report } = published;
  const format = getFormat(report.formatVersion);
  const sections = format.sections.map((def): SectionView => {
    const tableKey = sectionTable(def.key);
    const blocks = sectionBlocks(report, def.key).map((b): TextBlock => ({
      k: b.kind === 'subheading' ? 'sub' : 'p',
      t: b.text,
    }));
    const table = tableKey === null ? null : tableView(tableKey, report.cells);
    return {
      key: def.key,
      anchor: sectionAnchor(def.key),
      heading: `${def.no}、${def.title}`,
      blocks,
      table,
      empty: blocks.length === 0 && table === null,
    };
  });
  const meta = [publishedNote(published), published.version > 1 ? `第 ${published.version} 版（已更正）` : '']
    .filter((m) => m !== '')
    .join(' · ');
  return {
    title: reportTitle(report.organ, report.year),
    meta,
    versions: published.versions.length > 1 ? versionLines(published.versions) : [],
    nav: format.sections.map((def) => ({ key: def.key, label: `${def.no} ${def.title}` })),
    sections,
  };
}

/** What a tapped number means, in words: its row and column labels, group labels first. */
export function describeCell(index: number): { row: string; column: string } | null {
  const format = getFormat('2021');
  const def = format.cells[index];
  if (!def) return null;
  if (def.table === 'proactive') {
    const group = format.proactive.groups.find((g) => g.rows.some((r) => r.key === def.row));
    return { row: [group?.label, def.rowLabel].filter(Boolean).join(' · '), column: def.columnLabel };
  }
  const grid = format[def.table];
  const row = grid.rows.find((r) => r.key === def.row);
  const column = grid.columns.find((c) => c.key === def.column);
  const path = (
    entry: { parentGroup?: string; group?: string; label: string } | undefined,
    fallback: string,
    top?: string,
  ): string => (entry ? [top, entry.parentGroup, entry.group, entry.label].filter(Boolean).join(' · ') : fallback);
  return { row: path(row, def.rowLabel), column: path(column, def.columnLabel, grid.columnHeader) };
}
