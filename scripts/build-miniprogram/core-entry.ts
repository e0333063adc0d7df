/**
 * The public surface of shared/ for the mini program, bundled by `npm run build` into
 * miniprogram/miniprogram_npm/gongkai-core/index.js (CJS, ES2018, minified). Pages import `gongkai-core`;
 * miniprogram/tsconfig.json maps that name here, so the types come straight from shared/.
 * Export only what pages use: everything exported here ships in the main package.
 */
import { config } from 'zod';

export { FUNCTION_NAMES, getPublishedReportSchema, listPublishedReportsSchema, listItemsSchema, getItemSchema } from '../../shared/api';
// Staff subpackage (miniprogram/staff/): binding, the item editor and the approval screen.
export { SECRECY_CHECKLIST, approveItemSchema, bindSchema, createItemSchema, rejectItemSchema, submitItemSchema, updateItemSchema } from '../../shared/api';
export type { ItemMoved, ItemWritten, SecrecyPoint, StaffItem, TrailView } from '../../shared/api';
export { itemContentSchema } from '../../shared/records/item';
export type { Attachment, ItemContent, ItemStatus, Validity } from '../../shared/records/item';
export { ROLE_LABELS } from '../../shared/policy';
export type { Role, StaffRole } from '../../shared/policy';
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
// Citizen pages: the organ's contact (pages/about), 依申请公开 (pages/request, pages/mine).
export { getProfileSchema } from '../../shared/api';
export type { BindAnswer, StaffMe } from '../../shared/api/organ';
export { grantNoticeSchema, mineRequestsSchema, submitRequestSchema, trackRequestSchema } from '../../shared/api/requests';
export type { ApplicantAnswer, DeadlineSummary, OwnRequest, OwnRequestPage, ReplyLetter, SubmitRequestAnswer, SubmitRequestInput, TrackAnswer, TrackRequestInput } from '../../shared/api/requests';
export { DELIVERY_FORMS, DELIVERY_FORM_LABELS, submissionSchema } from '../../shared/requests/schema';
export type { DeliveryForm } from '../../shared/requests/schema';
export { ID_TYPES, ID_TYPE_LABELS } from '../../shared/requests/identity';
export type { IdType } from '../../shared/requests/identity';
export { APPLICANT_TYPES } from '../../shared/format';
export type { ApplicantType } from '../../shared/format';
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
