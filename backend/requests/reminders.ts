/**
 * The desk's reminders (backend/notices/staff.ts) to the organ's editors: a citizen's online request received (in
 * the submission's transaction), and — from the daily sweep — each open request at risk or overdue, at most once
 * per request and day. They name the request by its 申请编号 only, never the applicant.
 */
import type { Calendar } from '../../shared/calendar';
import { STAFF_PAGES, remindStaff } from '../notices/staff';
import { inTransactionThen, type Services, type TxContext } from '../runtime';
import type { Db } from '../sdk';
import { shanghaiDate } from '../time';
import { forEachRequest, OPEN_STATUSES, type StoredRequest } from './store';
import { staffAlert } from '../../shared/requests';

const EDITORS = { role: 'editor' } as const;

/** In the submission's transaction: tells the editors a citizen's request arrived (to confirm its receipt). */
export async function remindReceived(
  ctx: Pick<TxContext, 'tx' | 'now' | 'afterCommit'>,
  stored: StoredRequest,
): Promise<void> {
  const id = stored.request.id;
  const data = {
    title: stored.request.applicationNo,
    status: '待确认受理',
    date: shanghaiDate(ctx.now),
    note: '网上申请，请核对后确认受理',
  };
  await remindStaff(ctx, {
    organId: stored.organId,
    purpose: 'requestReceived',
    to: EDITORS,
    page: STAFF_PAGES.request(id),
    data,
    refs: { requestId: id },
  });
}

/** One request's deadline reminder for `today`, in its own transaction; the number of messages queued. */
async function remindDeadline(
  db: Db,
  services: Services,
  stored: StoredRequest,
  calendar: Calendar,
  now: Date,
): Promise<number> {
  const today = shanghaiDate(now);
  // At risk, overdue, a third party's period about to end, or a lapse on a provisional date (staff decide).
  const alert = staffAlert(stored.request, today, calendar);
  if (!alert) return 0;
  const id = stored.request.id;
  const data = { title: stored.request.applicationNo, status: alert.status, date: today, note: alert.note };
  return inTransactionThen(db, services, async (tx, afterCommit) => {
    const reminder = {
      organId: stored.organId,
      purpose: 'deadlineNear',
      to: EDITORS,
      page: STAFF_PAGES.request(id),
      data,
      refs: { requestId: id },
      onceKey: `deadlineNear-${id}-${today}`,
    } as const;
    return (await remindStaff({ tx, now, afterCommit }, reminder)).length;
  });
}

/** The sweep's pass over every open request; the number of reminders queued. One failure does not stop the rest. */
export async function remindDeadlines(db: Db, services: Services, now: Date): Promise<number> {
  let queued = 0;
  await forEachRequest(db, OPEN_STATUSES, async (stored, calendar) => {
    try {
      queued += await remindDeadline(db, services, stored, calendar, now);
    } catch (e) {
      services.log(
        `requests.sweep: no deadline reminder for ${stored.request.id}: ${e instanceof Error ? e.name : 'error'}`,
      );
    }
  });
  return queued;
}
