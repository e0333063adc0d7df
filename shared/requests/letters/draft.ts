/**
 * The reply letter (政府信息公开申请答复书) for an outcome: heading, the applicant's request, the body for the
 * outcome row, the outcome and the 条例 article behind it, and the 行政复议/行政诉讼 rights (条例 第五十一条
 * gives the applicant those remedies; every reply states them). Plain text, for staff to edit.
 */
import { CLOCK_RULES, type Calendar, type IsoDate } from '../../calendar';
import type { Outcome } from '../../format';
import type { AnswerDetails } from '../actions';
import { lastAction, applicantName, type InfoRequest } from '../model';
import { refuse, type RequestFailure } from '../errors';
import {
  chineseDate,
  filler,
  findPlaceholders,
  rightsClause,
  signature,
  type Filler,
  type LetterContext,
} from './fill';
import { OUTCOME_RULES, outcomeTitle } from './outcomes';
import { LETTER_BODIES } from './templates';

export interface Letter {
  title: string;
  text: string;
  /** Labels of the fields still shown as 【请填写】 in `text`. */
  missing: string[];
}

function opening(f: Filler): string {
  const received = f.has('receivedDate') ? chineseDate(f.get('receivedDate')) : f.get('receivedDate');
  return `本机关于${received}收到您提出的政府信息公开申请（申请编号：${f.get('applicationNo')}），申请获取“${f.get('informationTitle')}”。现答复如下：`;
}

const endSentence = (text: string) => (/[。！？]$/.test(text) ? text : `${text}。`);

/** The basis as cited in a letter: full titles of the 条例 and of 109号. */
export function citeBasis(basis: string): string {
  return basis
    .replace(/^条例 /, '《中华人民共和国政府信息公开条例》')
    .replace('国办函〔2020〕109号', '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）');
}

export function renderLetter(outcome: Outcome, context: LetterContext): Letter {
  const f = filler(context);
  const rule = OUTCOME_RULES[outcome];
  const title = '政府信息公开申请答复书';
  const lines = [
    f.get('organName'),
    title,
    '',
    `${f.get('applicantName')}：`,
    `    ${opening(f)}`,
    `    ${endSentence(LETTER_BODIES[outcome](f))}`,
    `    办理结果：${outcomeTitle(outcome)}。依据：${citeBasis(rule.editableBasis && f.has('basis') ? f.get('basis') : rule.basis)}。`,
    `    ${rightsClause(f, rule.reviewFirst)}`,
    '    特此告知。',
    signature(f),
  ];
  return { title, text: lines.join('\n'), missing: [...f.missing] };
}

/** The draft text of the reply letter for `outcome`; unknown values appear as 【请填写：…】 markers. */
export function draftLetter(outcome: Outcome, context: LetterContext): string {
  return renderLetter(outcome, context).text;
}

export interface OrganLetterSettings {
  organName: string;
  /** 行政复议机关 and the court: organ settings, required before a letter can be issued (条例 第五十一条). */
  reviewOrgan?: string;
  court?: string;
}

/**
 * The context a request gives a letter: its number, dates, the applicant's name, what was asked, the
 * correction and fee dates, and the answer's reason. With a calendar, the fee deadline (20 working days
 * from the day after the notice, 109号) is filled in too.
 */
export function letterContextFor(
  request: InfoRequest,
  organ: OrganLetterSettings,
  letterDate: IsoDate,
  calendar?: Calendar,
): LetterContext {
  const context: LetterContext = {
    ...organ,
    applicationNo: request.applicationNo,
    applicantName: applicantName(request.applicant),
    letterDate,
    informationTitle: request.content.titleHint ?? request.content.description,
  };
  if (request.receivedDate !== null) context.receivedDate = request.receivedDate;
  const correction = lastAction(request, 'requestCorrection');
  if (correction) {
    context.correctionDate = correction.date;
    context.correctBy = correction.action.correctBy;
  }
  const fee = lastAction(request, 'noticeFee');
  if (fee) {
    context.feeNoticeDate = fee.date;
    if (calendar) context.feeDeadline = calendar.addWorkdays(fee.date, CLOCK_RULES.feePayment.workdays).date;
  }
  const answer = lastAction(request, 'answer');
  return answer ? withAnswerDetails(context, answer.action) : context;
}

/** The context with what staff wrote into the reply (the answer action's details, or a draft's before answering). */
export function withAnswerDetails(context: LetterContext, a: AnswerDetails): LetterContext {
  const out = { ...context };
  if (a.reason !== undefined) out.reason = a.reason;
  if (a.holderOrgan !== undefined) out.holderOrgan = a.holderOrgan;
  if (a.holderContact !== undefined) out.holderContact = a.holderContact;
  if (a.notThisOrgan) out.notThisOrgan = 'yes';
  if (a.basis !== undefined) out.basis = a.basis;
  if (a.deliveryNote !== undefined) out.deliveryNote = a.deliveryNote;
  if (a.whereToGet !== undefined) out.whereToGet = a.whereToGet;
  return out;
}

/**
 * Refuses a letter or notice that still holds a 【请填写…】 marker: nothing incomplete may reach an applicant
 * or a third party. The code is LETTER_INCOMPLETE; the message names the first marker and the document.
 */
export function checkComplete(document: { title: string; text: string }): RequestFailure | null {
  const markers = findPlaceholders(document.text);
  if (markers.length === 0) return null;
  return refuse(
    'LETTER_INCOMPLETE',
    `《${document.title}》尚有未填写的内容：${markers.join('、')}。请补全（机关设置或本文书）后再发出`,
  );
}
