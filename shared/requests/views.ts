/**
 * What each audience may see of a request (条例 第十五条 and 《个人信息保护法》: personal data is not
 * disclosed to others):
 * - public (anyone with the 申请编号): status and dates only — nothing personal, not even the description;
 * - applicant (查询码 + phone digits verified): their request, personal data masked;
 * - staff of the organ: everything.
 * redactForLog is the only shape that may go to a log line, an export or an error report.
 */
import type { IsoDate } from '../calendar';
import { FORMAT_2021, type ApplicantType, type Outcome } from '../format';
import { ACTION_LABELS, type ActionType, type RequestAction } from './actions';
import { ID_TYPE_LABELS } from './id-types';
import { outcomeLabel } from './letters/outcomes';
import { maskAddress, maskEmail, maskIdNumber, maskName, maskPhone } from './mask';
import { STATUS_LABELS, type InfoRequest, type RequestContent, type RequestStatus } from './model';
import { CHANNEL_LABELS, DELIVERY_FORM_LABELS, type Channel } from './schema';
import { actionsFrom } from './transitions';

/** '自然人', or '法人或其他组织（商业企业）' — table 三's column, with its group. */
export function applicantTypeLabel(type: ApplicantType): string {
  const column = FORMAT_2021.applications.columns.find((c) => c.key === type);
  if (!column) return type;
  return column.group ? `${column.group}（${column.label}）` : column.label;
}

export interface PublicView {
  applicationNo: string;
  status: RequestStatus;
  statusLabel: string;
  receivedDate: IsoDate | null;
  outcome: Outcome | null;
  outcomeLabel: string | null;
  answeredDate: IsoDate | null;
}

export function toPublicView(request: InfoRequest): PublicView {
  return {
    applicationNo: request.applicationNo,
    status: request.status,
    statusLabel: STATUS_LABELS[request.status],
    receivedDate: request.receivedDate,
    outcome: request.outcome,
    outcomeLabel: request.outcome ? outcomeLabel(request.outcome) : null,
    answeredDate: request.answeredDate,
  };
}

export interface TimelineEntry {
  date: IsoDate;
  label: string;
  detail?: string;
}

/** What the applicant is told of each step (the third party's name and the approver are not theirs to see). */
function applicantDetail(action: RequestAction): string | undefined {
  switch (action.type) {
    case 'requestCorrection':
      return `请于 ${action.correctBy} 前补正：${action.items}`;
    case 'extend':
      return `答复期限延长 ${action.workdays} 个工作日。理由：${action.reason}`;
    case 'noticeFee':
      return `应缴信息处理费 ${action.amountYuan} 元`;
    case 'answer':
      return outcomeLabel(action.outcome);
    default:
      return undefined;
  }
}

export interface ApplicantView extends PublicView {
  channelLabel: string;
  submittedDate: IsoDate;
  applicant: {
    applicantTypeLabel: string;
    name?: string;
    organisationName?: string;
    contactName?: string;
    idTypeLabel: string;
    idNumber: string;
    phone: string;
    address: string;
    email?: string;
  };
  content: RequestContent & { deliveryFormLabel: string };
  timeline: TimelineEntry[];
}

/** The owner's view: their own request with personal data masked (110***********1234, 138****5678, 张*). */
export function toApplicantView(request: InfoRequest): ApplicantView {
  const a = request.applicant;
  const applicant: ApplicantView['applicant'] = {
    applicantTypeLabel: applicantTypeLabel(a.applicantType),
    idTypeLabel: ID_TYPE_LABELS[a.idType],
    idNumber: maskIdNumber(a.idNumber),
    phone: maskPhone(a.phone),
    address: maskAddress(a.address),
  };
  if (a.name !== undefined) applicant.name = maskName(a.name);
  if (a.organisationName !== undefined) applicant.organisationName = a.organisationName; // an organisation, not a person
  if (a.contactName !== undefined) applicant.contactName = maskName(a.contactName);
  if (a.email !== undefined) applicant.email = maskEmail(a.email);
  return {
    ...toPublicView(request),
    channelLabel: CHANNEL_LABELS[request.channel],
    submittedDate: request.submittedDate,
    applicant,
    content: { ...request.content, deliveryFormLabel: DELIVERY_FORM_LABELS[request.content.deliveryForm] },
    timeline: request.history.map(({ date, action }) => {
      const detail = applicantDetail(action);
      return detail === undefined
        ? { date, label: ACTION_LABELS[action.type] }
        : { date, label: ACTION_LABELS[action.type], detail };
    }),
  };
}

export interface StaffView extends InfoRequest {
  statusLabel: string;
  /** The actions the transition table allows now (buttons on the staff page). */
  actions: ActionType[];
}

/** Staff of the organ see everything, the 查询码 included (to tell the applicant again). */
export function toStaffView(request: InfoRequest): StaffView {
  return {
    ...request,
    applicant: { ...request.applicant },
    content: { ...request.content },
    events: [...request.events],
    history: [...request.history],
    statusLabel: STATUS_LABELS[request.status],
    actions: actionsFrom(request.status),
  };
}

export interface LogView {
  id: string;
  applicationNo: string;
  status: RequestStatus;
  channel: Channel;
  applicantType: ApplicantType;
  submittedDate: IsoDate;
  receivedDate: IsoDate | null;
  outcome: Outcome | null;
  answeredDate: IsoDate | null;
  /** Action types with dates only: their free texts (items, reasons, parties) may name people. */
  history: { date: IsoDate; action: ActionType }[];
  descriptionLength: number;
}

/** The one shape of a request for logs, exports and error reports: no personal data, no free text, no 查询码. */
export function redactForLog(request: InfoRequest): LogView {
  return {
    id: request.id,
    applicationNo: request.applicationNo,
    status: request.status,
    channel: request.channel,
    applicantType: request.applicant.applicantType,
    submittedDate: request.submittedDate,
    receivedDate: request.receivedDate,
    outcome: request.outcome,
    answeredDate: request.answeredDate,
    history: request.history.map(({ date, action }) => ({ date, action: action.type })),
    descriptionLength: [...request.content.description].length,
  };
}
