/**
 * The report as Markdown: title, the six sections in official order, narrative paragraphs as written
 * (escaped so they print literally), tables with the official labels and every cell.
 *
 * Markdown cannot merge cells, so tables are flattened: group labels join into row and column paths,
 * table 二 prints as its four group blocks, and table 四 prints compact (3 rows × 5 columns) because the
 * official single row of 15 would need three-level column paths in every header.
 */
import type { ReportData } from '../report';
import { getFormat, type SectionDef } from '../format';
import { flattenBlock, type FlatTable } from './flatten';
import type { TableLayout } from './layout';
import { sectionBlocks } from './narrative';
import { reportTable, tableLegends } from './report-table';
import { escapeMarkdown, escapeMarkdownCell, prefaceParagraphs, reportTitle, sectionHeading } from './text';

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function flatTableMarkdown(flat: FlatTable): string {
  const lines = flat.captions.map((c) => `**${escapeMarkdownCell(c)}**\n`);
  const labelHeader = flat.labelHeader === null ? [] : [flat.labelHeader];
  const header = [...labelHeader, ...flat.columnHeaders];
  const align = [...labelHeader.map(() => '---'), ...flat.columnHeaders.map(() => '---:')];
  lines.push(tableRow(header.map(escapeMarkdownCell)), tableRow(align));
  for (const row of flat.rows) {
    const values = row.cells.map((c) => escapeMarkdownCell(c.text));
    lines.push(tableRow(row.label === null ? values : [escapeMarkdownCell(row.label), ...values]));
  }
  return lines.join('\n');
}

function tableMarkdown(layout: TableLayout): string[] {
  return [...layout.blocks.map((block) => flatTableMarkdown(flattenBlock(block, layout))), ...tableLegends(layout)];
}

function sectionMarkdown(report: ReportData, def: SectionDef): string[] {
  const out = [`## ${sectionHeading(def.no, def.title)}`];
  for (const block of sectionBlocks(report, def.key)) {
    out.push(block.kind === 'subheading' ? `### ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text));
  }
  const table = reportTable(report, def.key, 'compact');
  if (table) out.push(...tableMarkdown(table));
  return out;
}

export function renderMarkdown(report: ReportData): string {
  const format = getFormat(report.formatVersion);
  const blocks = [
    `# ${escapeMarkdown(reportTitle(report.organ, report.year))}`,
    ...prefaceParagraphs(report.preface).map(escapeMarkdown),
    ...format.sections.flatMap((def) => sectionMarkdown(report, def)),
  ];
  return `${blocks.join('\n\n')}\n`;
}
