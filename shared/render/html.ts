/**
 * The report as HTML: a self-contained page (inline CSS, no external assets) or the bare `<article>` for a
 * host page. Tables are drawn from the layout model with its merges as they are; all text is escaped.
 *
 * Hooks for later features: each section has `id="section-<key>"`, each table `id="table-<key>"`, and each
 * number cell `data-cell="<address>"`; cell state is a class (gk-zero, gk-nonzero, gk-null).
 */
import type { ReportData } from '../report';
import { getFormat, type SectionDef } from '../format';
import { REPORT_CSS } from './html-style';
import { INFERRED_LEGEND, columnWidths, type LayoutCell, type LayoutRow, type TableLayout } from './layout';
import { sectionBlocks, type NarrativeBlock } from './narrative';
import { reportTable, tableLegends } from './report-table';
import { NULL_TITLE, escapeHtml, prefaceParagraphs, reportTitle, sectionHeading, sectionId, tableId } from './text';

export interface HtmlOptions {
  /** A full HTML document (default) or only the `<article>` fragment, styled by REPORT_CSS. */
  standalone?: boolean;
}

const KIND_CLASS: Record<LayoutCell['kind'], string> = {
  corner: 'gk-corner',
  note: 'gk-corner gk-note',
  caption: 'gk-caption',
  columnLabel: 'gk-column-label',
  rowLabel: 'gk-row-label',
  value: 'gk-value',
};

function spans(cell: LayoutCell): string {
  return (
    (cell.rowSpan > 1 ? ` rowspan="${cell.rowSpan}"` : '') + (cell.colSpan > 1 ? ` colspan="${cell.colSpan}"` : '')
  );
}

function scope(cell: LayoutCell): string {
  if (cell.kind === 'columnLabel' || cell.kind === 'caption') return cell.colSpan > 1 ? 'colgroup' : 'col';
  if (cell.kind === 'rowLabel') return cell.rowSpan > 1 ? 'rowgroup' : 'row';
  return '';
}

function cellHtml(cell: LayoutCell): string {
  if (cell.kind === 'value') {
    const state = cell.value === null ? 'gk-null' : cell.value === 0 ? 'gk-zero' : 'gk-nonzero';
    const classes = [
      KIND_CLASS.value,
      state,
      ...(cell.decimal ? ['gk-decimal'] : []),
      ...(cell.inferred ? ['gk-inferred'] : []),
    ].join(' ');
    const titleText = cell.value === null ? NULL_TITLE : cell.inferred ? INFERRED_LEGEND : '';
    const title = titleText ? ` title="${escapeHtml(titleText)}"` : '';
    return `<td class="${classes}" data-cell="${escapeHtml(cell.cell)}"${title}${spans(cell)}>${escapeHtml(cell.text)}</td>`;
  }
  const classes = [
    KIND_CLASS[cell.kind],
    ...(cell.group ? ['gk-group'] : []),
    ...(cell.labelColumn === undefined ? [] : [`gk-lc${cell.labelColumn}`]),
  ].join(' ');
  const scopeAttr = scope(cell) === '' ? '' : ` scope="${scope(cell)}"`;
  // A column group's label sits in a span that a phone keeps in view while the table scrolls sideways.
  const text =
    cell.kind === 'columnLabel' && cell.group
      ? `<span class="gk-group-text">${escapeHtml(cell.text)}</span>`
      : escapeHtml(cell.text);
  return `<th class="${classes}"${scopeAttr}${spans(cell)}>${text}</th>`;
}

function rowsHtml(rows: readonly LayoutRow[]): string {
  return rows.map((row) => `<tr>${row.cells.map(cellHtml).join('')}</tr>`).join('\n');
}

/** Each column's kind as a class, and its print width (A4, fixed layout) as a custom property. */
function colgroupHtml(layout: TableLayout): string {
  const cols = columnWidths(layout).map((width, i) => {
    const kind = i >= layout.labelColumns ? 'value' : i === layout.labelColumns - 1 ? 'label' : 'group';
    return `<col class="gk-col-${kind}" style="--gk-w:${Number(width.toFixed(3))}%">`;
  });
  return `<colgroup>${cols.join('')}</colgroup>`;
}

/** One block: its header in <thead> (repeated on each printed page); table 二's blocks each get a <tbody>. */
function tableHtml(layout: TableLayout, label: string): string {
  const [first, ...rest] = layout.blocks;
  const sections =
    first && rest.length === 0
      ? [`<thead>\n${rowsHtml(first.head)}\n</thead>`, `<tbody>\n${rowsHtml(first.body)}\n</tbody>`]
      : layout.blocks.map((b) => `<tbody class="gk-block">\n${rowsHtml([...b.head, ...b.body])}\n</tbody>`);
  const legend = tableLegends(layout)
    .map((l) => `\n<p class="gk-legend">${escapeHtml(l)}</p>`)
    .join('');
  return (
    `<div class="gk-table-wrap" role="region" aria-label="${escapeHtml(label)}" tabindex="0">\n` +
    `<table id="${tableId(layout.table)}" class="gk-table gk-table-${layout.table}">\n${colgroupHtml(layout)}\n${sections.join('\n')}\n</table>\n</div>${legend}`
  );
}

function blockHtml(block: NarrativeBlock): string {
  return block.kind === 'subheading' ? `<h3>${escapeHtml(block.text)}</h3>` : `<p>${escapeHtml(block.text)}</p>`;
}

function sectionHtml(report: ReportData, def: SectionDef): string {
  const heading = sectionHeading(def.no, def.title);
  const parts = [`<h2>${escapeHtml(heading)}</h2>`, ...sectionBlocks(report, def.key).map(blockHtml)];
  const table = reportTable(report, def.key);
  if (table) parts.push(tableHtml(table, heading));
  const empty = parts.length === 1 ? ' gk-section-empty' : '';
  return `<section id="${sectionId(def.key)}" class="gk-section${empty}">\n${parts.join('\n')}\n</section>`;
}

function articleHtml(report: ReportData): string {
  const title = reportTitle(report.organ, report.year);
  const sections = getFormat(report.formatVersion).sections.map((def) => sectionHtml(report, def));
  const preface = prefaceParagraphs(report.preface)
    .map((p) => `<p class="gk-preface">${escapeHtml(p)}</p>\n`)
    .join('');
  return `<article class="gk-report">\n<h1 class="gk-title">${escapeHtml(title)}</h1>\n${preface}${sections.join('\n')}\n</article>`;
}

export function renderHtml(report: ReportData, options: HtmlOptions = {}): string {
  const article = articleHtml(report);
  if (options.standalone === false) return `${article}\n`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(reportTitle(report.organ, report.year))}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
