/**
 * The workflow record of one information request (依申请公开): who asked (personal data, see views.ts for
 * who may see it), what was asked, its status, the dated clock events shared/calendar counts, the history
 * of staff actions, and the outcome row of table 三 once answered or closed.
 */
import type { ClockEvent, IsoDate } from '../calendar';
import { labelledCodes } from '../codes';
import type { ApplicantType, Outcome } from '../format';
import type { IdType } from './id-types';
import type { Channel, DeliveryForm, StaffEntry, Submission } from './schema';
import type { RequestAction } from './actions';

export const { codes: REQUEST_STATUSES, labels: STATUS_LABELS } = labelledCodes({
  submitted: '已提交，待确认收到',
  received: '办理中',
  correctionRequested: '待申请人补正',
  consulting: '征求第三方意见中',
  extended: '已延期，办理中',
  feeNoticed: '待缴纳信息处理费',
  answered: '已答复',
  closed: '已终止',
});
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The statuses in which nothing more happens to a request. */
export const FINAL_STATUSES: ReadonlySet<RequestStatus> = new Set(['answered', 'closed']);

export interface Applicant {
  applicantType: ApplicantType;
  /** 自然人: the applicant's name. */
  name?: string;
  /** 法人或其他组织: the organisation and its contact person. */
  organisationName?: string;
  contactName?: string;
  idType: IdType;
  idNumber: string;
  phone: string;
  address: string;
  email?: string;
}

export interface RequestContent {
  description: string;
  titleHint?: string;
  docNoHint?: string;
  deliveryForm: DeliveryForm;
}

/** One staff action as applied, with the day it took effect. */
export interface HistoryEntry {
  date: IsoDate;
  action: RequestAction;
}

export interface InfoRequest {
  id: string;
  /** 申请编号 (tokens.ts), printed on every letter. */
  applicationNo: string;
  /** 查询码 (tokens.ts), secret: only the applicant and the organ's staff hold it. */
  queryCode: string;
  channel: Channel;
  status: RequestStatus;
  /** The day the applicant submitted online or staff entered the request. */
  submittedDate: IsoDate;
  /** 条例 第三十一条; null while an online submission awaits confirmation. */
  receivedDate: IsoDate | null;
  postmarkDate?: IsoDate;
  applicant: Applicant;
  content: RequestContent;
  /** For shared/calendar's computeDeadline, in order. */
  events: ClockEvent[];
  history: HistoryEntry[];
  outcome: Outcome | null;
  /** The answer date, or the date an abandoned request closed (第三十条; 109号). */
  answeredDate: IsoDate | null;
}

export interface RequestIds {
  id: string;
  applicationNo: string;
  queryCode: string;
}

function applicantOf(s: Submission): Applicant {
  const applicant: Applicant = {
    applicantType: s.applicantType,
    idType: s.idType,
    idNumber: s.idNumber,
    phone: s.phone,
    address: s.address ?? '', // required only for post (schema.ts)
  };
  if (s.applicantType === 'natural') {
    if (s.name !== undefined) applicant.name = s.name;
  } else {
    if (s.organisationName !== undefined) applicant.organisationName = s.organisationName;
    if (s.contactName !== undefined) applicant.contactName = s.contactName;
  }
  if (s.email !== undefined) applicant.email = s.email;
  return applicant;
}

function contentOf(s: Submission): RequestContent {
  const content: RequestContent = { description: s.description, deliveryForm: s.deliveryForm };
  if (s.titleHint !== undefined) content.titleHint = s.titleHint;
  if (s.docNoHint !== undefined) content.docNoHint = s.docNoHint;
  return content;
}

/**
 * A request submitted online: it counts as received only once staff confirm receipt (条例 第三十一条), so
 * it starts as 'submitted' with no receipt date.
 */
export function createFromSubmission(submission: Submission, ids: RequestIds, today: IsoDate): InfoRequest {
  return {
    ...ids,
    channel: submission.channel,
    status: 'submitted',
    submittedDate: today,
    receivedDate: null,
    applicant: applicantOf(submission),
    content: contentOf(submission),
    events: [],
    history: [],
    outcome: null,
    answeredDate: null,
  };
}

/** A request entered by staff: received on the date entered (条例 第三十一条), the clock runs from it. */
export function createFromStaffEntry(entry: StaffEntry, ids: RequestIds, today: IsoDate): InfoRequest {
  const request: InfoRequest = {
    ...ids,
    channel: entry.channel,
    status: 'received',
    submittedDate: today,
    receivedDate: entry.receivedDate,
    applicant: applicantOf(entry),
    content: contentOf(entry),
    events: [],
    history: [],
    outcome: null,
    answeredDate: null,
  };
  if (entry.postmarkDate !== undefined) request.postmarkDate = entry.postmarkDate;
  return request;
}

/** The applicant's display name: the person, or the organisation with its contact person. */
export function applicantName(applicant: Applicant): string {
  if (applicant.applicantType === 'natural') return applicant.name ?? '';
  return applicant.organisationName ?? '';
}

type ActionOf<T extends RequestAction['type']> = Extract<RequestAction, { type: T }>;

function isAction<T extends RequestAction['type']>(action: RequestAction, type: T): action is ActionOf<T> {
  return action.type === type;
}

/** The last applied action of a type, with its date, if any. */
export function lastAction<T extends RequestAction['type']>(
  request: Pick<InfoRequest, 'history'>,
  type: T,
): { date: IsoDate; action: ActionOf<T> } | undefined {
  for (let i = request.history.length - 1; i >= 0; i -= 1) {
    const entry = request.history[i];
    if (entry && isAction(entry.action, type)) return { date: entry.date, action: entry.action };
  }
  return undefined;
}

/** 条例 第三十二条: the third party's last answer was an objection (disclosing then needs public-interest reasons). */
export function thirdPartyObjected(request: Pick<InfoRequest, 'history'>): boolean {
  return lastAction(request, 'endConsultation')?.action.opinion === 'objected';
}
