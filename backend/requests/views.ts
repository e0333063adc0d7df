/**
 * What each audience gets back, built on shared/requests' views:
 * - citizen (owner, or the holder of 查询码 + phone digits): toApplicantView — masked — with the due date and
 *   the reply letter, the applicant's name, ID, phone and address masked inside the letter too;
 * - anyone with the 申请编号 + phone digits: toPublicView (status and dates only);
 * - staff desk rows: no personal data but the masked name;
 * - staff `get`: toStaffView, everything (the caller is audited).
 */
import { CalendarError, computeDeadline, type Calendar, type DeadlineState, type IsoDate } from '../../shared/calendar';
import type {
  ApplicantAnswer,
  DeadlineSummary,
  PublicAnswer,
  ReplyLetter,
  RequestRow,
} from '../../shared/api/requests';
import {
  applicantTypeLabel,
  CHANNEL_LABELS,
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskName,
  maskPhone,
  outcomeLabel,
  STATUS_LABELS,
  issuedNotices,
  toApplicantView,
  toPublicView,
  type InfoRequest,
  type NoticeSettings,
} from '../../shared/requests';
import type { DeskFields, StoredRequest } from './store';

/** What an applicant reads next to a provisional date (the staff prompt is not theirs to see). */
export const PROVISIONAL_NOTE = '该日期按法定节假日推算，当年放假调休安排公布后可能顺延。';

type Audience = 'staff' | 'applicant';

function summary(state: DeadlineState, audience: Audience): DeadlineSummary {
  return {
    dueDate: state.dueDate,
    projected: state.projected,
    daysRemaining: state.daysRemaining,
    daysOverdue: state.daysOverdue,
    atRisk: state.atRisk,
    overdue: state.overdue,
    pausedBy: state.pausedBy ?? null,
    pauseEndsBy: state.pauseEndsBy ?? null,
    provisional: state.provisional,
    prompt: audience === 'staff' ? (state.prompt ?? null) : null,
    note: state.provisional && audience === 'applicant' ? PROVISIONAL_NOTE : null,
  };
}

/** The deadline on `today`, or null before receipt (or when the clock cannot be read for that day). */
export function deadlineFor(
  calendar: Calendar,
  clock: { receivedDate: IsoDate | null; events: InfoRequest['events'] },
  today: IsoDate,
  audience: Audience = 'staff',
): DeadlineSummary | null {
  if (clock.receivedDate === null) return null;
  try {
    const state = computeDeadline(calendar, { receivedDate: clock.receivedDate, events: clock.events }, today);
    return summary(state, audience);
  } catch (e) {
    // e.g. TODAY_BEFORE_RECEIPT for a receipt date after today: no deadline to show yet.
    if (e instanceof CalendarError) return null;
    throw e;
  }
}

function replaceAll(text: string, value: string | undefined, mask: string): string {
  if (!value || value.trim().length < 2) return text;
  return text.split(value).join(mask);
}

/**
 * The reply letter as the applicant's screen shows it: the name, ID number, phone, address and e-mail of the
 * applicant masked wherever staff wrote them (the paper letter keeps them; a screen may be seen by others).
 */
export function maskLetter(letter: ReplyLetter | null, request: InfoRequest): ReplyLetter | null {
  if (!letter) return null;
  const a = request.applicant;
  let text = letter.text;
  text = replaceAll(text, a.idNumber, maskIdNumber(a.idNumber));
  text = replaceAll(text, a.phone, maskPhone(a.phone));
  text = replaceAll(text, a.address, maskAddress(a.address));
  text = replaceAll(text, a.email, a.email ? maskEmail(a.email) : '');
  if (a.applicantType === 'natural') text = replaceAll(text, a.name, maskName(a.name ?? ''));
  else text = replaceAll(text, a.contactName, maskName(a.contactName ?? ''));
  return { ...letter, text };
}

export function applicantAnswer(
  stored: StoredRequest,
  calendar: Calendar,
  today: IsoDate,
  settings: NoticeSettings,
): ApplicantAnswer {
  return {
    ...toApplicantView(stored.request),
    deadline: deadlineFor(calendar, stored.request, today, 'applicant'),
    letter: maskLetter(stored.letter, stored.request),
    // The 补正/延期/收费 notices sent so far, masked as the letter is.
    notices: issuedNotices(stored.request, settings, calendar).map((n) => ({
      ...n,
      text: maskLetter(n, stored.request)?.text ?? '',
    })),
  };
}

export function publicAnswer(stored: StoredRequest, calendar: Calendar, today: IsoDate): PublicAnswer {
  return { ...toPublicView(stored.request), deadline: deadlineFor(calendar, stored.request, today, 'applicant') };
}

/** The fields a desk row reads (the list query projects to these, no personal data but the name). */

/** A desk row from its stored fields (store.ts DeskFields): no personal data but the masked name. */
export function rowOf(doc: DeskFields, calendar: Calendar, today: IsoDate): RequestRow {
  const { status, applicantType: type, outcome, receivedDate } = doc;
  const name = type === 'natural' ? maskName(doc.applicant.name ?? '') : (doc.applicant.organisationName ?? '');
  return {
    id: doc._id,
    version: doc.version,
    applicationNo: doc.applicationNo,
    status,
    statusLabel: STATUS_LABELS[status],
    channelLabel: CHANNEL_LABELS[doc.channel as InfoRequest['channel']] ?? '',
    applicantTypeLabel: applicantTypeLabel(type),
    applicantName: name,
    submittedDate: doc.submittedDate,
    receivedDate,
    deadline: deadlineFor(calendar, { receivedDate, events: doc.events }, today),
    outcome,
    outcomeLabel: outcome ? outcomeLabel(outcome) : null,
    answeredDate: doc.answeredDate,
  };
}
