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
import { INFERRED_LEGEND, reportTableLayout, sectionTable, valueCells, type TableLayout } from './layout';
import { sectionBlocks } from './narrative';
import {
  NULL_LEGEND,
  escapeMarkdown,
  escapeMarkdownCell,
  prefaceParagraphs,
  reportTitle,
  sectionHeading,
} from './text';
import { ITEM_HEADER_2019, hasNull2019, tables2019 } from './table-2019';

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A flattened table as far as Markdown prints it: the cells' text. */
type PrintedTable = Omit<FlatTable, 'rows'> & { rows: { label: string | null; cells: { text: string }[] }[] };

function flatTableMarkdown(flat: PrintedTable): string {
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
  const out = layout.blocks.map((block) => flatTableMarkdown(flattenBlock(block, layout)));
  if (valueCells(layout).some((c) => c.value === null)) out.push(NULL_LEGEND);
  if (valueCells(layout).some((c) => c.inferred)) out.push(INFERRED_LEGEND);
  return out;
}

/** Table 二 as the 2019 format prints it (a 2019-format report's own cells), item by item. */
function table2019Markdown(report: ReportData): string[] {
  const tables = tables2019(report);
  const out = tables.map((t) =>
    flatTableMarkdown({
      captions: [t.caption],
      labelHeader: ITEM_HEADER_2019,
      columnHeaders: t.columnHeaders,
      rows: t.rows,
    }),
  );
  return hasNull2019(tables) ? [...out, NULL_LEGEND] : out;
}

function sectionMarkdown(report: ReportData, def: SectionDef): string[] {
  const out = [`## ${sectionHeading(def.no, def.title)}`];
  for (const block of sectionBlocks(report, def.key)) {
    out.push(block.kind === 'subheading' ? `### ${escapeMarkdown(block.text)}` : escapeMarkdown(block.text));
  }
  const table = sectionTable(def.key);
  if (table === 'proactive' && report.formatVersion === '2019') out.push(...table2019Markdown(report));
  else if (table) out.push(...tableMarkdown(reportTableLayout(report, table, 'compact')));
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
