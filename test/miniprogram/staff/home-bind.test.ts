/** 工作台 (drafts, waiting for my step with a count, the report link; a citizen sent to binding) and binding. */
import { find, flush, openPage, tap, tapButton, textOf } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';
import type { BindData } from '../../../miniprogram/staff/pages/bind/index';

const HOME = 'staff/pages/home/index';
const BIND = 'staff/pages/bind/index';

function summary(id: string, title: string, status: string) {
  return { id, title, status, indexNo: null, publisher: '扎毛乡人民政府', category: 'agriculture', publishedDate: null, writtenDate: '2026-03-01', validity: null };
}

const inReview = [summary('a', '待分管领导审核的通知', 'inReview'), summary('b', '待第一负责人审批的公告', 'inReview'), summary('c', '另一条待审核', 'inReview')];
const steps: Record<string, number> = { a: 0, b: 1, c: 0 };

function waitingRoutes() {
  return {
    'items.list': (p: Record<string, unknown>) => ({ ok: true as const, data: { list: p.status === 'inReview' ? inReview : [], total: 3, page: 1, pageSize: 50 } }),
    'items.get': (p: Record<string, unknown>) => ({ ok: true as const, data: { ...summary(String(p.id), '', 'inReview'), step: steps[String(p.id)] } }),
  };
}

describe('工作台', () => {
  beforeEach(() => useMemoryStorage());

  it('sends a citizen to binding', async () => {
    const redirect = jest.spyOn(wx, 'redirectTo');
    const fake = routeTransport({ 'organ.me': me('citizen') });
    openPage<HomeData>(HOME);
    await flush();
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/bind/index' }));
    expect(fake.actions()).toEqual(['organ.me']);
  });

  it('shows the reviewer what waits at step 0, with a count', async () => {
    const fake = routeTransport({ 'organ.me': me('reviewer', '李四'), ...waitingRoutes() });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#me')).toContain('李四');
    expect(textOf(page, '#me')).toContain('分管领导');
    expect(page.data.waiting.map((w) => w.id)).toEqual(['a', 'c']);
    expect(textOf(page, '#waiting-count')).toBe('2');
    expect(page.querySelector('#drafts')).toBeUndefined();
    expect(fake.payloads('items.list')).toEqual([{ status: 'inReview', page: 1, pageSize: 50 }]);

    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#waiting-c');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/approve/index?id=c' }));
  });

  it('shows the leader what waits at step 1', async () => {
    routeTransport({ 'organ.me': me('leader'), ...waitingRoutes() });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(page.data.waiting.map((w) => w.id)).toEqual(['b']);
    expect(textOf(page, '#waiting-count')).toBe('1');
  });

  it('shows the editor their drafts, one kept only on the phone, and the way to write and to the report', async () => {
    const storage = useMemoryStorage();
    storage.set('gongkai.staff.draft.new', { id: null, version: null, form: { title: '未同步的通知' }, dirty: true, createRequestId: 'rq-12345678', photos: [], savedAt: 1 });
    routeTransport({
      'organ.me': me('editor'),
      'items.list': () => ({ ok: true, data: { list: [summary('d1', '草稿一', 'draft')], total: 1, page: 1, pageSize: 50 } }),
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(page.querySelector('#waiting')).toBeUndefined();
    expect(textOf(page, '#draft-d1')).toContain('草稿一');
    expect(textOf(page, '#draft-d1')).toContain('农业农村');
    expect(textOf(page, '#local-draft')).toContain('未同步的通知');
    await tap(page, '#draft-d1');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/item-edit/index?id=d1' }));
    await tap(page, '#new');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/item-edit/index' }));
    await tap(page, '#report');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/report/index' }));
  });

  it('shows an error with a retry when offline', async () => {
    const fake = routeTransport({ 'organ.me': () => OFFLINE });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route({ 'organ.me': me('admin') });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});

describe('binding', () => {
  it('checks the fields first, in Chinese', async () => {
    const fake = routeTransport({});
    const page = openPage<BindData>(BIND);
    await tapButton(page, '#bind');
    expect(textOf(page, '#error-code')).toBe('请输入邀请码');
    expect(textOf(page, '#error-name')).toBe('请填写您的姓名');
    expect(fake.calls).toHaveLength(0);
  });

  it('scans the code, binds and shows the role', async () => {
    Object.assign(wx, { scanCode: (o: { success: (r: { result: string }) => void }) => o.success({ result: 'https://example.org/bind?code=ABCD123456' }) });
    const fake = routeTransport({ 'organ.bind': () => ({ ok: true, data: { organId: 'org-1', role: 'reviewer', roleLabel: '分管领导' } }) });
    const page = openPage<BindData>(BIND);
    await tap(page, '#scan');
    expect(page.data.code).toBe('ABCD123456');
    find(page, '#name').dispatchEvent('input', { detail: { value: '李四' } });
    await flush();
    await tapButton(page, '#bind');
    expect(fake.payloads('organ.bind')).toEqual([{ code: 'ABCD123456', displayName: '李四' }]);
    expect(textOf(page, '#bound')).toContain('绑定成功，您的角色：分管领导');
    const redirect = jest.spyOn(wx, 'redirectTo');
    await tapButton(page, '#home');
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });

  it('shows the server refusing a used code', async () => {
    routeTransport({
      'organ.bind': () => ({ ok: false, code: 'VALIDATION', message: '输入有误：code：邀请码无效、已使用或已过期', fieldErrors: [{ path: 'code', message: 'code：邀请码无效、已使用或已过期' }] }),
    });
    const page = openPage<BindData>(BIND, { code: 'USED000001' });
    find(page, '#name').dispatchEvent('input', { detail: { value: '李四' } });
    await flush();
    await tapButton(page, '#bind');
    expect(textOf(page, '#error-code')).toBe('邀请码无效、已使用或已过期');
  });
});
