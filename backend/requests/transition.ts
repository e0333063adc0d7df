/**
 * Storing one step of a request's state machine — by staff (`act`) or by the daily sweep (a lapsed 补正 or fee
 * deadline): the new version of the document with its reply letter once final, the audit entry, and the owner's
 * subscribe message queued and sent after the commit. Runs inside the caller's transaction.
 */
import type { ActAnswer, ReplyLetter } from '../../shared/api/requests';
import type { Calendar } from '../../shared/calendar';
import type { Outcome } from '../../shared/format';
import {
  actionsFrom,
  checkComplete,
  findPlaceholders,
  letterContextFor,
  toFailure,
  issuedNotices,
  renderLetter,
  STATUS_LABELS,
  thirdPartyLetters,
  withAnswerDetails,
  type ActionType,
  type AnswerDetails,
  type InfoRequest,
  type NoticeSettings,
} from '../../shared/requests';
import { COLLECTIONS } from '../collections';
import type { TxContext } from '../runtime';
import { findOrgan } from '../organs';
import { AppError } from '../errors';
import { shanghaiDate } from '../time';
import { sendAfterCommit } from '../notices/queue';
import { notifyOwner } from './notify';
import { isFinal, type Store, type StoredRequest } from './store';
import { deadlineFor } from './views';

export async function organName(store: Store, organId: string): Promise<string> {
  return (await noticeSettingsFor(store, organId)).organName;
}

/**
 * What the letters and notices of a request print about the organ: its name, how to pay a fee, the 复议机关
 * and court (条例 第五十一条), and its phone for the third party. A setting left empty stays a 【请填写】 marker,
 * which `checkIssuable` refuses.
 */
export async function noticeSettingsFor(store: Store, organId: string): Promise<NoticeSettings> {
  const organ = await findOrgan(store, organId);
  const settings: NoticeSettings = { organName: organ?.name ?? '' };
  const set = (key: 'howToPay' | 'reviewOrgan' | 'court' | 'contact', value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') settings[key] = value;
  };
  set('howToPay', organ?.feePayment);
  set('reviewOrgan', organ?.reviewOrgan);
  set('court', organ?.court);
  set('contact', organ?.contactPhone);
  return settings;
}

/** The organ settings a 【请填写】 marker points to, for the field error's path. */
const SETTING_OF_MARKER: Record<string, string> = {
  '【请填写：行政复议机关】': 'organ.reviewOrgan',
  '【请填写：人民法院】': 'organ.court',
  '【请填写：缴费方式】': 'organ.feePayment',
  '【请填写：联系方式】': 'organ.contactPhone',
};

/**
 * Refuses a letter or notice that still holds a 【请填写】 marker (LETTER_INCOMPLETE, naming the marker and,
 * where it comes from an organ setting, that setting as the field).
 */
export function checkIssuable(document: { title: string; text: string }): void {
  const refused = checkComplete(document);
  if (!refused) return;
  const fieldErrors = findPlaceholders(document.text).map((marker) => ({
    path: SETTING_OF_MARKER[marker] ?? 'letterText',
    message: `${marker}：${SETTING_OF_MARKER[marker] ? '请在“机关设置”中填写' : '请在文书中补全'}`,
  }));
  const f = toFailure(refused);
  throw new AppError(f.code, f.message, fieldErrors);
}

export async function draftFor(
  store: Store,
  request: InfoRequest,
  organId: string,
  outcome: Outcome,
  calendar: Calendar,
  today: string,
  details: AnswerDetails = {},
) {
  const settings = await noticeSettingsFor(store, organId);
  const organ = {
    organName: settings.organName,
    ...(settings.reviewOrgan ? { reviewOrgan: settings.reviewOrgan } : {}),
    ...(settings.court ? { court: settings.court } : {}),
  };
  return renderLetter(outcome, withAnswerDetails(letterContextFor(request, organ, today, calendar), details));
}

/** The actions that issue a notice or a letter to the third party (letters/issued.ts). */
const ISSUING: ReadonlySet<ActionType> = new Set([
  'requestCorrection',
  'extend',
  'noticeFee',
  'askReasons',
  'setLaterDate',
  'startConsultation',
  'answer',
]);

/** Whether a document dated `date` was issued by the step just applied (the history grew by it). */
function isNew(date: string, next: InfoRequest, before: number): boolean {
  return next.history.length > before && next.history[next.history.length - 1]?.date === date;
}

export interface Step {
  stored: StoredRequest;
  next: InfoRequest;
  action: ActionType;
  calendar: Calendar;
  /** The reply letter as staff edited it; else (absent or undefined) the draft for the outcome. */
  letterText?: string | undefined;
}

export async function storeStep(
  ctx: Pick<TxContext, 'tx' | 'now' | 'audit' | 'afterCommit'>,
  { stored, next, action, calendar, letterText }: Step,
): Promise<ActAnswer> {
  const { tx } = ctx;
  const id = stored.request.id;
  const today = shanghaiDate(ctx.now);
  let letter: ReplyLetter | null = stored.letter;
  if (isFinal(next.status) && next.outcome) {
    const text = letterText ?? (await draftFor(tx, next, stored.organId, next.outcome, calendar, today)).text;
    letter = { title: '政府信息公开申请答复书', text, date: today };
    checkIssuable(letter); // no placeholder reaches the applicant (条例 第五十一条: the rights clause is complete)
  }
  // The notices and third-party letters this step issues: complete, or nothing is stored.
  if (ISSUING.has(action)) {
    const settings = await noticeSettingsFor(tx, stored.organId);
    const before = stored.request.history.length;
    for (const notice of issuedNotices(next, settings, calendar).filter((n) => isNew(n.date, next, before))) {
      checkIssuable(notice);
    }
    for (const sent of thirdPartyLetters(next, settings, calendar).filter((n) => isNew(n.date, next, before))) {
      checkIssuable(sent);
    }
  }
  const version = stored.version + 1;
  const { _id, ...current } = stored.document;
  const after = {
    ...current,
    status: next.status,
    receivedDate: next.receivedDate,
    events: next.events,
    history: next.history,
    content: next.content,
    outcome: next.outcome,
    answeredDate: next.answeredDate,
    replyLetter: letter,
    version,
    updatedAt: ctx.now,
  };
  // In the transaction: a concurrent step on the same request conflicts, re-runs, and meets the new version.
  await tx.collection(COLLECTIONS.requests).doc(id).set(after);
  ctx.audit({
    action: `act.${action}`,
    target: id,
    before: stored.document,
    after: { _id, ...after },
    organId: stored.organId,
  });
  const deadline = deadlineFor(calendar, next, today);
  const noticeId =
    next.status === stored.request.status
      ? null
      : await notifyOwner(tx, {
          now: ctx.now,
          requestId: id,
          organId: stored.organId,
          owner: stored.ownerOpenid,
          action,
          request: next,
          dueDate: deadline?.dueDate ?? null,
          today,
        });
  if (noticeId) sendAfterCommit(ctx, [noticeId]);
  return {
    id,
    version,
    status: next.status,
    statusLabel: STATUS_LABELS[next.status],
    actions: actionsFrom(next.status),
    deadline,
    notified: noticeId !== null,
  };
}
