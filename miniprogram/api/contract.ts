/**
 * What each cloud function action takes and answers, for the typed `call`. Payload schemas and DTOs come from
 * shared/api; this map only pairs them per action. An action missing here cannot be called from a page.
 * TODO(lead): the answer types of listPublished (here: the summaries as an array) belong in shared/api beside
 * the payload schemas, once the reports function exists.
 */
import type { ApproveItemPayload, BindAnswer, CreateItemPayload, ItemMoved, ItemWritten, RejectItemPayload, StaffMe, UpdateItemPayload } from './staff-types';
import type { OwnRequestPage, SubmitRequestAnswer, SubmitRequestInput, TrackAnswer, TrackRequestInput } from 'gongkai-core';
import type { OrganPublicProfile } from './catalog';
import type { DisclosureItem, FunctionName, ItemAction, ItemPage, ListItemsInput, PublishedReport, PublishedReportSummary, ReportAction } from 'gongkai-core';

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
  };
  organ: {
    me: Endpoint<Record<string, never>, StaffMe>;
    bind: Endpoint<{ code: string; displayName: string }, BindAnswer>;
    // Citizen pages (api/catalog.ts): the organ's public contact.
    getProfile: Endpoint<{ organId?: string }, OrganPublicProfile>;
  };
  stats: StatsContract;
  cases: CasesContract;
  // Citizen pages (api/requests.ts).
  requests: {
    submit: Endpoint<SubmitRequestInput, SubmitRequestAnswer>;
    track: Endpoint<TrackRequestInput, TrackAnswer>;
    mine: Endpoint<{ page?: number; pageSize?: number }, OwnRequestPage>;
    grantNotice: Endpoint<{ requestId: string; templateId: string }, unknown>;
  } & StaffRequestsContract;
}

// ---- staff desk (api/staff-requests.ts) ----
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface StaffRequestsContract {}

// ---- statistics and cases (api/staff-records.ts) ----
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface StatsContract {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface CasesContract {}


export type ActionOf<F extends FunctionName> = keyof Contract[F] & string;
export type PayloadOf<F extends FunctionName, A extends ActionOf<F>> = Contract[F][A] extends Endpoint<infer P, unknown> ? P : never;
export type DataOf<F extends FunctionName, A extends ActionOf<F>> = Contract[F][A] extends Endpoint<unknown, infer D> ? D : never;

/** Compile-time checks: the map covers exactly the functions, and names only actions each function routes. */
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ContractChecks = [
  Assert<Exact<keyof Contract, FunctionName>>,
  Assert<Exact<ActionOf<'reports'> | ReportAction, ReportAction>>,
  Assert<Exact<ActionOf<'items'> | ItemAction, ItemAction>>,
];

// ---- report builder (api/staff-reports.ts) ----
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
interface StaffReportsContract {}
