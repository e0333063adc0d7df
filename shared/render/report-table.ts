/**
 * The table a report section prints and the notes under it, one rule for every renderer (HTML, Markdown,
 * .docx): a 2019-format report's table 二 from its own cells, its table 三 with its one （六）其他处理 row
 * (otherProcessing2019), any other table from the report's format.
 */
import { getFormat, type SectionKey } from '../format';
import { format2019Layout, otherProcessingValues } from '../format/other-processing-2019';
import type { ReportData } from '../report';
import {
  INFERRED_LEGEND,
  inferredCells,
  layoutTable,
  sectionTable,
  valueCells,
  type TableLayout,
  type TableVariant,
} from './layout';
import { layout2019 } from './table-2019';
import { NULL_LEGEND } from './text';

export function reportTable(
  report: ReportData,
  key: SectionKey,
  variant: TableVariant = 'official',
): TableLayout | null {
  const table = sectionTable(key);
  if (table === null) return null;
  if (table === 'proactive' && report.formatVersion === '2019') return layout2019(report);
  // A 2019-format report's table 三 prints its one （六）其他处理 row where the 2021 format has three.
  const in2019 = table === 'applications' && report.formatVersion === '2019';
  return layoutTable(table, in2019 ? { ...report.cells, ...otherProcessingValues(report) } : report.cells, {
    variant,
    format: in2019 ? format2019Layout() : getFormat(report.formatVersion),
    inferred: inferredCells(report.findings),
  });
}

/** The notes printed under a table: what “—” means if a cell is missing, what “*” means if one was inferred. */
export function tableLegends(layout: TableLayout): string[] {
  const cells = valueCells(layout);
  return [
    ...(cells.some((c) => c.value === null) ? [NULL_LEGEND] : []),
    ...(cells.some((c) => c.inferred) ? [INFERRED_LEGEND] : []),
  ];
}
