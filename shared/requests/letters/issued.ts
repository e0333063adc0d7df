/**
 * The notices a request has been sent, read back from its history: each 补正, 延期 and 收费 action issued one
 * (notices.ts), dated the day of the action. Derived, not stored: the history is the record, so a notice can
 * never disagree with what was done, and the applicant's screen and the staff desk show the same text.
 */
import { CLOCK_RULES, computeDeadline, type Calendar, type IsoDate } from '../../calendar';
import { applicantName, type InfoRequest } from '../model';
import { NOTICE_TITLES, type NoticeKind } from '../notice-kinds';
import { correctionNotice, extensionNotice, feeNotice } from './notices';

export { NOTICE_KINDS, NOTICE_TITLES, type NoticeKind } from '../notice-kinds';

export interface IssuedNotice {
  kind: NoticeKind;
  title: string;
  text: string;
  date: IsoDate;
}

export interface NoticeSettings {
  organName: string;
  /** Where and how to pay a fee (an organ setting); a 【请填写】 marker when not set. */
  howToPay?: string;
}

const HOW_TO_PAY_MISSING = '【请填写：缴费方式】';

/** Every notice the history issued, oldest first. Before receipt there is none (nothing can be noticed). */
export function issuedNotices(request: InfoRequest, settings: NoticeSettings, calendar: Calendar): IssuedNotice[] {
  const receivedDate = request.receivedDate;
  if (receivedDate === null) return [];
  const base = {
    organName: settings.organName,
    applicationNo: request.applicationNo,
    applicantName: applicantName(request.applicant),
    receivedDate,
  };
  const out: IssuedNotice[] = [];
  for (const { date, action } of request.history) {
    if (action.type === 'requestCorrection') {
      out.push({
        kind: 'correction',
        title: NOTICE_TITLES.correction,
        date,
        text: correctionNotice({ ...base, noticeDate: date, items: action.items, correctBy: action.correctBy }),
      });
    } else if (action.type === 'extend') {
      // The due date as extended that day: the clock over the events up to it.
      const events = request.events.filter((e) => e.date <= date);
      const newDueDate = computeDeadline(calendar, { receivedDate, events }, date).dueDate;
      out.push({
        kind: 'extension',
        title: NOTICE_TITLES.extension,
        date,
        text: extensionNotice({
          ...base,
          noticeDate: date,
          workdays: action.workdays,
          reason: action.reason,
          newDueDate,
        }),
      });
    } else if (action.type === 'noticeFee') {
      // 109号: 20 working days from the day after the notice, as the reply letters count it (draft.ts).
      const payBy = calendar.addWorkdays(date, CLOCK_RULES.feePayment.workdays).date;
      out.push({
        kind: 'fee',
        title: NOTICE_TITLES.fee,
        date,
        text: feeNotice({
          ...base,
          noticeDate: date,
          basis: action.basis,
          payBy,
          howToPay: settings.howToPay ?? HOW_TO_PAY_MISSING,
        }),
      });
    }
  }
  return out;
}

/** The latest notice of one kind, or null when none was issued. */
export function latestNotice(
  request: InfoRequest,
  kind: NoticeKind,
  settings: NoticeSettings,
  calendar: Calendar,
): IssuedNotice | null {
  return (
    issuedNotices(request, settings, calendar)
      .filter((n) => n.kind === kind)
      .pop() ?? null
  );
}
