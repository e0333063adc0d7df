/**
 * Who is using a staff page. Every staff page asks organ.me first; a citizen (no staff record for this WeChat
 * user) is sent to binding. This is for the person's way around only: the server checks every permission anyway.
 */
import { call } from '../api/client';
import { retryHandler, type OpensByStart } from '../kit/page-state';
import type { StaffMe } from 'gongkai-staff';
import type { StaffRole } from 'gongkai-staff';

export const BIND_ROUTE = '/staff/pages/bind/index';
export const HOME_ROUTE = '/staff/pages/home/index';
export const EDIT_ROUTE = '/staff/pages/item-edit/index';
export const APPROVE_ROUTE = '/staff/pages/approve/index';
export const MANAGE_ROUTE = '/staff/pages/item-manage/index';
export const REPORT_ROUTE = '/staff/pages/report/index';
export const REQUESTS_ROUTE = '/staff/pages/requests/index';
export const REQUEST_ROUTE = '/staff/pages/request/index';
export const RECORD_REQUEST_ROUTE = '/staff/pages/request-record/index';
export const REISSUE_CODE_ROUTE = '/staff/pages/reissue-code/index';
export const STATS_ROUTE = '/staff/pages/stats/index';
export const DOCS_ROUTE = '/staff/pages/docs/index';
export const CASES_ROUTE = '/staff/pages/cases/index';
export const ADMIN_ROUTE = '/staff/pages/admin/index';
export const PEOPLE_ROUTE = '/staff/pages/people/index';
export const CALENDAR_ROUTE = '/staff/pages/calendar/index';
export const SETUP_ROUTE = '/staff/pages/setup/index';
export const COUNTY_ROUTE = '/staff/pages/county/index';
export const COUNTY_REPORT_ROUTE = '/staff/pages/county-report/index';
export const COUNTY_SETTINGS_ROUTE = '/staff/pages/county-settings/index';

export type StaffCheck =
  { kind: 'staff'; me: StaffMe & { role: StaffRole } } | { kind: 'citizen' } | { kind: 'error'; message: string };

export async function checkStaff(): Promise<StaffCheck> {
  const result = await call('organ.me', {});
  if (!result.ok) return { kind: 'error', message: result.message };
  const me = result.data;
  if (me.role === 'citizen') {
    void wx.redirectTo({ url: BIND_ROUTE });
    return { kind: 'citizen' };
  }
  return { kind: 'staff', me: { ...me, role: me.role } };
}

/** A page that shows a failed check as its error state (with its retry). */
interface CheckingPage {
  setData(data: { state: 'loading' | 'error'; message: string }): void;
}

/**
 * The staff member opening (or reloading) a page, shown as the page's loading state meanwhile; null when there is
 * nobody to show it to: a citizen is sent to binding, a failed check becomes the page's error state.
 */
export async function staffOpening(page: CheckingPage): Promise<(StaffMe & { role: StaffRole }) | null> {
  page.setData({ state: 'loading', message: '' });
  const who = await checkStaff();
  if (who.kind === 'staff') return who.me;
  if (who.kind === 'error') page.setData({ state: 'error', message: who.message });
  return null;
}

/** staffOpening for a page only one role may use (admin, county): anyone else sees `refusal` as the page's error. */
export async function roleOpening(
  page: CheckingPage,
  role: StaffRole,
  refusal: string,
): Promise<(StaffMe & { role: StaffRole }) | null> {
  const me = await staffOpening(page);
  if (me === null || me.role === role) return me;
  page.setData({ state: 'error', message: refusal });
  return null;
}

/** staffOpening for a page only the organ's admin may use. */
export function adminOpening(page: CheckingPage, refusal: string): Promise<(StaffMe & { role: StaffRole }) | null> {
  return roleOpening(page, 'admin', refusal);
}

/** Spread into a staff Page that opens by `start()` as it loads: that, and the retry under its error state. */
export const startOnLoad = {
  ...retryHandler,
  onLoad(this: Pick<OpensByStart, 'start'>): void {
    void this.start();
  },
};

// The chain's steps, who acts at each and what each is called: shared/approval, as on the server.
export { approves, checklistStep, roleAtStep, stepLabel, stepName } from 'gongkai-staff';
