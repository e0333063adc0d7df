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
  letterContextFor,
  renderLetter,
  STATUS_LABELS,
  type ActionType,
  type InfoRequest,
  type NoticeSettings,
} from '../../shared/requests';
import { COLLECTIONS } from '../collections';
import type { TxContext } from '../runtime';
import { findOrgan } from '../organs';
import type { Row } from '../sdk';
import { shanghaiDate } from '../time';
import { sendAfterCommit } from '../notices/queue';
import { notifyOwner } from './notify';
import { isFinal, type Store, type StoredRequest } from './store';
import { deadlineFor } from './views';

export async function organName(store: Store, organId: string): Promise<string> {
  return (await noticeSettingsFor(store, organId)).organName;
}

/** What the notices of a request print about the organ: its name and how to pay a fee. */
export async function noticeSettingsFor(store: Store, organId: string): Promise<NoticeSettings> {
  const organ = await findOrgan(store, organId);
  const settings: NoticeSettings = { organName: organ?.name ?? '' };
  if (organ?.feePayment !== undefined && organ.feePayment.trim() !== '') settings.howToPay = organ.feePayment;
  return settings;
}

export async function draftFor(
  store: Store,
  request: InfoRequest,
  organId: string,
  outcome: Outcome,
  calendar: Calendar,
  today: string,
) {
  const context = letterContextFor(request, { organName: await organName(store, organId) }, today, calendar);
  return renderLetter(outcome, context);
}

export interface Step {
  stored: StoredRequest;
  next: InfoRequest;
  action: ActionType;
  calendar: Calendar;
  /** The reply letter as staff edited it; else the draft for the outcome. */
  letterText?: string;
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
  }
  const version = stored.version + 1;
  const { _id, ...current } = stored.row;
  const after: Row = {
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
    before: stored.row,
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
