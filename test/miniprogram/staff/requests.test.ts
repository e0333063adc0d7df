/**
 * 申请办理 (the staff desk list): counts on top, rows in the function's order with masked name, status, due date
 * with days left and the 即将到期 / 已逾期 tags, a status filter that asks the function again, the next page on
 * reaching the bottom, a row opening the request, and an error with retry.
 */
import { find, flush, openPage, tapButton, textOf } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import type { RequestsData } from '../../../miniprogram/staff/pages/requests/index';

const ROUTE = 'staff/pages/requests/index';

function deadline(extra: Record<string, unknown> = {}) {
  return {
    dueDate: '2026-04-20',
    projected: false,
    daysRemaining: 12,
    daysOverdue: 0,
    atRisk: false,
    overdue: false,
    pausedBy: null,
    pauseEndsBy: null,
    provisional: false,
    prompt: null,
    ...extra,
  };
}

function row(n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `r${n}`,
    version: 1,
    applicationNo: `ZM-2026-${String(n).padStart(3, '0')}`,
    status: 'received',
    statusLabel: '办理中',
    channelLabel: '网上申请',
    applicantTypeLabel: '自然人',
    applicantName: '张*',
    submittedDate: '2026-03-20',
    receivedDate: '2026-03-20',
    deadline: deadline(),
    outcome: null,
    outcomeLabel: null,
    answeredDate: null,
    ...extra,
  };
}

const counts = { open: 3, atRisk: 1, overdue: 1 };

describe('申请办理 list', () => {
  beforeEach(() => useMemoryStorage());
  afterEach(() => jest.restoreAllMocks());

  it('shows the counts and each row with its due date, days left and tags, in the order given', async () => {
    routeTransport({
      'organ.me': me('editor'),
      'requests.list': () => ({
        ok: true,
        data: {
          list: [
            row(3, {
              status: 'submitted',
              statusLabel: '已提交，待确认收到',
              receivedDate: null,
              deadline: null,
              applicantName: '李*',
            }),
            row(1, { deadline: deadline({ dueDate: '2026-04-01', daysRemaining: 0, daysOverdue: 3, overdue: true }) }),
            row(2, { deadline: deadline({ dueDate: '2026-04-03', daysRemaining: 2, atRisk: true }) }),
          ],
          total: 3,
          page: 1,
          pageSize: 20,
          counts,
        },
      }),
    });
    const page = openPage<RequestsData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#count-open')).toBe('3');
    expect(textOf(page, '#count-risk')).toBe('1');
    expect(textOf(page, '#count-overdue')).toBe('1');
    expect(page.data.lines.map((l) => l.applicationNo)).toEqual(['ZM-2026-003', 'ZM-2026-001', 'ZM-2026-002']);
    const first = textOf(page, '#row-r3');
    expect(first).toContain('李*');
    expect(first).toContain('已提交，待确认收到');
    expect(first).toContain('待确认收到');
    const overdue = textOf(page, '#row-r1');
    expect(overdue).toContain('答复期限 2026-04-01');
    // How late, in working days (the clock's daysRemaining stops at 0).
    expect(overdue).toContain('已逾期 3 个工作日');
    const atRisk = textOf(page, '#row-r2');
    expect(atRisk).toContain('即将到期');
    expect(atRisk).toContain('剩 2 个工作日');
    expect(textOf(page, '#no-more')).toContain('共 3 件');
  });

  it('filters by status through the function, shows an empty state, and opens a row', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'requests.list': (p) => ({
        ok: true,
        data: {
          list: p.status === 'answered' ? [] : [row(1)],
          total: p.status === 'answered' ? 0 : 1,
          page: 1,
          pageSize: 20,
          counts,
        },
      }),
    });
    const page = openPage<RequestsData>(ROUTE);
    await flush();
    find(page, '#filter-answered').dispatchEvent('tap');
    await flush();
    expect(fake.payloads('requests.list').at(-1)).toEqual({ status: 'answered', page: 1, pageSize: 20 });
    expect(page.data.state).toBe('empty');
    expect(textOf(page, '#empty')).toContain('没有这一状态的申请');

    find(page, '#filter-all').dispatchEvent('tap');
    await flush();
    expect(fake.payloads('requests.list').at(-1)).toEqual({ page: 1, pageSize: 20 });
    const navigate = jest.spyOn(wx, 'navigateTo');
    find(page, '#row-r1').dispatchEvent('tap');
    await flush();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/request/index?id=r1' }));
    // A request on paper, by post, fax or in person is typed in from here.
    await tapButton(page, '#record');
    expect(navigate).toHaveBeenLastCalledWith(expect.objectContaining({ url: '/staff/pages/request-record/index' }));
  });

  it('loads the next page on reaching the bottom and stops at the total', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'requests.list': (p) => {
        const n = Number(p.page);
        const list = Array.from({ length: n === 1 ? 20 : 5 }, (_, i) => row((n - 1) * 20 + i + 1));
        return { ok: true, data: { list, total: 25, page: n, pageSize: 20, counts } };
      },
    });
    const page = openPage<RequestsData>(ROUTE);
    await flush();
    expect(page.data.lines).toHaveLength(20);
    expect(page.querySelector('#no-more')).toBeUndefined();
    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(fake.payloads('requests.list').map((p) => p.page)).toEqual([1, 2]);
    expect(page.data.lines).toHaveLength(25);
    expect(page.data.lines[24]?.id).toBe('r25');
    expect(textOf(page, '#no-more')).toContain('共 25 件');
    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(fake.payloads('requests.list')).toHaveLength(2);
  });

  it('shows a failed load with a retry', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), 'requests.list': () => OFFLINE });
    const page = openPage<RequestsData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route({
      'requests.list': () => ({ ok: true, data: { list: [row(1)], total: 1, page: 1, pageSize: 20, counts } }),
    });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
    expect(page.data.lines).toHaveLength(1);
  });
});
