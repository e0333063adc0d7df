/**
 * The public surface of shared/ for the mini program, bundled by `npm run build` into
 * miniprogram/miniprogram_npm/gongkai-core/index.js (CJS, ES2018, minified). Pages import `gongkai-core`;
 * miniprogram/tsconfig.json maps that name here, so the types come straight from shared/.
 * Export only what pages use: everything exported here ships in the main package.
 */
import { config } from 'zod';

export { FUNCTION_NAMES, getPublishedReportSchema, listPublishedReportsSchema, listItemsSchema, getItemSchema } from '../../shared/api';
export type {
  FunctionEvent,
  FunctionName,
  ItemAction,
  ItemPage,
  ItemSummary,
  ListItemsInput,
  PublishedReport,
  PublishedReportSummary,
  ReportAction,
} from '../../shared/api';
export { ERROR_CODES, failure, parseWith } from '../../shared/errors';
export type { ErrorCode, Failure, FieldError, Ok, Result } from '../../shared/errors';
export { FORMAT_2021, SECTION_KEYS, TABLE_KEYS, getFormat } from '../../shared/format';
export type { CellDef, ReportFormat, SectionDef, SectionKey, TableKey } from '../../shared/format';
export type { Cells, ReportData } from '../../shared/report/schema';
export type { DisclosureItem } from '../../shared/records';
export { NULL_MARK, layoutTable, reportTitle, sectionBlocks, sectionTable, toGrid } from '../../shared/render';
export type { LayoutBlock, LayoutCell, LayoutRow, NarrativeBlock, TableLayout, TableVariant, ValueCell } from '../../shared/render';

/**
 * The mini program runtime forbids `new Function`, which zod's fast path would probe for: parse without it.
 * The one statement here that runs on load; shared/ itself stays free of side effects.
 */
config({ jitless: true });
