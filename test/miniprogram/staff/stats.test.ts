/**
 * 统计填报: a month's 行政许可/处罚/强制 counts and 收费 (万元) saved as dated stat entries, this month's and the
 * year's totals per metric, removal after a confirm, a failed save kept and retried with the same idempotency key,
 * reviewers reading only.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import { answerModal, recordStore } from './records-fakes';
import type { StatsData } from '../../../miniprogram/staff/pages/stats/index';

const ROUTE = 'staff/pages/stats/index';
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const year = now.getFullYear();
const thisMonth = `${year}-${pad(now.getMonth() + 1)}`;
const today = `${thisMonth}-${pad(now.getDate())}`;
// Another month of this year (December when it is January now).
const otherMonthDay = now.getMonth() === 0 ? `${year}-12-31` : `${year}-01-31`;

function type(page: RenderedPage<StatsData>, key: string, value: string): void {
  find(page, `#input-${key}`).dispatchEvent('input', { detail: { value } });
}

async function open(): Promise<RenderedPage<StatsData>> {
  const page = openPage<StatsData>(ROUTE);
  await flush();
  return page;
}

describe('统计填报', () => {
  beforeEach(() => useMemoryStorage());
  afterEach(() => jest.restoreAllMocks());

  it('saves this month’s counts and fee dated today, and shows the month’s and the year’s totals', async () => {
    const store = recordStore([
      { id: 'old', kind: 'count', metric: 'licensing.decisions', date: otherMonthDay, count: 4 },
      { id: 'last', kind: 'count', metric: 'licensing.decisions', date: `${year - 1}-12-31`, count: 9 },
      { id: 'doc', kind: 'count', metric: 'normativeDocs.issued', date: today, count: 1 },
    ]);
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(page.data.month).toBe(thisMonth);
    expect(fake.payloads('stats.list')).toEqual([{ year }]);
    expect(textOf(page, '#entries-empty')).toContain('本月还没有填报记录');

    type(page, 'licensing', '3');
    type(page, 'punishment', '');
    type(page, 'enforcement', '0');
    type(page, 'fees', '0.35');
    await flush();
    await tapButton(page, '#save');

    expect(fake.payloads('stats.create')).toEqual([
      { entry: { kind: 'count', metric: 'licensing.decisions', date: today, count: 3 } },
      { entry: { kind: 'fee', metric: 'fees.amountWanYuan', date: today, amountWanYuan: 0.35 } },
    ]);
    expect(
      fake.calls.filter((c) => c.event.action === 'create').every((c) => typeof c.event.idempotencyKey === 'string'),
    ).toBe(true);
    expect(textOf(page, '#notice')).toContain('已保存');
    expect(page.data.form).toEqual({ licensing: '', punishment: '', enforcement: '0', fees: '' });
    // 行政许可: 3 this month; 4 + 3 this year (last year's 9 and the document entry not counted).
    expect(textOf(page, '#total-licensing')).toMatch(/行政许可（件）\s*3\s*7/);
    expect(textOf(page, '#total-fees')).toMatch(/0\.35\s*0\.35/);
    expect(textOf(page, '#total-punishment')).toMatch(/0\s*0/);
    expect(page.data.entries.map((e) => e.text)).toEqual(['行政许可 3 件', '行政事业性收费 0.35 万元']);
  });

  it('dates a past month’s entries on its last day, and reloads when the month is in another year', async () => {
    const store = recordStore([
      { id: 'p', kind: 'count', metric: 'punishment.decisions', date: `${year - 1}-02-28`, count: 2 },
    ]);
    const fake = routeTransport({ 'organ.me': me('admin'), ...store.handlers });
    const page = await open();
    find(page, '#month').dispatchEvent('change', { detail: { value: `${year - 1}-02` } });
    await flush();
    expect(fake.payloads('stats.list')).toEqual([{ year }, { year: year - 1 }]);
    expect(textOf(page, '#month-label')).toContain(`${year - 1}年2月`);
    expect(textOf(page, '#total-punishment')).toMatch(/2\s*2/);
    type(page, 'enforcement', '5');
    await flush();
    await tapButton(page, '#save');
    const lastDay = new Date(year - 1, 2, 0).getDate();
    expect(fake.payloads('stats.create')).toEqual([
      { entry: { kind: 'count', metric: 'enforcement.decisions', date: `${year - 1}-02-${lastDay}`, count: 5 } },
    ]);
  });

  it('refuses what is not a number, or nothing at all, without sending', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), ...recordStore().handlers });
    const page = await open();
    await tapButton(page, '#save');
    expect(textOf(page, '#notice')).toBe('请至少填写一项大于 0 的数');
    type(page, 'licensing', '2.5');
    type(page, 'fees', '1.23456');
    await flush();
    await tapButton(page, '#save');
    expect(textOf(page, '#error-licensing')).toBe('请填写件数（整数）');
    expect(textOf(page, '#error-fees')).toContain('最多四位小数');
    expect(fake.actions()).not.toContain('stats.create');
    type(page, 'licensing', '2');
    await flush();
    expect(page.querySelector('#error-licensing')).toBeUndefined();
  });

  it('keeps a quantity that failed to save and retries it with the same idempotency key; saved ones are not sent again', async () => {
    const store = recordStore();
    let failFee = true;
    const fake = routeTransport({
      'organ.me': me('editor'),
      ...store.handlers,
      'stats.create': (p, call) => {
        if (failFee && (p.entry as { kind: string }).kind === 'fee') {
          // The server kept it but the answer was lost.
          void store.handlers['stats.create']?.(p, call);
          return OFFLINE;
        }
        return store.handlers['stats.create']?.(p, call) ?? OFFLINE;
      },
    });
    const page = await open();
    type(page, 'licensing', '1');
    type(page, 'fees', '2');
    await flush();
    await tapButton(page, '#save');
    expect(page.data.noticeKind).toBe('error');
    expect(textOf(page, '#notice')).toContain('网络连接失败');
    expect(page.data.form).toMatchObject({ licensing: '', fees: '2' });

    failFee = false;
    await tapButton(page, '#save');
    const creates = fake.calls.filter((c) => c.event.action === 'create');
    expect(creates.map((c) => (c.event.payload as { entry: { metric: string } }).entry.metric)).toEqual([
      'licensing.decisions',
      'fees.amountWanYuan',
      'fees.amountWanYuan',
    ]);
    expect(creates[2]?.event.idempotencyKey).toBe(creates[1]?.event.idempotencyKey);
    expect(store.stats.filter((e) => e.kind === 'fee')).toHaveLength(1);
    expect(page.data.noticeKind).toBe('saved');
  });

  it('removes an entry only after the confirm', async () => {
    const store = recordStore([{ id: 'x', kind: 'count', metric: 'licensing.decisions', date: today, count: 6 }]);
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers });
    const page = await open();
    expect(textOf(page, '#entry-x')).toContain('行政许可 6 件');

    const cancel = answerModal(false);
    await tap(page, '#remove-x');
    expect(cancel).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('行政许可 6 件') as unknown }),
    );
    expect(fake.actions()).not.toContain('stats.remove');
    cancel.mockRestore();

    answerModal(true);
    await tap(page, '#remove-x');
    expect(fake.payloads('stats.remove')).toEqual([{ id: 'x' }]);
    expect(page.querySelector('#entry-x')).toBeUndefined();
    expect(textOf(page, '#total-licensing')).toMatch(/0\s*0/);
  });

  it('lets a reviewer read the totals but not enter or remove', async () => {
    routeTransport({
      'organ.me': me('reviewer'),
      ...recordStore([{ id: 'x', kind: 'count', metric: 'licensing.decisions', date: today, count: 6 }]).handlers,
    });
    const page = await open();
    expect(page.querySelector('#form')).toBeUndefined();
    expect(page.querySelector('#remove-x')).toBeUndefined();
    expect(textOf(page, '#total-licensing')).toMatch(/6\s*6/);
  });

  it('shows a failed load with a retry that works', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = await open();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route(recordStore().handlers);
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
