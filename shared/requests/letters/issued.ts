/**
 * The notices a request has been sent, read back from its history: each 补正, 延期 and 收费 action issued one
 * (notices.ts), dated the day of the action. Derived, not stored: the history is the record, so a notice can
 * never disagree with what was done, and the applicant's screen and the staff desk show the same text.
 */
import { CLOCK_RULES, computeDeadline, type Calendar, type DeliveryChannel, type IsoDate } from '../../calendar';
import { applicantName, thirdPartyObjected, type InfoRequest } from '../model';
import { NOTICE_TITLES, THIRD_PARTY_LETTER_TITLES, type NoticeKind, type ThirdPartyLetterKind } from '../notice-kinds';
import { rightsClause, filler } from './fill';
import {
  consultationLetter,
  correctionNotice,
  disclosureOverObjectionNotice,
  extensionNotice,
  feeNotice,
  laterDateNotice,
  reasonsNotice,
} from './notices';

export {
  NOTICE_KINDS,
  NOTICE_TITLES,
  THIRD_PARTY_LETTER_KINDS,
  THIRD_PARTY_LETTER_TITLES,
  type NoticeKind,
  type ThirdPartyLetterKind,
} from '../notice-kinds';

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
  /** 行政复议机关 and court (organ settings): the third party's remedies in the disclosure notice. */
  reviewOrgan?: string;
  court?: string;
  /** How the third party reaches the organ (the organ's phone, by default). */
  contact?: string;
}

const HOW_TO_PAY_MISSING = '【请填写：缴费方式】';

/**
 * The last day a letter gives its addressee (109号: to pay; 条例 第三十二条: the third party's opinion), counted in
 * working days from the day after receipt: known when the letter is issued only if it is received that day; a
 * letter sent by post names none (the period runs from its delivery).
 */
function periodEnd(calendar: Calendar, date: IsoDate, via: DeliveryChannel | undefined, workdays: number) {
  return via === 'post' ? undefined : calendar.addWorkdays(date, workdays).date;
}

/** A notice of one kind issued on `date`: titled as its kind. */
const notice = (kind: NoticeKind, date: IsoDate, text: string): IssuedNotice => ({
  kind,
  title: NOTICE_TITLES[kind],
  date,
  text,
});

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
    const on = { ...base, noticeDate: date };
    if (action.type === 'requestCorrection') {
      const { items, correctBy } = action;
      out.push(notice('correction', date, correctionNotice({ ...on, items, correctBy })));
    } else if (action.type === 'extend') {
      // The due date as extended that day: the clock over the events up to it.
      const events = request.events.filter((e) => e.date <= date);
      const newDueDate = computeDeadline(calendar, { receivedDate, events }, date).dueDate;
      const { workdays, reason } = action;
      out.push(notice('extension', date, extensionNotice({ ...on, workdays, reason, newDueDate })));
    } else if (action.type === 'noticeFee') {
      const payBy = periodEnd(calendar, date, action.via, CLOCK_RULES.feePayment.workdays);
      const howToPay = settings.howToPay ?? HOW_TO_PAY_MISSING;
      out.push(
        notice('fee', date, feeNotice({ ...on, feeBasis: action.feeBasis, ...(payBy ? { payBy } : {}), howToPay })),
      );
    } else if (action.type === 'askReasons') {
      out.push(notice('reasons', date, reasonsNotice({ ...on, ...(action.items ? { items: action.items } : {}) })));
    } else if (action.type === 'setLaterDate') {
      const text = laterDateNotice({ ...on, answerBy: action.date, reason: action.reason });
      out.push(notice('laterDate', date, text));
    }
  }
  return out;
}

export interface ThirdPartyLetter {
  kind: ThirdPartyLetterKind;
  title: string;
  text: string;
  date: IsoDate;
  /** The third party (personal data of a kind: staff only). */
  partyName: string;
}

/**
 * The letters to the third party (条例 第三十二条): the 征求意见 letter for each consultation, and the written
 * notice when the organ discloses over its objection. Staff only: they never reach the applicant's answer.
 */
export function thirdPartyLetters(
  request: InfoRequest,
  settings: NoticeSettings,
  calendar: Calendar,
): ThirdPartyLetter[] {
  const informationTitle = request.content.titleHint ?? request.content.description;
  const out: ThirdPartyLetter[] = [];
  let party = '';
  for (const { date, action } of request.history) {
    if (action.type === 'startConsultation') {
      party = action.party;
      const replyBy = periodEnd(calendar, date, action.via, CLOCK_RULES.thirdPartyReply.workdays);
      out.push({
        kind: 'consultation',
        title: THIRD_PARTY_LETTER_TITLES.consultation,
        date,
        partyName: party,
        text: consultationLetter({
          organName: settings.organName,
          applicationNo: request.applicationNo,
          noticeDate: date,
          partyName: party,
          informationTitle,
          ...(replyBy ? { replyBy } : {}),
          contact: action.contact ?? settings.contact ?? '【请填写：联系方式】',
        }),
      });
    } else if (action.type === 'answer' && action.publicInterestReason) {
      if (!thirdPartyObjected(request)) continue;
      const f = filler({
        ...(settings.reviewOrgan ? { reviewOrgan: settings.reviewOrgan } : {}),
        ...(settings.court ? { court: settings.court } : {}),
      });
      out.push({
        kind: 'disclosureOverObjection',
        title: THIRD_PARTY_LETTER_TITLES.disclosureOverObjection,
        date,
        partyName: party,
        text: disclosureOverObjectionNotice(
          {
            organName: settings.organName,
            applicationNo: request.applicationNo,
            noticeDate: date,
            partyName: party,
            informationTitle,
            content: informationTitle,
            reasons: action.publicInterestReason,
          },
          rightsClause(f, false, { what: '本决定', doc: '本告知书' }),
        ),
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
