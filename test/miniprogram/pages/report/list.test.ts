/** The list of published reports: loading, empty, error and ready states through a thin fake transport. */
import { classesOf, flush, openPage, tap, tapButton, textOf } from '../../harness';
import { deferred, useFakeTransport } from '../../fake-transport';
import { summaries } from '../../fixtures';
import type { ListData } from '../../../../miniprogram/pages/report/list/index';
import type { PublishedReportSummary, Result } from 'gongkai-core';

const ROUTE = 'pages/report/list/index';

describe('report list', () => {
  it('shows a loading state until the list arrives, then the reports by year, newest first', async () => {
    const pending = deferred<Result<PublishedReportSummary[]>>();
    const fake = useFakeTransport(() => pending.promise);
    const page = openPage<ListData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('loading');
    expect(textOf(page, '#loading')).toContain('正在加载年度报告');
    expect(fake.calls).toEqual([{ name: 'reports', event: { action: 'listPublished', payload: {} } }]);

    pending.resolve({ ok: true, data: summaries() });
    await flush();
    expect(page.data.state).toBe('ready');
    expect(page.data.groups.map((g) => g.heading)).toEqual(['2023 年度', '2022 年度']);
    // Only the latest version of 扎毛乡 2023; organs in order; dates in Asia/Shanghai.
    expect(page.data.groups[0]?.lines.map((l) => l.id)).toEqual(['r-gx-2023', 'r-2023']);
    expect(textOf(page, '#report-r-2023')).toContain('扎毛乡2023年政府信息公开工作年度报告');
    expect(textOf(page, '#report-r-2023')).toContain('发布于 2024年1月20日 · 已更正（第 2 版）');
    expect(textOf(page, '#report-r-gx-2023')).toContain('发布于 2024年1月26日');
  });

  it('filters by organ when there is more than one', async () => {
    useFakeTransport(() => ({ ok: true, data: summaries() }));
    const page = openPage<ListData>(ROUTE);
    await flush();
    expect(page.data.organs.map((o) => o.name)).toEqual(expect.arrayContaining(['扎毛乡', '共祥村']));
    const zhamao = page.querySelectorAll('#organs .organ').find((n) => n.dom?.textContent === '扎毛乡');
    zhamao?.dispatchEvent('tap');
    await flush();
    expect(page.data.organId).toBe('zhamao');
    expect(zhamao && classesOf(zhamao)).toContain('organ--on');
    expect(page.data.groups.flatMap((g) => g.lines.map((l) => l.id))).toEqual(['r-2023', 'r-2022']);
  });

  it('opens the reader for a tapped report', async () => {
    useFakeTransport(() => ({ ok: true, data: summaries() }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<ListData>(ROUTE);
    await flush();
    await tap(page, '#report-r-2022');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/report/reader/index?id=r-2022' }));
  });

  it('says so when nothing is published yet', async () => {
    useFakeTransport(() => ({ ok: true, data: [] }));
    const page = openPage<ListData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('empty');
    expect(textOf(page, '#empty')).toContain('暂无已发布的政府信息公开工作年度报告');
  });

  it('shows the error and loads again from the retry button', async () => {
    const fake = useFakeTransport(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    const page = openPage<ListData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败，请检查网络后重试');

    fake.answer(() => ({ ok: true, data: summaries() }));
    await tapButton(page, '#retry');
    expect(fake.calls).toHaveLength(2);
    expect(page.data.state).toBe('ready');
  });

  it('refreshes on pull-down, keeping the list when the refresh fails', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: summaries().slice(0, 1) }));
    const stop = jest.spyOn(wx, 'stopPullDownRefresh');
    const toast = jest.spyOn(wx, 'showToast');
    const page = openPage<ListData>(ROUTE);
    await flush();
    expect(page.data.groups).toHaveLength(1);

    fake.answer(() => ({ ok: true, data: summaries() }));
    await page.instance.onPullDownRefresh?.call(page.instance);
    expect(page.data.groups).toHaveLength(2);
    expect(stop).toHaveBeenCalledTimes(1);

    fake.answer(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    await page.instance.onPullDownRefresh?.call(page.instance);
    expect(page.data.state).toBe('ready');
    expect(page.data.groups).toHaveLength(2);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
    expect(stop).toHaveBeenCalledTimes(2);
  });

  it('can be shared', () => {
    useFakeTransport(() => ({ ok: true, data: [] }));
    const page = openPage<ListData>(ROUTE);
    expect(page.instance.onShareAppMessage?.call(page.instance, {})).toEqual({
      title: '政府信息公开工作年度报告',
      path: '/pages/report/list/index',
    });
    expect(page.instance.onShareTimeline?.call(page.instance)).toEqual({ title: '政府信息公开工作年度报告' });
  });
});
