/** 工作台 (drafts, waiting for my step with a count, the report link; a citizen sent to binding) and binding. */
import { find, flush, openPage, tap, tapButton, textOf } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';
import type { BindData } from '../../../miniprogram/staff/pages/bind/index';

const HOME = 'staff/pages/home/index';
const BIND = 'staff/pages/bind/index';

function summary(id: string, title: string, status: string) {
  return {
    id,
    title,
    status,
    indexNo: null,
    publisher: '扎毛乡人民政府',
    category: 'agriculture',
    publishedDate: null,
    writtenDate: '2026-03-01',
    validity: null,
  };
}

const inReview = [
  summary('a', '待分管领导审核的通知', 'inReview'),
  summary('b', '待第一负责人审批的公告', 'inReview'),
  summary('c', '另一条待审核', 'inReview'),
];
const steps: Record<string, number> = { a: 0, b: 1, c: 0 };

/**
 * Staff lists carry who acts next on an item in review (the default chain: step 0 分管领导, step 1 第一负责人);
 * the items in review come two pages by cursor, the second after `p2`.
 */
function waitingRoutes() {
  const waiting = inReview.map((item) => ({ ...item, waitingFor: steps[item.id] === 0 ? 'reviewer' : 'leader' }));
  return {
    'items.list': (p: Record<string, unknown>) => ({
      ok: true as const,
      data:
        p.status !== 'inReview'
          ? { items: [], more: false, cursor: null }
          : p.cursor === 'p2'
            ? { items: waiting.slice(2), more: false, cursor: null }
            : { items: waiting.slice(0, 2), more: true, cursor: 'p2' },
    }),
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
    // The one waiting on the second page is found too.
    expect(fake.payloads('items.list')).toEqual([
      { status: 'inReview', pageSize: 50 },
      { status: 'inReview', pageSize: 50, cursor: 'p2' },
    ]);

    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#waiting-c');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/approve/index?id=c' }));
  });

  it('shows the requests due soon and overdue first, and last year’s report with its due date and a reminder', async () => {
    const deadline = (dueDate: string, daysRemaining: number, flags: { atRisk?: boolean; overdue?: boolean } = {}) => ({
      dueDate,
      projected: false,
      daysRemaining,
      daysOverdue: 0,
      atRisk: false,
      overdue: false,
      pausedBy: null,
      pauseEndsBy: null,
      provisional: false,
      prompt: null,
      ...flags,
    });
    const row = (
      id: string,
      no: string,
      statusLabel: string,
      d: ReturnType<typeof deadline> | null,
      status = 'received',
    ) => ({
      id,
      version: 2,
      applicationNo: no,
      status,
      statusLabel,
      channelLabel: '网上申请',
      applicantTypeLabel: '自然人',
      applicantName: '卓*',
      submittedDate: '2026-01-05',
      receivedDate: '2026-01-05',
      deadline: d,
      outcome: null,
      outcomeLabel: null,
      answeredDate: null,
    });
    const list = [
      row('r1', '2026-0003', '办理中', deadline('2026-01-20', 0, { overdue: true })),
      row('r2', '2026-0004', '办理中', deadline('2026-01-23', 2, { atRisk: true })),
      row('r3', '2026-0005', '办理中', deadline('2026-02-10', 15)),
      row('r4', '2026-0006', '办理中', deadline('2026-02-20', 20)),
      row('r5', '2026-0001', '已答复', null, 'answered'),
    ];
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.list': () => ({ ok: true, data: { items: [], more: false, cursor: null } }),
      'requests.list': () => ({
        ok: true,
        data: { list, total: 5, page: 1, pageSize: 10, counts: { open: 4, atRisk: 1, overdue: 1 } },
      }),
      'reports.status': () => ({
        ok: true,
        data: {
          year: 2025,
          status: 'draft',
          step: null,
          stepLabel: '草稿',
          dueDate: '2026-01-31',
          daysLeft: 9,
          publishedId: null,
        },
      }),
    });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(fake.payloads('requests.list')).toEqual([{ page: 1, pageSize: 10 }]);
    expect(textOf(page, '#requests-overdue')).toBe('逾期 1');
    expect(textOf(page, '#requests-at-risk')).toBe('临期 1');
    expect(textOf(page, '#requests-all')).toContain('全部 4 件办理中');
    expect(page.data.requestLines.map((l) => [l.id, l.urgent])).toEqual([
      ['r1', true],
      ['r2', true],
      ['r3', false],
    ]);
    expect(textOf(page, '#request-r1')).toContain('已逾期 · 应于 2026-01-20 前答复');
    expect(textOf(page, '#request-r2')).toContain('剩 2 个工作日');
    expect(textOf(page, '#report-year')).toContain('2025 年度报告');
    expect(textOf(page, '#report-note')).toBe('草稿 · 距报送期限 2026-01-31 还有 9 天');
    expect(textOf(page, '#report-remind')).toBe('请按期报送');
    await tap(page, '#request-r2');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/request/index?id=r2' }));
    await tap(page, '#requests-all');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/requests/index' }));
    await tap(page, '#cases');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/cases/index' }));
  });

  it('a published report needs no reminder; a desk that cannot load says so in its section', async () => {
    routeTransport({
      'organ.me': me('leader'),
      ...waitingRoutes(),
      'reports.status': () => ({
        ok: true,
        data: {
          year: 2025,
          status: 'published',
          step: null,
          stepLabel: '已发布（第 1 版）',
          dueDate: '2026-01-31',
          daysLeft: 3,
          publishedId: 'o-2025-v1',
        },
      }),
    });
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#report-note')).toBe('已发布（第 1 版）');
    expect(page.querySelector('#report-remind')).toBeUndefined();
    expect(textOf(page, '#requests')).toContain('网络连接失败');
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
    storage.set('gongkai.staff.draft.new', {
      id: null,
      version: null,
      form: { title: '未同步的通知' },
      dirty: true,
      createRequestId: 'rq-12345678',
      photos: [],
      savedAt: 1,
    });
    routeTransport({
      'organ.me': me('editor'),
      'items.list': () => ({
        ok: true,
        data: { items: [summary('d1', '草稿一', 'draft')], more: false, cursor: null },
      }),
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

  it('gives the admin, and only the admin, the 机关管理 links', async () => {
    routeTransport({ 'organ.me': me('admin') });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#organ-admin')).toContain('机关管理');
    await tap(page, '#admin-settings');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/admin/index' }));
    await tap(page, '#admin-people');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/people/index' }));
    await tap(page, '#admin-calendar');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/calendar/index' }));
    await tap(page, '#admin-import');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/report-import/index' }));

    routeTransport({ 'organ.me': me('leader'), ...waitingRoutes() });
    const leader = openPage<HomeData>(HOME);
    await flush();
    expect(leader.querySelector('#organ-admin')).toBeUndefined();
  });

  it('tells the admin on top while the 复议机关 or court is missing, and not once both are set', async () => {
    const settings = (reviewOrgan: string, court: string) => () => ({
      ok: true as const,
      data: { reviewOrgan, court },
    });
    routeTransport({ 'organ.me': me('admin'), 'organ.settings': settings('', '') });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<HomeData>(HOME);
    await flush();
    expect(textOf(page, '#letter-settings')).toContain('行政复议机关、管辖法院');
    await tap(page, '#letter-settings .line');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/admin/index' }));
    routeTransport({ 'organ.me': me('admin'), 'organ.settings': settings('同仁市人民政府', '同仁市人民法院') });
    const set = openPage<HomeData>(HOME);
    await flush();
    expect(set.querySelector('#letter-settings')).toBeUndefined();
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
    Object.assign(wx, {
      scanCode: (o: { success: (r: { result: string }) => void }) =>
        o.success({ result: 'https://example.org/bind?code=ABCD123456' }),
    });
    const fake = routeTransport({
      'organ.bind': () => ({ ok: true, data: { organId: 'org-1', role: 'reviewer', roleLabel: '分管领导' } }),
    });
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
      'organ.bind': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '输入有误：code：邀请码无效、已使用或已过期',
        fieldErrors: [{ path: 'code', message: 'code：邀请码无效、已使用或已过期' }],
      }),
    });
    const page = openPage<BindData>(BIND, { code: 'USED000001' });
    find(page, '#name').dispatchEvent('input', { detail: { value: '李四' } });
    await flush();
    await tapButton(page, '#bind');
    expect(textOf(page, '#error-code')).toBe('邀请码无效、已使用或已过期');
  });
});
