/**
 * The main package's core: what citizen pages and the client (miniprogram/api) use from shared/, bundled by
 * `npm run build` into miniprogram/miniprogram_npm/gongkai-core/ (see scripts/build-miniprogram/core.ts). Pages
 * import `gongkai-core`; miniprogram/tsconfig.json and jest map the name here, so the types come straight from
 * shared/. Everything exported as a value here ships in the main package: staff-only code goes in ./staff.ts.
 */
import './jitless';

// The published reports (pages/report): the format, the reader's blocks and tables.
export { getPublishedReportSchema, listPublishedReportsSchema } from '../api';
export { FORMAT_2021, getFormat } from '../format';
export { NULL_MARK, layoutTable, reportTitle, sectionBlocks, sectionTable, toGrid } from '../render';
export { reportTable, tableLegends } from '../render/report-table';
// The catalogue, an item, the organ's contact (pages/catalog, pages/item, pages/about).
export { getItemSchema, getProfileSchema, listItemsSchema } from '../api';
export { ALL_CATEGORIES, ARTICLE_20, ARTICLE_21, CATEGORIES, categoryLabel } from '../catalogue/categories';
export type { Category } from '../catalogue/categories';
// The 政府信息公开指南 (pages/guide): the same pure function the portal renders.
export { guideOrganOf, publicationGuide } from '../catalogue/guide';
export type { GuideSection, PublicationGuide } from '../catalogue/guide';
// 依申请公开 (pages/request, pages/mine): the 第二十九条 form and its choices.
export {
  grantNoticeSchema,
  mineRequestsSchema,
  submitRequestSchema,
  trackRequestSchema,
  viewRequestSchema,
} from '../api/requests';
export { APPLICANT_TYPES } from '../format';
export { DELIVERY_FORMS, DELIVERY_FORM_LABELS, submissionSchema } from '../requests/schema';
export { ID_TYPES, ID_TYPE_LABELS } from '../requests/id-types';
export { parseWith } from '../errors';

// Types only (no size): what pages and the client name. The contracts' types give the client's `call` its payload
// and answer types; none of their schemas ships in a package.
export type { CallAnswer, CallName, CallPayload, Contracts } from '../api/contracts';
export type {
  FunctionEvent,
  FunctionName,
  ItemMoved,
  ItemPage,
  ItemSummary,
  ItemWritten,
  ListItemsInput,
  PublishedReport,
  PublishedReportSummary,
  SecrecyPoint,
  StaffItem,
  TrailView,
} from '../api';
export type { ItemCorrection, ItemDetail, ItemHistory } from '../api/items';
export type {
  BindAnswer,
  OrganPublicProfile,
  GrantReminderInput,
  Invitation,
  NoticeFields,
  OrganProfile,
  OrganSettings,
  ReminderCounts,
  StaffListEntry,
  StaffMe,
  StaffPurpose,
  SubscribePurpose,
} from '../api/organ';
export type {
  ActAnswer,
  ActRequestInput,
  ApplicantAnswer,
  DeadlineSummary,
  ExtensionApprover,
  LetterAnswer,
  ListRequestsInput,
  NoticeLetter,
  OwnRequest,
  OwnRequestPage,
  ReplyLetter,
  RequestPage,
  RequestRow,
  StaffRequestAnswer,
  SubmitRequestAnswer,
  SubmitRequestInput,
  TrackAnswer,
  TrackRequestInput,
} from '../api/requests';
export type {
  BuiltReportView,
  CellRecordKind,
  CellRecordsView,
  CellRecordSummary,
  ExportedHtml,
  ImportPreview,
  ReportMoved,
  ReportState,
  ReportStatus,
} from '../api/reports';
export type { OrganCalendar, OrganYear } from '../calendar/schema';
export type { ErrorCode, Failure, FieldError, Ok, Result } from '../errors';
export type {
  ApplicantType,
  CaseKind,
  CaseResult,
  CellDef,
  Outcome,
  ReportFormat,
  SectionDef,
  SectionKey,
  TableKey,
} from '../format';
export type { ApproverRole, Role, StaffRole } from '../policy';
export type { DisclosureItem, ReviewCase, StatEntry, StatEntryInput } from '../records';
export type { Attachment, ItemContent, ItemStatus, Validity } from '../records/item';
export type {
  LayoutBlock,
  LayoutCell,
  LayoutRow,
  NarrativeBlock,
  TableLayout,
  TableVariant,
  ValueCell,
} from '../render';
export type { Cells, Finding, ReportData, Sections } from '../report/schema';
export type { ActionType, ConsultationOpinion, FeeBasis, RequestAction } from '../requests/actions';
export type { DeliveryForm } from '../requests/schema';
export type { IdType } from '../requests/id-types';
export type { HistoryEntry, RequestStatus } from '../requests/model';
export type { NoticeKind } from '../requests/notice-kinds';
