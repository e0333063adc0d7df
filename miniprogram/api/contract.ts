/**
 * What each cloud function action takes and answers, for the typed `call`. Payload schemas and DTOs come from
 * shared/api; this map only pairs them per action. An action missing here cannot be called from a page.
 */
import type {
  ApproveItemPayload,
  BindAnswer,
  CorrectItemPayload,
  CreateItemPayload,
  ItemCorrection,
  ItemHistory,
  ItemMoved,
  ItemWritten,
  RejectItemPayload,
  StaffMe,
  UpdateItemPayload,
  WithdrawItemPayload,
} from './staff-types';
import type {
  OwnRequestPage,
  SubmitRequestAnswer,
  SubmitRequestInput,
  TrackAnswer,
  TrackRequestInput,
} from 'gongkai-core';
import type { OrganPublicProfile } from './catalog-types';
import type {
  DisclosureItem,
  FunctionName,
  ItemAction,
  ItemPage,
  ListItemsInput,
  PublishedReport,
  PublishedReportSummary,
  ReportAction,
} from 'gongkai-core';
import type {
  BuiltReportView,
  CellRecordsView,
  ExportedHtml,
  Finding,
  ReportMoved,
  ReportStatus,
  Sections,
} from 'gongkai-core';

interface Endpoint<P, D> {
  payload: P;
  data: D;
}

export interface Contract {
  reports: {
    listPublished: Endpoint<{ organId?: string }, PublishedReportSummary[]>;
    getPublished: Endpoint<{ id: string }, PublishedReport>;
  } & StaffReportsContract;
  items: {
    list: Endpoint<ListItemsInput, ItemPage>;
    get: Endpoint<{ id: string }, DisclosureItem>;
    // Staff (miniprogram/api/staff.ts).
    create: Endpoint<CreateItemPayload, ItemWritten & { status: 'draft' }>;
    update: Endpoint<UpdateItemPayload, ItemWritten>;
    submit: Endpoint<{ id: string }, ItemMoved>;
    approve: Endpoint<ApproveItemPayload, ItemMoved>;
    reject: Endpoint<RejectItemPayload, ItemMoved>;
    withdraw: Endpoint<WithdrawItemPayload, ItemMoved>;
    correct: Endpoint<CorrectItemPayload, ItemCorrection>;
    history: Endpoint<{ id: string }, ItemHistory>;
  };
  organ: {
    me: Endpoint<Record<string, never>, StaffMe>;
    bind: Endpoint<{ code: string; displayName: string }, BindAnswer>;
    // Citizen pages (api/catalog.ts): the organ's public contact.
    getProfile: Endpoint<{ organId?: string }, OrganPublicProfile>;
    // The organ admin's pages (api/staff-admin.ts).
    setup: Endpoint<import('./staff-types').SetupPayload, BindAnswer>;
    settings: Endpoint<Record<string, never>, import('gongkai-core').OrganSettings>;
    updateProfile: Endpoint<{ patch: import('./staff-types').ProfilePatch }, OrganPublicProfile>;
    invite: Endpoint<
      { role: import('gongkai-core').StaffRole; expiresInDays?: number },
      import('gongkai-core').Invitation
    >;
    listStaff: Endpoint<Record<string, never>, import('gongkai-core').StaffListEntry[]>;
    removeStaff: Endpoint<{ staffId: string }, { id: string }>;
    // The 工作台's 微信提醒 (api/staff-reminders.ts).
    grantReminder: Endpoint<import('gongkai-core').GrantReminderInput, import('gongkai-core').ReminderCounts>;
    reminders: Endpoint<Record<string, never>, import('gongkai-core').ReminderCounts>;
  };
  stats: StatsContract;
  cases: CasesContract;
  // Citizen pages (api/requests.ts).
  requests: {
    submit: Endpoint<SubmitRequestInput, SubmitRequestAnswer>;
    track: Endpoint<TrackRequestInput, TrackAnswer>;
    mine: Endpoint<{ page?: number; pageSize?: number }, OwnRequestPage>;
    view: Endpoint<{ id: string }, import('gongkai-core').OwnRequest>;
    grantNotice: Endpoint<{ requestId: string; templateId: string }, unknown>;
  } & StaffRequestsContract;
}

