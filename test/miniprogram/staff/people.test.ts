/**
 * 人员与邀请: the staff with role labels, an invitation (role and validity → the code shown once, big, with 复制 and
 * how to use it), removing a person after a confirm (never yourself), admins only.
 */
import { flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { PeopleData } from '../../../miniprogram/staff/pages/people/index';

const ROUTE = 'staff/pages/people/index';

function staffStore() {
  const staff = [
    { id: 's-1', role: 'admin', displayName: '张三' },
    { id: 's-2', role: 'editor', displayName: '卓玛' },
    { id: 's-3', role: 'leader', displayName: '王书记' },
  ];
  const handlers: Record<string, Handler> = {
    'organ.me': me('admin'),
    'organ.listStaff': () => ({ ok: true, data: staff }),
    'organ.removeStaff': (p) => {
      const i = staff.findIndex((s) => s.id === p.staffId);
      if (i >= 0) staff.splice(i, 1);
      return { ok: true, data: { id: String(p.staffId) } };
    },
    'organ.invite': (p) => ({
      ok: true,
      data: {
        code: 'K7P2M9X4QA',
        role: p.role,
        roleLabel: p.role === 'editor' ? '发起人' : '分管领导',
        expiresAt: '2026-12-04T07:30:00.000Z',
      },
    }),
  };
  return { staff, handlers };
}

async function open(): Promise<RenderedPage<PeopleData>> {
  const page = openPage<PeopleData>(ROUTE);
  await flush();
  return page;
}

function answerModal(confirmed: boolean): jest.Mock {
  const modal = jest.fn((o: { success: (r: { confirm: boolean; cancel: boolean }) => void }) =>
    o.success({ confirm: confirmed, cancel: !confirmed }),
  );
  Object.assign(wx, { showModal: modal });
  return modal;
}

describe('人员与邀请', () => {
  beforeEach(() => useMemoryStorage());

  it('lists the staff with their roles; the admin is marked and cannot remove themself', async () => {
    routeTransport(staffStore().handlers);
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#person-s-3')).toContain('王书记');
    expect(textOf(page, '#person-s-3')).toContain('第一负责人');
    expect(textOf(page, '#person-s-2')).toContain('发起人');
    expect(textOf(page, '#person-s-1')).toContain('（我）');
    expect(page.querySelector('#remove-s-1')).toBeUndefined();
    expect(page.querySelector('#remove-s-2')).toBeDefined();
  });

  it('invites: asks for a role, then shows the code once, big, with 复制 and how it is used', async () => {
    const fake = routeTransport(staffStore().handlers);
    const page = await open();
    await tapButton(page, '#invite');
    expect(textOf(page, '#error-role')).toBe('请选择被邀请人的角色');
    expect(fake.payloads('organ.invite')).toEqual([]);

    await tap(page, '#role-editor');
    await tap(page, '#days-3');
    await tapButton(page, '#invite');
    expect(fake.payloads('organ.invite')).toEqual([{ role: 'editor', expiresInDays: 3 }]);
    expect(textOf(page, '#invite-code')).toBe('K7P2M9X4QA');
    expect(textOf(page, '#invitation')).toContain('有效期至 2026-12-04 15:30');
    expect(textOf(page, '#invite-note')).toContain('只显示这一次');
    expect(textOf(page, '#invite-note')).toContain('我的 → 工作人员入口 → 输入邀请码');
    expect(textOf(page, '#invite-note')).toContain('发起人');

    const clipboard = jest.fn();
    Object.assign(wx, { setClipboardData: clipboard });
    await tapButton(page, '#copy');
    expect(clipboard).toHaveBeenCalledWith(expect.objectContaining({ data: 'K7P2M9X4QA' }));

    await tapButton(page, '#another');
    expect(page.querySelector('#invitation')).toBeUndefined();
    expect(page.querySelector('#invite-form')).toBeDefined();
  });

  it('removes a person only after the confirm, and the list follows', async () => {
    const store = staffStore();
    const fake = routeTransport(store.handlers);
    const page = await open();
    const declined = answerModal(false);
    await tap(page, '#remove-s-2');
    expect(declined).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('卓玛') as unknown }),
    );
    expect(fake.payloads('organ.removeStaff')).toEqual([]);

    answerModal(true);
    await tap(page, '#remove-s-2');
    expect(fake.payloads('organ.removeStaff')).toEqual([{ staffId: 's-2' }]);
    expect(page.querySelector('#person-s-2')).toBeUndefined();
    expect(textOf(page, '#notice')).toBe('已移除 卓玛');
  });

  it('shows a refused invitation', async () => {
    const store = staffStore();
    routeTransport({
      ...store.handlers,
      'organ.invite': () => ({ ok: false, code: 'FORBIDDEN', message: '无权执行此操作' }),
    });
    const page = await open();
    await tap(page, '#role-reviewer');
    await tapButton(page, '#invite');
    expect(textOf(page, '#notice')).toBe('无权执行此操作');
    expect(page.querySelector('#invitation')).toBeUndefined();
  });

  it('offers the county role only when the organ is a county, and invites with it there', async () => {
    const store = staffStore();
    const settings = (isCounty: boolean) => () => ({ ok: true as const, data: { isCounty, county: null } });
    const fake = routeTransport({ ...store.handlers, 'organ.settings': settings(false) });
    const township = await open();
    expect(township.data.roles.map((r) => r.key)).toEqual(['editor', 'reviewer', 'leader', 'admin']);
    expect(township.querySelector('#role-county')).toBeUndefined();
    fake.route({ 'organ.settings': settings(true) });
    const county = await open();
    expect(textOf(county, '#role-county')).toContain('县级审核员');
    await tap(county, '#role-county');
    await tapButton(county, '#invite');
    expect(fake.payloads('organ.invite')).toEqual([{ role: 'county', expiresInDays: 7 }]);
  });

  it('is for the admin only', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = await open();
    expect(textOf(page, '#error')).toContain('仅限管理员');
    expect(fake.actions()).toEqual(['organ.me']);
  });
});
