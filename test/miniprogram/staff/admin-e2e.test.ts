/**
 * The organ admin's pages end to end through the REAL functions and local server (admin-e2e-server.cjs in a child
 * process; the pages use the app's dev transport over real HTTP, as in e2e.test.ts): the admin invites a 发起人
 * (editor) on 人员与邀请, a newcomer binds with that code on the bind page and is an editor (organ.me); the admin
 * moves the report due date on 机关设置 and reports.status follows; the admin enters the first year the built-in
 * data does not cover (2027 today) on 工作日历, and a request received in that year (requests.record, run on a day of
 * that year) gets a due date that is no longer provisional.
 */
import path from 'node:path';
import { find, flush, openPage, tap, tapButton, textOf } from '../harness';
import { DEMO_APPLICANT } from '../../../backend/demo-applicant';
import { realRequest, useE2eBackend, waitFor } from '../e2e-server';
import { call } from '../../../miniprogram/api/index';
import type { Result } from 'gongkai-core';
import type { AdminData } from '../../../miniprogram/staff/pages/admin/index';
import type { BindData } from '../../../miniprogram/staff/pages/bind/index';
import type { CalendarData } from '../../../miniprogram/staff/pages/calendar/index';
import type { PeopleData } from '../../../miniprogram/staff/pages/people/index';

jest.setTimeout(60_000);

type Person = 'admin' | 'editor' | 'newcomer';
interface Info {
  url: string;
  logins: Record<Person, string>;
}

const backend = useE2eBackend<Info>(path.join(__dirname, 'admin-e2e-server.cjs'));
const as = (person: Person): void => backend.as(person);

interface Deadline {
  dueDate: string;
  provisional: boolean;
}

/** requests.record as the editor, run by the real function on `day` (the child's clock-set route). */
function recordOn(day: string, idempotencyKey: string): Promise<Result<{ id: string; deadline: Deadline | null }>> {
  const entry = {
    ...DEMO_APPLICANT,
    description: '请公开本乡草原生态保护补助奖励资金的发放名单',
    deliveryForm: 'paper',
    channel: 'post',
    receivedDate: day,
  };
  return new Promise((resolve) => {
    realRequest({
      url: `${backend.info.url}/at/${day}/functions/requests`,
      header: { 'content-type': 'application/json', 'x-gongkai-login': backend.info.logins.editor },
      data: { action: 'record', payload: { entry, idempotencyKey } },
      success: (res) => resolve(res.data as Result<{ id: string; deadline: Deadline | null }>),
      fail: (e) => resolve({ ok: false, code: 'INTERNAL', message: e.errMsg }),
    });
  });
}

describe('the organ admin’s pages end to end, real functions and server', () => {
  let code = '';

  it('the admin invites a 发起人 on 人员与邀请 and gets the code once', async () => {
    as('admin');
    const page = openPage<PeopleData>('staff/pages/people/index');
    await waitFor('the people page', () => page.data.state !== 'loading');
    expect(page.data.staff.map((s) => s.roleLabel).sort()).toEqual(
      ['分管领导', '发起人', '第一负责人', '管理员'].sort(),
    );
    await tap(page, '#role-editor');
    await tapButton(page, '#invite');
    await waitFor('the invitation', () => page.data.invitation !== null || page.data.notice !== '');
    code = page.data.invitation?.code ?? '';
    expect(code).toMatch(/^[0-9A-Z]{10}$/);
    expect(textOf(page, '#invite-code')).toBe(code);
  });

  it('a newcomer binds with that code on the bind page and is an editor', async () => {
    as('newcomer');
    const before = await call('organ.me', {});
    expect(before.ok && before.data.role).toBe('citizen');
    const page = openPage<BindData>('staff/pages/bind/index');
    find(page, '#code').dispatchEvent('input', { detail: { value: code } });
    find(page, '#name').dispatchEvent('input', { detail: { value: '卓玛' } });
    await flush();
    await tapButton(page, '#bind');
    await waitFor('the binding', () => page.data.bound || page.data.message !== '');
    expect(textOf(page, '#bound')).toContain('绑定成功，您的角色：发起人');
    const after = await call('organ.me', {});
    expect(after.ok && after.data).toMatchObject({ role: 'editor', displayName: '卓玛' });
  });

  it('the admin moves the report due date on 机关设置 and reports.status shows it', async () => {
    as('admin');
    const status = await call('reports.status', {});
    expect(status.ok && status.data.dueDate.slice(5)).toBe('01-31');
    const page = openPage<AdminData>('staff/pages/admin/index');
    await waitFor('the settings', () => page.data.state !== 'loading');
    expect(page.data.state).toBe('ready');
    find(page, '#reportDueDate').dispatchEvent('change', { detail: { value: '2024-03-15' } });
    await flush();
    await tapButton(page, '#save');
    await waitFor('the save', () => !page.data.busy && page.data.notice !== '');
    expect(textOf(page, '#notice')).toBe('已保存');
    const moved = await call('reports.status', {});
    expect(moved.ok && moved.data.dueDate.slice(5)).toBe('03-15');
  });

  it('the admin enters the first year the built-in data lacks, and its requests’ due dates are no longer provisional', async () => {
    as('admin');
    const page = openPage<CalendarData>('staff/pages/calendar/index');
    await waitFor('the calendar', () => page.data.state !== 'loading');
    const calendar = await call('requests.getCalendar', {});
    const year = calendar.ok ? Math.max(...calendar.data.officialYears) + 1 : 0;
    expect(year).toBeGreaterThanOrEqual(2027);

    // Received in that year before its calendar is entered: counted Monday to Friday, and flagged.
    const before = await recordOn(`${year}-03-22`, 'rq-admin-e2e-before');
    expect(before.ok && before.data.deadline).toMatchObject({ provisional: true });

    find(page, '#year').dispatchEvent('change', { detail: { value: page.data.years.indexOf(year) } });
    await flush();
    expect(page.data.year).toBe(year);
    const ranges: [string, string][] = [
      [`${year}-01-01`, `${year}-01-01`],
      [`${year}-02-06`, `${year}-02-12`],
      [`${year}-04-05`, `${year}-04-07`],
      [`${year}-05-01`, `${year}-05-05`],
    ];
    for (const [i, [start, end]] of ranges.entries()) {
      await tap(page, '#add-holiday');
      find(page, `#holiday-${i}-start`).dispatchEvent('change', { detail: { value: start } });
      await flush();
      find(page, `#holiday-${i}-end`).dispatchEvent('change', { detail: { value: end } });
      await flush();
    }
    await tapButton(page, '#save');
    await waitFor('the calendar save', () => !page.data.busy && page.data.notice !== '');
    expect(page.data.noticeKind).toBe('saved');
    expect(textOf(page, `#own-${year}`)).toContain('放假 16 天');

    const after = await recordOn(`${year}-03-22`, 'rq-admin-e2e-after');
    expect(after.ok && after.data.deadline).toMatchObject({ provisional: false });
    // The entered holidays inside the 20 working days push the due date later.
    const due = (r: typeof before) => (r.ok ? (r.data.deadline?.dueDate ?? '') : '');
    expect(due(after) > due(before)).toBe(true);
  });
});