// ---- staff desk (api/staff-requests.ts) ----
interface StaffRequestsContract {
  list: Endpoint<import('gongkai-core').ListRequestsInput, import('gongkai-core').RequestPage>;
  get: Endpoint<{ id: string }, import('gongkai-core').StaffRequestAnswer>;
  act: Endpoint<import('gongkai-core').ActRequestInput, import('gongkai-core').ActAnswer>;
  /** The reply letter drafted for an outcome, or (with `notice`) the latest notice of that kind. */
  letter: Endpoint<
    { id: string; outcome?: import('gongkai-core').Outcome; notice?: import('gongkai-core').NoticeKind },
    import('gongkai-core').LetterAnswer | import('gongkai-core').NoticeLetter
  >;
  approvers: Endpoint<Record<string, never>, import('gongkai-core').ExtensionApprover[]>;
  // The organ's working-day calendar (api/staff-admin.ts; the stored table is checked there).
  getCalendar: Endpoint<Record<string, never>, { calendar: unknown; officialYears: number[] }>;
  setCalendar: Endpoint<
    { calendar: import('gongkai-core').OrganCalendar },
    { calendar: import('gongkai-core').OrganCalendar }
  >;
}

// ---- statistics and cases (api/staff-records.ts) ----
interface StatsContract {
  create: Endpoint<{ entry: import('gongkai-core').StatEntryInput }, { id: string }>;
  remove: Endpoint<{ id: string }, { id: string }>;
  list: Endpoint<{ year: number }, import('gongkai-core').StatEntry[]>;
}
interface CasesContract {
  create: Endpoint<{ case: import('./staff-types').CaseInput }, { id: string }>;
  close: Endpoint<import('./staff-types').CloseCasePayload, { id: string }>;
  list: Endpoint<{ year: number }, import('gongkai-core').ReviewCase[]>;
}

export type ActionOf<F extends FunctionName> = keyof Contract[F] & string;
export type PayloadOf<F extends FunctionName, A extends ActionOf<F>> =
  Contract[F][A] extends Endpoint<infer P, unknown> ? P : never;
export type DataOf<F extends FunctionName, A extends ActionOf<F>> =
  Contract[F][A] extends Endpoint<unknown, infer D> ? D : never;

/** Compile-time checks: the map covers exactly the functions, and names only actions each function routes. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractChecks = [
  Assert<Exact<keyof Contract, FunctionName>>,
  Assert<Exact<ActionOf<'reports'> | ReportAction, ReportAction>>,
  Assert<Exact<ActionOf<'items'> | ItemAction, ItemAction>>,
];

// ---- report builder (api/staff-reports.ts) ----
interface StaffReportsContract {
  build: Endpoint<{ year: number }, BuiltReportView>;
  status: Endpoint<{ year?: number }, ReportStatus>;
  cellRecords: Endpoint<{ year: number; cell: string }, CellRecordsView>;
  exportHtml: Endpoint<{ id: string }, ExportedHtml>;
  check: Endpoint<{ year: number }, Finding[]>;
  saveNarrative: Endpoint<{ year: number; version: number; sections: Partial<Sections> }, { version: number }>;
  submit: Endpoint<{ year: number; comment?: string }, ReportMoved>;
  approve: Endpoint<{ year: number; comment?: string }, ReportMoved>;
  reject: Endpoint<{ year: number; comment: string }, ReportMoved>;
  // 导入往年报告 (staff/pages/report-import).
  previewImport: Endpoint<{ text: string }, import('gongkai-core').ImportPreview>;
  importPublished: Endpoint<{ text: string }, import('gongkai-core').PublishedReportSummary>;
}
