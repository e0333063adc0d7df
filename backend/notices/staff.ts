/**
 * Reminders to staff (订阅消息 on the 工作台's 微信提醒): an item or report waiting at someone's approval step, an
 * item sent back or published, a citizen's online request received, a request near or past its deadline. Each
 * accept on the phone is a grant in `reminder_grants` ({openid, organId, purpose, templateId, used}); a reminder
 * goes to each recipient holding an unused grant for its purpose and uses it up — no grant, no message (not an
 * error). Queued in the transaction of the change (queue.ts) and sent after it commits. A reminder names an item
 * by its title, a request by its 申请编号 only: never the applicant's personal data.
 */
import type { GrantReminderInput, ReminderCounts } from '../../shared/api/organ';
import { STAFF_PURPOSES, type StaffPurpose } from '../../shared/api/subscribe';
import type { StaffRole } from '../../shared/policy/roles';
import type { StaffRecord } from '../caller';
import { AppError } from '../errors';
import type { TxContext } from '../runtime';
import { findOrgan } from '../organs';
import { activeStaffOf, staffById, type StoredStaff } from '../staff';
import { findNotice } from './outbox';
import { addGrant, deliver, sendAfterCommit, unusedGrants, useGrant, type NoticeData, type Store } from './queue';

/** The staff pages a reminder opens: the routes of miniprogram/staff/session.ts, without the leading slash. */
export const STAFF_PAGES = {
  approve: (itemId: string) => `staff/pages/approve/index?id=${itemId}`,
  edit: (itemId: string) => `staff/pages/item-edit/index?id=${itemId}`,
  report: (year: number) => `staff/pages/report/index?year=${year}`,
  request: (requestId: string) => `staff/pages/request/index?id=${requestId}`,
};

/** The caller's unused grants per staff purpose (a person holds a handful; 1000 is the SDK's page limit). */
export async function reminderCounts(store: Store, organId: string, openid: string): Promise<ReminderCounts> {
  const grants = await unusedGrants(store, 'reminder', { organId, openid });
  const counts = Object.fromEntries(STAFF_PURPOSES.map((p) => [p, 0])) as ReminderCounts;
  for (const g of grants) {
    const purpose = STAFF_PURPOSES.find((p) => p === g.purpose);
    if (purpose) counts[purpose] += 1;
  }
  return counts;
}

/** `organ.grantReminder`: stores one accept for the organ's template of that purpose; answers the counts after it. */
export async function grantReminder(
  ctx: TxContext,
  staff: StaffRecord,
  input: GrantReminderInput,
): Promise<ReminderCounts> {
  const organ = await findOrgan(ctx.tx, staff.organId);
  const configured = organ?.templateIds[input.purpose];
  if (configured !== input.templateId) {
    const message = '该模板不是本机关为此提醒配置的订阅消息模板';
    throw new AppError('VALIDATION', message, [{ path: 'templateId', message }]);
  }
  // Counted before the write: a read after it inside the transaction need not see it.
  const counts = await reminderCounts(ctx.tx, staff.organId, String(ctx.caller.openid));
  const grant = {
    openid: String(ctx.caller.openid),
    organId: staff.organId,
    purpose: input.purpose,
    templateId: input.templateId,
    used: false,
    grantedAt: ctx.now,
  };
  await addGrant(ctx.tx, 'reminder', grant);
  ctx.audit({
    action: 'grantReminder',
    target: staff._id,
    after: { purpose: input.purpose, templateId: input.templateId },
    organId: staff.organId,
  });
  return { ...counts, [input.purpose]: counts[input.purpose] + 1 };
}

export interface Reminder {
  organId: string;
  purpose: StaffPurpose;
  /** Everyone active in a role (the next approval step, the editors), or one person (an item's creator). */
  to: { role: StaffRole } | { staffId: string };
  page: string;
  data: NoticeData;
  /** What it is about (itemId, requestId, reportYear…), stored with the message. */
  refs: Readonly<Record<string, string | number>>;
  /**
   * A message at most once per key and recipient (its id is `<key>-<staffId>`): e.g. one deadline reminder per
   * request and day, however often the sweep runs. None: one per change.
   */
  onceKey?: string;
}

async function recipients(tx: Store, organId: string, to: Reminder['to']): Promise<StoredStaff[]> {
  if ('role' in to) return activeStaffOf(tx, organId, to.role);
  const person = await staffById(tx, to.staffId);
  return person && person.active && person.organId === organId ? [person] : [];
}

/**
 * In the change's transaction: queues the reminder for each recipient with an unused grant (using it up), and
 * sends them after the commit. Returns the queued messages' ids.
 */
export async function remindStaff(
  ctx: Pick<TxContext, 'tx' | 'now' | 'afterCommit'>,
  reminder: Reminder,
): Promise<string[]> {
  const { tx, now } = ctx;
  const ids: string[] = [];
  for (const person of await recipients(tx, reminder.organId, reminder.to)) {
    if (person.openid === null) continue;
    const id = reminder.onceKey === undefined ? undefined : `${reminder.onceKey}-${person._id}`;
    if (id !== undefined && (await findNotice(tx, id))) continue;
    const grant = await useGrant(
      tx,
      'reminder',
      { openid: person.openid, organId: reminder.organId, purpose: reminder.purpose },
      now,
    );
    if (!grant) continue;
    const message = {
      ...reminder.refs,
      toOpenid: person.openid,
      templateId: grant.templateId,
      page: reminder.page,
      data: reminder.data,
      organId: reminder.organId,
      purpose: reminder.purpose,
      createdAt: now,
    };
    ids.push(await deliver(message, tx, id));
  }
  sendAfterCommit(ctx, ids);
  return ids;
}
