/**
 * 复议诉讼登记: the year's cases as table 四 counts them (尚未审结 / closed in the year with their result), the
 * table 四 cells, registering a case (open, or already closed), closing one with its result and date, a failed write
 * retried with the same idempotency key, reviewers reading only.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import { recordStore } from './records-fakes';
import type { CasesData } from '../../../miniprogram/staff/pages/cases/index';

const ROUTE = 'staff/pages/cases/index';
const pad = (n: number) => String(n).padStart(2, '0');
const now = new Date();
const year = now.getFullYear();
const today = `${year}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

const CASES = [
  {
    id: 'open',
    kind: 'review',
    filedDate: `${year}-01-01`,
    result: null,
    closedDate: null,
    caseNo: '青政复〔2026〕1号',
  },
  { id: 'done', kind: 'review', filedDate: `${year - 1}-11-01`, result: 'upheld', closedDate: `${year}-01-03` },
  { id: 'suit', kind: 'directSuit', filedDate: `${year}-01-01`, result: 'corrected', closedDate: `${year}-01-02` },
  {
    id: 'past',
    kind: 'suitAfterReview',
    filedDate: `${year - 2}-03-01`,
    result: 'other',
    closedDate: `${year - 1}-03-01`,
  },
];

async function open(): Promise<RenderedPage<CasesData>> {
  const page = openPage<CasesData>(ROUTE);
  await flush();
  return page;
}

const row = (page: RenderedPage<CasesData>, kind: string) => textOf(page, `#grid-${kind}`).replace(/\s+/g, ' ').trim();

describe('复议诉讼登记', () => {
  beforeEach(() => useMemoryStorage());

  it('lists open and closed cases of the year and shows table 四 as the report counts it', async () => {
    const fake = routeTransport({ 'organ.me': me('editor'), ...recordStore([], CASES).handlers });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(fake.payloads('cases.list')).toEqual([{ year }]);
    expect(textOf(page, '#pending')).toContain('青政复〔2026〕1号');
    expect(textOf(page, '#case-open')).toContain('尚未审结');
    expect(textOf(page, '#case-done')).toContain(`结果维持 · ${year}-01-03`);
    expect(textOf(page, '#case-suit')).toContain('结果纠正');
    // Closed in an earlier year: not this year's.
    expect(page.querySelector('#case-past')).toBeUndefined();
    expect(page.data.view.header).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(page.data.view.grid.map((g) => g.values)).toEqual([
      ['1', '0', '0', '1', '2'],
      ['0', '1', '0', '0', '1'],
      ['0', '0', '0', '0', '0'],
    ]);
    expect(row(page, 'review')).toContain('行政复议');
  });

  it('registers an open case, once, and it counts as 尚未审结', async () => {
    const store = recordStore();
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers });
    const page = await open();
    await tapButton(page, '#start-add');
    await tapButton(page, '#add');
    expect(textOf(page, '#error-kind')).toBe('请选择案件类型');
    expect(fake.actions()).not.toContain('cases.create');

    await tap(page, '#kind-directSuit');
    find(page, '#caseNo').dispatchEvent('input', { detail: { value: ' （2026）青行初12号 ' } });
    await flush();
    await tapButton(page, '#add');
    expect(fake.payloads('cases.create')).toEqual([
      { case: { kind: 'directSuit', filedDate: today, caseNo: '（2026）青行初12号', result: null, closedDate: null } },
    ]);
    expect(typeof fake.calls.find((c) => c.event.action === 'create')?.event.idempotencyKey).toBe('string');
    expect(page.data.adding).toBe(false);
    expect(textOf(page, '#notice')).toBe('已登记');
    expect(page.data.view.grid[1]?.values).toEqual(['0', '0', '0', '1', '1']);
    expect(store.cases).toHaveLength(1);
  });

  it('registers a case entered late as already closed, with its result and date', async () => {
    const fake = routeTransport({ 'organ.me': me('admin'), ...recordStore().handlers });
    const page = await open();
    await tapButton(page, '#start-add');
    await tap(page, '#kind-review');
    find(page, '#filedDate').dispatchEvent('change', { detail: { value: `${year}-01-01` } });
    find(page, '#closed-toggle').dispatchEvent('change', { detail: { value: true } });
    await flush();
    await tapButton(page, '#add');
    expect(textOf(page, '#error-result')).toBe('请选择审结结果');
    expect(textOf(page, '#error-closedDate')).toBe('请选择审结日期');
    await tap(page, '#form-result-other');
    find(page, '#form-closedDate').dispatchEvent('change', { detail: { value: `${year}-01-01` } });
    await flush();
    await tapButton(page, '#add');
    expect(fake.payloads('cases.create')).toEqual([
      { case: { kind: 'review', filedDate: `${year}-01-01`, result: 'other', closedDate: `${year}-01-01` } },
    ]);
    expect(page.data.view.grid[0]?.values).toEqual(['0', '0', '1', '0', '1']);
  });

  it('closes an open case with its result and date; a date before the filing is refused', async () => {
    const store = recordStore([], CASES);
    const fake = routeTransport({ 'organ.me': me('editor'), ...store.handlers });
    const page = await open();
    expect(page.querySelector('#start-close-done')).toBeUndefined();
    await tap(page, '#start-close-open');
    await tap(page, '#close-result-corrected');
    find(page, '#close-date').dispatchEvent('change', { detail: { value: `${year - 1}-12-31` } });
    await flush();
    await tapButton(page, '#close');
    expect(textOf(page, '#close-error-closedDate')).toBe('审结日期不能早于立案日期');
    expect(fake.actions()).not.toContain('cases.close');

    find(page, '#close-date').dispatchEvent('change', { detail: { value: today } });
    await flush();
    await tapButton(page, '#close');
    expect(fake.payloads('cases.close')).toEqual([{ id: 'open', result: 'corrected', closedDate: today }]);
    expect(textOf(page, '#closed')).toContain('青政复〔2026〕1号');
    expect(textOf(page, '#pending-empty')).toContain('没有未审结的案件');
    expect(page.data.view.grid[0]?.values).toEqual(['1', '1', '0', '0', '2']);
  });

  it('keeps the form and the idempotency key when a registration fails, so the retry makes one case', async () => {
    const store = recordStore();
    let lose = true;
    const fake = routeTransport({
      'organ.me': me('editor'),
      ...store.handlers,
      'cases.create': async (p, call) => {
        const answer = await store.handlers['cases.create']?.(p, call);
        if (lose) {
          lose = false;
          return OFFLINE;
        }
        return answer ?? OFFLINE;
      },
    });
    const page = await open();
    await tapButton(page, '#start-add');
    await tap(page, '#kind-review');
    await tapButton(page, '#add');
    expect(page.data.noticeKind).toBe('error');
    expect(page.data.adding).toBe(true);
    await tapButton(page, '#add');
    const creates = fake.calls.filter((c) => c.event.action === 'create');
    expect(creates).toHaveLength(2);
    expect(creates[1]?.event.idempotencyKey).toBe(creates[0]?.event.idempotencyKey);
    expect(store.cases).toHaveLength(1);
    expect(page.data.adding).toBe(false);
  });

  it('lets a reviewer read but not register or close; another year is read on the year picker', async () => {
    const fake = routeTransport({ 'organ.me': me('reviewer'), ...recordStore([], CASES).handlers });
    const page = await open();
    expect(page.querySelector('#start-add')).toBeUndefined();
    expect(page.querySelector('#start-close-open')).toBeUndefined();
    find(page, '#year').dispatchEvent('change', { detail: { value: 1 } });
    await flush();
    expect(fake.payloads('cases.list')).toEqual([{ year }, { year: year - 1 }]);
    // Last year: 'done' was still open on 31 Dec; 'past' closed in it.
    expect(textOf(page, '#case-done')).toContain('尚未审结');
    expect(textOf(page, '#case-past')).toContain('其他结果');
  });

  it('shows a failed load with a retry', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = await open();
    expect(page.data.state).toBe('error');
    fake.route(recordStore().handlers);
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
