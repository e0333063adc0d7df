/** 公开目录: loading / empty / error states, category, year and keyword filters, infinite scroll, refresh, share. */
import { classesOf, find, flush, openPage, tap, tapButton, textOf } from '../../harness';
import { deferred, useFakeTransport, type Call } from '../../fake-transport';
import type { CatalogData } from '../../../../miniprogram/pages/catalog/index/index';
import { ARTICLE_20, ARTICLE_21, CATEGORIES } from '../../../../miniprogram/pages/catalog/categories';
import type { ItemPage, ItemSummary, Result } from 'gongkai-core';

const ROUTE = 'pages/catalog/index/index';

function summary(n: number, extra: Partial<ItemSummary> = {}): ItemSummary {
  return {
    id: `it-${n}`,
    title: `关于2026年第${n}批惠农补贴发放情况的公示`,
    indexNo: `11632323MB1234567X/2026-${String(n).padStart(5, '0')}`,
    docNo: n === 1 ? '扎政发〔2026〕1号' : undefined,
    publisher: '扎毛乡人民政府',
    category: 'agriculture',
    publishedDate: '2026-03-05',
    writtenDate: '2026-03-01',
    validity: null,
    status: 'published',
    ...extra,
  } as ItemSummary;
}

/** A catalogue of `total` items answered 20 a page by cursor (`after-<n>`: the page starts after item n). */
function catalogue(total: number): (call: Call) => Result<ItemPage> {
  return (call) => {
    const payload = call.event.payload as { cursor?: string; pageSize: number };
    const from = payload.cursor ? Number(payload.cursor.replace('after-', '')) : 0;
    const items = Array.from({ length: Math.max(0, Math.min(payload.pageSize, total - from)) }, (_, i) =>
      summary(from + i + 1),
    );
    const more = from + items.length < total;
    return { ok: true, data: { items, more, cursor: more ? `after-${from + items.length}` : null } };
  };
}

function payloads(calls: Call[]): Record<string, unknown>[] {
  return calls.map((c) => c.event.payload as Record<string, unknown>);
}

describe('catalogue categories', () => {
  it('has 第二十条 (一)–(十五) and the eight 第二十一条 areas, each with a unique key and a short label', () => {
    expect(ARTICLE_20).toHaveLength(15);
    expect(ARTICLE_20[0]?.article).toContain('（一）');
    expect(ARTICLE_20[14]?.article).toContain('（十五）');
    expect(ARTICLE_21.map((c) => c.label)).toEqual([
      '农业农村政策',
      '农田水利',
      '土地承包流转',
      '宅基地审核',
      '土地征收',
      '房屋征收',
      '筹资筹劳',
      '社会救助',
    ]);
    expect(new Set(CATEGORIES.map((c) => c.key)).size).toBe(CATEGORIES.length);
    for (const c of CATEGORIES) expect(c.label.length).toBeLessThanOrEqual(6);
  });
});

