/**
 * The daily sweep (a timer trigger in production, a timer of `npm start` locally): closes every request whose
 * applicant let the 补正 or fee deadline lapse (条例 第三十条; 109号: 视为放弃申请 → otherNoCorrection /
 * otherFeeUnpaid, dated the day after the lapse), each in its own transaction with its audit entry, reply letter
 * and the owner's message; before that, sends the subscribe messages still queued. A request staff act on meanwhile is
 * left alone (its version moved); the next sweep sees it again. Then reminds the editors of each open request at
 * risk or overdue (reminders.ts: once per request and day, however often it runs).
 */
import { TRANSITIONS } from '../../shared/requests/transitions';
import { autoCloseIfDue, endLapsedConsultation, type InfoRequest } from '../../shared/requests';
import type { Calendar } from '../../shared/calendar';
import { purgeExpired } from '../limits';
import { appendChained, auditRow, type AuditEntry } from '../audit';
import type { Caller } from '../caller';
import { inTransactionThen, type Services } from '../runtime';
import type { Db } from '../sdk';
import { shanghaiDate } from '../time';
import { dispatchNotices, type DispatchSummary } from '../notices/outbox';
import { remindDeadlines } from './reminders';
import { forEachRequest, loadRequest } from './store';
import { storeStep } from './transition';

/** The audit log's name for the sweep: no OPENID, no staff record. */
const SYSTEM: Caller = { openid: null, role: 'citizen', staff: null };
const SYSTEM_FN = 'requests.sweep';

export interface SweepSummary {
  closed: number;
  /** Consultations ended by the lapse of the third party's 15 working days (条例 第三十二条). */
  consultationsEnded: number;
  notices: DispatchSummary;
  /** Deadline reminders queued for the editors (deadlineNear). */
  reminded: number;
}

type SweepStep = (request: InfoRequest, today: string, calendar: Calendar) => InfoRequest | null;

async function stepIfDue(
  db: Db,
  services: Services,
  id: string,
  version: number,
  calendar: Calendar,
  now: Date,
  step: { apply: SweepStep; action: 'close' | 'endConsultation' },
): Promise<boolean> {
  const today = shanghaiDate(now);
  return inTransactionThen(db, services, async (tx, afterCommit) => {
    const stored = await loadRequest(tx, id);
    if (!stored || stored.version !== version) return false;
    const next = step.apply(stored.request, today, calendar);
    if (!next) return false;
    const entries: AuditEntry[] = [];
    await storeStep(
      { tx, now, audit: (e) => void entries.push(e), afterCommit },
      { stored, next, action: step.action, calendar },
    );
    await appendChained(
      tx,
      entries.map((e) => auditRow(SYSTEM, 'requests', { ...e, action: `sweep.${e.action}` }, now)),
    );
    return true;
  });
}

export async function sweepRequests(db: Db, services: Services, now: Date): Promise<SweepSummary> {
  // Messages left from before first: those of today's closings are sent as each commits.
  const notices = await dispatchNotices(db, services, now);
  await purgeExpired(db, now); // rate-limit attempts past their window (lookups purge too; submissions do not)
  const today = shanghaiDate(now);
  let closed = 0;
  // Never on a provisional date (autoCloseIfDue refuses): the reminders flag those to staff instead.
  await forEachRequest(db, TRANSITIONS.close.from, async (stored, calendar) => {
    if (!autoCloseIfDue(stored.request, today, calendar)) return;
    try {
      const close = { apply: autoCloseIfDue, action: 'close' } as const;
      if (await stepIfDue(db, services, stored.request.id, stored.version, calendar, now, close)) closed += 1;
    } catch (e) {
      // One request that cannot be closed (say, a conflict that outlasted the retries) must not stop the rest.
      services.log(`${SYSTEM_FN}: ${stored.request.id} not closed: ${e instanceof Error ? e.name : 'error'}`);
    }
  });
  let consultationsEnded = 0;
  await forEachRequest(db, ['consulting'], async (stored, calendar) => {
    if (!endLapsedConsultation(stored.request, today, calendar)) return;
    try {
      const end = { apply: endLapsedConsultation, action: 'endConsultation' } as const;
      if (await stepIfDue(db, services, stored.request.id, stored.version, calendar, now, end)) consultationsEnded += 1;
    } catch (e) {
      services.log(
        `${SYSTEM_FN}: ${stored.request.id} consultation not ended: ${e instanceof Error ? e.name : 'error'}`,
      );
    }
  });
  return { closed, consultationsEnded, notices, reminded: await remindDeadlines(db, services, now) };
}
