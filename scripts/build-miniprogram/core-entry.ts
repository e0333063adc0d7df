/**
 * The public surface of shared/ for the mini program, bundled by `npm run build` into
 * miniprogram/miniprogram_npm/gongkai-core/index.js (CJS, ES2018, minified). Pages import `gongkai-core`;
 * miniprogram/tsconfig.json maps that name here, so the types come straight from shared/.
 * Export only what pages use: everything exported here ships in the main package.
 */
import { config } from 'zod';

export {
  FUNCTION_NAMES,
  getPublishedReportSchema,
  listPublishedReportsSchema,
  listItemsSchema,
  getItemSchema,
} from '../../shared/api';
// Staff subpackage (miniprogram/staff/): binding, the item editor and the approval screen.
export {
  SECRECY_CHECKLIST,
  approveItemSchema,
  bindSchema,
  createItemSchema,
  rejectItemSchema,
  submitItemSchema,
  updateItemSchema,
} from '../../shared/api';
export type { ItemMoved, ItemWritten, SecrecyPoint, StaffItem, TrailView } from '../../shared/api';
// Staff subpackage: withdrawing and correcting a published item, its versions (staff/pages/item-manage).
export { correctItemSchema, withdrawItemSchema } from '../../shared/api/items';
export type { ItemHistory } from '../../shared/api/items';
export { itemContentSchema } from '../../shared/records/item';
export type { Attachment, ItemContent, ItemStatus, Validity } from '../../shared/records/item';
export { RECORD_WRITERS, ROLE_LABELS, allows } from '../../shared/policy/roles';
export type { Role, StaffRole } from '../../shared/policy/roles';
// The contracts' types only (the client's `call`): none of their schemas ships in a package.
export type { CallAnswer, CallName, CallPayload, Contracts } from '../../shared/api/contracts';
export type { ItemCorrection, ItemDetail } from '../../shared/api/items';
export type { CalendarAnswer, NoticeGrant, ReissuedCode } from '../../shared/api/requests';
export type {
  FunctionEvent,
  FunctionName,
  ItemPage,
  ItemSummary,
  ListItemsInput,
  PublishedReport,
  PublishedReportSummary,
} from '../../shared/api';
// The catalogue categories (pages/catalog, the staff item editor), as the portal and the 指南 list them.
export { ALL_CATEGORIES, ARTICLE_20, ARTICLE_21, CATEGORIES, categoryLabel } from '../../shared/catalogue/categories';
export type { Category } from '../../shared/catalogue/categories';
// Citizen pages: the organ's contact (pages/about), 依申请公开 (pages/request, pages/mine).
export { getProfileSchema } from '../../shared/api';
export type { BindAnswer, OrganPublicProfile, StaffMe } from '../../shared/api/organ';
export {
  grantNoticeSchema,
  mineRequestsSchema,
  submitRequestSchema,
  trackRequestSchema,
  viewRequestSchema,
} from '../../shared/api/requests';
export type {
  ApplicantAnswer,
  DeadlineSummary,
  OwnRequest,
  OwnRequestPage,
  ReplyLetter,
  SubmitRequestAnswer,
  SubmitRequestInput,
  TrackAnswer,
  TrackRequestInput,
} from '../../shared/api/requests';
export { DELIVERY_FORMS, DELIVERY_FORM_LABELS, submissionSchema } from '../../shared/requests/schema';
export type { DeliveryForm } from '../../shared/requests/schema';
export { ID_TYPES, ID_TYPE_LABELS } from '../../shared/requests/identity';
export type { IdType } from '../../shared/requests/identity';
// Staff subpackage: the 依申请 desk (staff/pages/requests, staff/pages/request; api/staff-requests.ts).
export { actRequestSchema, getRequestSchema, listRequestsSchema, requestLetterSchema } from '../../shared/api/requests';
export type {
  ActAnswer,
  ActRequestInput,
  ExtensionApprover,
  LetterAnswer,
  ListRequestsInput,
  NoticeLetter,
  RequestPage,
  RequestRow,
  StaffRequestAnswer,
} from '../../shared/api/requests';
export { NOTICE_TITLES } from '../../shared/requests/notice-kinds';
export type { NoticeKind } from '../../shared/requests/notice-kinds';
export { REQUEST_STATUSES, STATUS_LABELS } from '../../shared/requests/model';
export type { HistoryEntry, RequestStatus } from '../../shared/requests/model';
export { ACTION_LABELS } from '../../shared/requests/actions';
export type { ActionType, ConsultationOpinion, FeeBasis, RequestAction } from '../../shared/requests/actions';
export { describeFee, priceFee } from '../../shared/requests/fees';
export { OUTCOME_RULES, outcomeLabel } from '../../shared/requests/letters/outcomes';
export { CHANNEL_LABELS } from '../../shared/requests/schema';
export { applicantTypeLabel } from '../../shared/requests/views';
export { OUTCOME_ROWS } from '../../shared/format';
export type { Outcome } from '../../shared/format';
// Staff subpackage: 统计填报, 规范性文件登记, 复议诉讼登记 (api/staff-records.ts).
export {
  closeCaseSchema,
  createCaseSchema,
  createStatEntrySchema,
  listByYearSchema,
  removeByIdSchema,
} from '../../shared/api/records';
export { reviewCaseSchema, statEntrySchema } from '../../shared/records';
export type { ReviewCase, StatEntry, StatEntryInput } from '../../shared/records';
export type { CaseKind, CaseResult } from '../../shared/format';
// The report's own counting (表二/表四 cells as the report will show them) and who may write (shared/policy).
export { buildReport } from '../../shared/report/build';
// Staff subpackage: the annual report builder (staff/pages/report*, api/staff-reports.ts).
export {
  buildReportSchema,
  cellRecordsSchema,
  exportHtmlSchema,
  rejectReportSchema,
  reportStateLabel,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
} from '../../shared/api/reports';
export type {
  BuiltReportView,
  CellRecordKind,
  CellRecordsView,
  CellRecordSummary,
  ExportedHtml,
  ReportMoved,
  ReportState,
  ReportStatus,
} from '../../shared/api/reports';
// Staff subpackage: 导入往年报告 (staff/pages/report-import).
export { importPublishedSchema, previewImportSchema } from '../../shared/api/reports';
export type { ImportPreview } from '../../shared/api/reports';
export type { Finding, Sections } from '../../shared/report/schema';
export { APPLICANT_TYPES } from '../../shared/format';
export type { ApplicantType } from '../../shared/format';
export { ERROR_CODES, failure, parseWith } from '../../shared/errors';
export type { ErrorCode, Failure, FieldError, Ok, Result } from '../../shared/errors';
export { FORMAT_2021, SECTION_KEYS, TABLE_KEYS, getFormat } from '../../shared/format';
export type { CellDef, ReportFormat, SectionDef, SectionKey, TableKey } from '../../shared/format';
export type { Cells, ReportData } from '../../shared/report/schema';
export type { DisclosureItem } from '../../shared/records';
export { NULL_MARK, layoutTable, reportTitle, sectionBlocks, sectionTable, toGrid } from '../../shared/render';
export type {
  LayoutBlock,
  LayoutCell,
  LayoutRow,
  NarrativeBlock,
  TableLayout,
  TableVariant,
  ValueCell,
} from '../../shared/render';