describe('catalogue page', () => {
  it('shows a loading state, then the first 20 items, newest first, with date, category and 文号', async () => {
    const pending = deferred<Result<ItemPage>>();
    const fake = useFakeTransport(() => pending.promise);
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('loading');
    expect(textOf(page, '#loading')).toContain('正在加载公开目录');
    expect(fake.calls).toEqual([{ name: 'items', event: { action: 'list', payload: { pageSize: 20 } } }]);

    pending.resolve(catalogue(45)(fake.calls[0] as Call));
    await flush();
    expect(page.data.state).toBe('ready');
    expect(page.data.lines).toHaveLength(20);
    // No total is counted: the count shows once the list's end is on screen.
    expect(page.querySelector('#total')).toBeUndefined();
    expect(textOf(page, '#item-it-1')).toContain('关于2026年第1批惠农补贴发放情况的公示');
    expect(textOf(page, '#item-it-1')).toContain('2026年3月5日 · 农业农村政策 · 扎政发〔2026〕1号');
    expect(textOf(page, '#footer')).toContain('上拉加载更多');
  });

  it('loads the next 20 on reaching the bottom, once at a time, until all are shown', async () => {
    const fake = useFakeTransport(catalogue(45));
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    // Two reach-bottom events before the answer: one call.
    page.instance.onReachBottom?.call(page.instance);
    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(payloads(fake.calls).map((p) => p.cursor)).toEqual([undefined, 'after-20']);
    expect(page.data.lines).toHaveLength(40);
    expect(page.querySelector('#item-it-40')).toBeDefined();

    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(page.data.lines).toHaveLength(45);
    expect(page.data.noMore).toBe(true);
    expect(textOf(page, '#no-more')).toContain('已显示全部 45 条');
    expect(textOf(page, '#total')).toContain('共 45 条');
    expect(payloads(fake.calls).map((p) => p.cursor)).toEqual([undefined, 'after-20', 'after-40']);

    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(fake.calls).toHaveLength(3);
  });

  it('keeps the list when the next page fails, and retries from the footer', async () => {
    const fake = useFakeTransport(catalogue(30));
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    fake.answer(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    page.instance.onReachBottom?.call(page.instance);
    await flush();
    expect(page.data.lines).toHaveLength(20);
    expect(textOf(page, '#more-error')).toContain('网络连接失败，请检查网络后重试，点此重试');

    fake.answer(catalogue(30));
    await tap(page, '#more-error');
    expect(page.data.lines).toHaveLength(30);
    expect(page.data.noMore).toBe(true);
  });

  it('searches by keyword from the search box and says so when nothing matches', async () => {
    const fake = useFakeTransport(catalogue(3));
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    fake.answer(() => ({ ok: true, data: { items: [], more: false, cursor: null } }));
    find(page, '#search >>> .t-input__keyword').dispatchEvent('input', { detail: { value: ' 低保 ' } });
    await flush();
    expect(page.data.keyword).toBe(' 低保 ');
    find(page, '#search >>> .t-input__keyword').dispatchEvent('confirm', { detail: { value: ' 低保 ' } });
    await flush();
    expect(payloads(fake.calls)[1]).toEqual({ keyword: '低保', pageSize: 20 });
    expect(page.data.state).toBe('empty');
    expect(textOf(page, '#empty')).toContain('没有找到与“低保”有关的信息');

    fake.answer(catalogue(3));
    page.instance.onClear?.call(page.instance);
    await flush();
    expect(payloads(fake.calls)[2]).toEqual({ pageSize: 20 });
    expect(page.data.state).toBe('ready');
  });

  it('filters by category chip and by year', async () => {
    const fake = useFakeTransport(catalogue(3));
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    expect(classesOf(find(page, '#cat-all'))).toContain('chip--on');
    expect(textOf(page, '#categories')).toContain('规范性文件');
    expect(textOf(page, '#categories')).toContain('宅基地审核');
    await tap(page, '#cat-finance');
    expect(payloads(fake.calls)[1]).toEqual({ category: 'finance', pageSize: 20 });
    expect(classesOf(find(page, '#cat-finance'))).toContain('chip--on');

    const index = page.data.years.indexOf('2025年');
    find(page, '#year').dispatchEvent('change', { detail: { value: String(index) } });
    await flush();
    expect(payloads(fake.calls)[2]).toEqual({ category: 'finance', year: 2025, pageSize: 20 });
    expect(textOf(page, '#year')).toContain('2025年');
  });

  it('drops an older answer when the filter changed meanwhile', async () => {
    const slow = deferred<Result<ItemPage>>();
    const fake = useFakeTransport(() => slow.promise);
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    fake.answer(() => ({
      ok: true,
      data: { items: [summary(9, { category: 'finance' })], more: false, cursor: null },
    }));
    await tap(page, '#cat-finance');
    slow.resolve(catalogue(45)(fake.calls[0] as Call));
    await flush();
    expect(page.data.lines.map((l) => l.id)).toEqual(['it-9']);
  });

  it('shows the error with a retry, refreshes on pull-down, and opens an item', async () => {
    const fake = useFakeTransport(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const page = openPage<CatalogData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败，请检查网络后重试');
    fake.answer(catalogue(2));
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');

    fake.answer(catalogue(5));
    await page.instance.onPullDownRefresh?.call(page.instance);
    expect(page.data.lines).toHaveLength(5);
    expect(stop).toHaveBeenCalled();

    await tap(page, '#item-it-2');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/item/detail/index?id=it-2' }));
  });

  it('can be shared', () => {
    useFakeTransport(catalogue(0));
    const page = openPage<CatalogData>(ROUTE);
    expect(page.instance.onShareAppMessage?.call(page.instance, {})).toEqual({
      title: '政府信息公开目录',
      path: '/pages/catalog/index/index',
    });
    expect(page.instance.onShareTimeline?.call(page.instance)).toEqual({ title: '政府信息公开目录' });
  });
});
