/**
 * The staff subpackage's core: what staff/ pages use from shared/, bundled by `npm run build` into
 * miniprogram/staff/miniprogram_npm/gongkai-staff/ (see scripts/build-miniprogram/core.ts). Staff pages import
 * `gongkai-staff` (miniprogram/tsconfig.json and jest map the name here); nothing outside staff/ may, since the
 * main package cannot load a subpackage's files. What this entry shares with ./main.ts (zod, the format, the
 * errors) is bundled once, into a chunk of the main package; the rest (the report builder, the letters' outcome
 * rules, fees, the policy, the item editor's schema) ships only with the subpackage.
 */
import './jitless';

export {
  SECRECY_CHECKLIST,
  approveItemSchema,
  bindSchema,
  createItemSchema,
  getItemSchema,
  getProfileSchema,
  getPublishedReportSchema,
  listItemsSchema,
  listPublishedReportsSchema,
  rejectItemSchema,
  submitItemSchema,
  updateItemSchema,
} from '../api';
export type { ItemSummary, PublishedReport, SecrecyPoint, StaffItem, TrailView } from '../api';
// The contracts' types only (the client's `call`): the payload schemas the staff pages check before sending are
// the values above and below, and ship with this subpackage only.
export type { CallAnswer, CallPayload } from '../api/contracts';
export { correctItemSchema, publicationDelaySchema, withdrawItemSchema } from '../api/items';
export type { ItemHistory } from '../api/items';
export {
  DEFAULT_NOTICE_FIELDS,
  DEFAULT_REMINDER_FIELDS,
  SUBSCRIBE_PURPOSES,
  creditCodeSchema,
  grantReminderSchema,
  inviteSchema,
  removeStaffSchema,
  setupSchema,
  updateProfileSchema,
} from '../api/organ';
// Every type of the organ function's answers and inputs (types only: no size).
export type * from '../api/organ';
export {
  buildReportSchema,
  cellRecordsSchema,
  correctReportSchema,
  exportDocxSchema,
  exportHtmlSchema,
  importPublishedSchema,
  previewImportSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
} from '../api/reports';
export type { BuiltReportView, CellRecordKind, CellRecordsView, ReportState, ReportStatus } from '../api/reports';
export {
  IDENTITY_CHECK_LABELS,
  IDENTITY_CHECK_METHODS,
  actRequestSchema,
  getRequestSchema,
  listRequestsSchema,
  recordRequestSchema,
  reissueCodeSchema,
  requestLetterSchema,
  setRequestCalendarSchema,
} from '../api/requests';
export {
  closeCaseSchema,
  createCaseSchema,
  createStatEntrySchema,
  listByYearSchema,
  removeByIdSchema,
} from '../api/records';
export type {
  CodeReissue,
  DeadlineSummary,
  IdentityCheckMethod,
  RequestRow,
  StaffRequestAnswer,
  SubmitRequestAnswer,
} from '../api/requests';
export { addDays, isIsoDate, weekdayOf } from '../calendar/dates';
export { CATEGORIES, categoryLabel } from '../catalogue/categories';
export type { OrganCalendar, OrganYear } from '../calendar/schema';
export { parseWith } from '../errors';
export type { FieldError, Result } from '../errors';
export { FORMAT_2021, OUTCOME_ROWS, TABLE_KEYS, getFormat } from '../format';
export type { CaseKind, CaseResult, Outcome, SectionKey, TableKey } from '../format';
export { RECORD_WRITERS, ROLE_LABELS, allows } from '../policy';
// The approval chain's steps and their names (staff/session.ts): the module items and reports use on the server.
export { approves, checklistStep, roleAtStep, stepLabel, stepName } from '../approval';
export type { StaffRole } from '../policy';
export { itemContentSchema } from '../records/item';
export type { Attachment, ItemContent, ItemStatus, Validity } from '../records/item';
export type { ReviewCase, StatEntry, StatEntryInput } from '../records';
// The import preview marks a name read that is not the organ's own, matched as the county matches names.
export { normaliseOrganName, sameOrgan } from '../records/organ-name';
export { NULL_MARK, layoutTable } from '../render';
export { buildReport } from '../report/build';
export type { Cells, Finding, ReportData, Sections } from '../report/schema';
export { ACTION_LABELS } from '../requests/actions';
export type { ActionType, AnswerDetails, ConsultationOpinion, FeeBasis, RequestAction } from '../requests/actions';
export { describeFee, priceFee } from '../requests/fees';
export { ID_TYPE_LABELS } from '../requests/id-types';
export { OUTCOME_RULES, outcomeLabel } from '../requests/letters/outcomes';
export { thirdPartyObjected } from '../requests/model';
export type { HistoryEntry, RequestStatus } from '../requests/model';
export type { NoticeKind } from '../requests/notice-kinds';
export { CHANNEL_LABELS, DELIVERY_FORM_LABELS } from '../requests/schema';
export type { Channel } from '../requests/schema';
export { applicantTypeLabel } from '../requests/views';
export type { ImportPreview } from '../api/reports';
// The county view (staff/pages/county, county-report): what its pages check before sending, and the answers' types.
export {
  addOrganSchema,
  countyImportSchema,
  countyOrganYearSchema,
  countyReturnSchema,
  countySettingsSchema,
  countyYearSchema,
  inviteOrganSchema,
  joinCountySchema,
  setAliasesSchema,
} from '../api/county';
export type {
  CountyDashboard,
  CountyFigures,
  CountyInvitation,
  CountyOrgan,
  CountyReportView,
  CountyRow,
} from '../api/county';