// Staff subpackage: the organ admin's pages — 机关设置, 人员与邀请, 工作日历, 新机关开通 (api/staff-admin.ts).
export {
  DEFAULT_NOTICE_FIELDS,
  SUBSCRIBE_PURPOSES,
  creditCodeSchema,
  inviteSchema,
  removeStaffSchema,
  setupSchema,
  updateProfileSchema,
} from '../../shared/api/organ';
export { DEFAULT_REMINDER_FIELDS } from '../../shared/api/organ';
export type {
  Invitation,
  NoticeFields,
  OrganProfile,
  OrganSettings,
  StaffListEntry,
  SubscribePurpose,
} from '../../shared/api/organ';
export { setRequestCalendarSchema } from '../../shared/api/requests';
export { organCalendarSchema } from '../../shared/calendar/schema';
export type { OrganCalendar, OrganYear } from '../../shared/calendar/schema';
export { addDays, isIsoDate, weekdayOf } from '../../shared/calendar/dates';
export type { ApproverRole } from '../../shared/policy/rules';

/**
 * The mini program runtime forbids `new Function`, which zod's fast path would probe for: parse without it.
 * The one statement here that runs on load; shared/ itself stays free of side effects.
 */
config({ jitless: true });
// Staff subpackage: the 工作台's 微信提醒 (api/staff-reminders.ts).
export { grantReminderSchema } from '../../shared/api/organ';
export type { GrantReminderInput, ReminderCounts, StaffPurpose } from '../../shared/api/organ';
