/** Renderers of a report (pure: ReportData in, text out) and the table layout model they share. */
export { renderMarkdown } from './markdown';
export { renderHtml, type HtmlOptions } from './html';
export { REPORT_CSS } from './html-style';
export {
  columnWidths,
  inferredCells,
  layoutTable,
  sectionTable,
  valueCells,
  type LabelCell,
  type LabelKind,
  type LayoutBlock,
  type LayoutCell,
  type LayoutOptions,
  type LayoutRow,
  type TableLayout,
  type TableVariant,
  type ValueCell,
} from './layout';
export { flattenBlock, toGrid, PATH_SEPARATOR, type FlatRow, type FlatTable } from './flatten';
export { isSubheading, narrativeBlocks, sectionBlocks, type NarrativeBlock } from './narrative';
export { spanPaths, type SpanNode, type SpanTree } from './span';
export { NULL_MARK, formatCellValue, escapeHtml, escapeMarkdown, paragraphs, reportTitle } from './text';
