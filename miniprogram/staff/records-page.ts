/**
 * What the 统计填报, 规范性文件登记 and 复议诉讼登记 pages do alike around their records: open (the staff check, who
 * may write, the year's records), a field typed into its form with its error cleared, one write at a time sent with
 * its kept idempotency key and the records read again after it, and a registered entry removed after a confirm.
 */
import {
  NO_NOTICE,
  PendingWrites,
  formPageStart,
  noticeOf,
  refreshHandlers,
  type FormPageData,
  type OpensByStart,
  type StatefulPage,
} from '../kit/page-state';
import { callChecked, newIdempotencyKey } from '../api/client';
import { removeByIdSchema, type Result, type StaffMe, type StaffRole } from 'gongkai-staff';
import { canWrite, confirm } from './records';
import { staffOpening } from './session';

/** The methods of a page that keeps a list of records it writes to (statistics, documents, cases). */
export interface RecordsPage extends OpensByStart {
  /** Writes not through yet, each with the idempotency key it is tried again with (made anew on load). */
  writes: PendingWrites;
  /** The records read again; false (and the failure shown) when they could not be. */
  refresh(): Promise<boolean>;
}

/** What a records page keeps in its data besides its own: loading, the form's notice and busy flag, who writes. */
export interface RecordsData extends FormPageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  /** Editors and admins write (RECORD_WRITERS); the others read. */
  canWrite: boolean;
}

/** The start of a records page's data (spread first into `data`): loading, nobody writes until the check says so. */
export function recordsStart(): RecordsData {
  return { elder: '', ...formPageStart(), canWrite: false };
}

/** Spread into a records Page: the retry, pull to refresh, and the pending writes it replaces on load. */
export function recordsMembers(): Pick<RecordsPage, 'writes' | 'onRetry'> & typeof refreshHandlers {
  return { ...refreshHandlers, writes: new PendingWrites(newIdempotencyKey) };
}

/** A records page as these helpers see it: its data, its pending writes, its read. */
export type RecordsHost = RecordsPage & StatefulPage<RecordsData>;

/**
 * Opens (or reopens) the page: the staff check, whether this person writes, then the records; the page is shown
 * once they are read. `withStaff` takes what the page keeps of the person before the read (say, the organ).
 */
export async function openRecords(
  page: RecordsHost,
  records: 'stats' | 'cases',
  withStaff: (me: StaffMe & { role: StaffRole }) => void = () => undefined,
): Promise<void> {
  const me = await staffOpening(page);
  if (!me) return;
  withStaff(me);
  page.setData({ canWrite: canWrite(records, me.role) });
  if (await page.refresh()) page.setData({ state: 'ready' });
}

/**
 * The patch for a value entered into `form`'s `field`: the value, and the field's error (in `errors`) cleared, as
 * the clerk corrects it.
 */
export function entered(form: string, field: string, value: unknown, errors = 'errors'): Record<string, unknown> {
  return { [`${form}.${field}`]: value, [`${errors}.${field}`]: '' };
}

/**
 * One write, while no other is on its way: sent with the idempotency key kept for `key` until it goes through
 * (a retry after a lost answer repeats nothing), then the records read again. False, with the function's words as
 * the notice, when it did not go through (or another write was on its way); the caller says what was done.
 */
export async function writeThenRefresh<T>(
  page: RecordsHost,
  key: string,
  write: (idempotencyKey: string) => Promise<Result<T>>,
): Promise<boolean> {
  if (page.data.busy) return false;
  page.setData({ busy: true, ...NO_NOTICE });
  const result = await page.writes.send(key, write);
  if (!result.ok) {
    page.setData({ busy: false, ...noticeOf(result, '') });
    return false;
  }
  await page.refresh();
  page.setData({ busy: false });
  return true;
}

/** Removes a registered stat entry (a statistic, a document) once the clerk confirms `title` / `content`. */
export async function removeEntry(page: RecordsHost, id: string, title: string, content: string): Promise<void> {
  if (page.data.busy || !(await confirm(title, content))) return;
  const removed = await writeThenRefresh(page, `remove:${id}`, (key) =>
    callChecked('stats.remove', removeByIdSchema, { id }, key),
  );
  if (removed) page.setData({ notice: '已删除', noticeKind: 'saved' });
}
