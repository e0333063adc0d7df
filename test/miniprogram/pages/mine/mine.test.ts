/**
 * 我的: own requests (states), the 长辈模式 switch (stored; the class on this and the other pages; the .gk-elder
 * rules make body text ≥ 40rpx and override TDesign's sizes), and 关于 with the organ's contact.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT, classesOf, find, flush, openPage, tap, textOf } from '../../harness';
import { useFakeTransport } from '../../fake-transport';
import type { MineData } from '../../../../miniprogram/pages/mine/index/index';
import type { AboutData } from '../../../../miniprogram/pages/about/index/index';
import type { OwnRequestPage } from 'gongkai-core';

const MINE = 'pages/mine/index/index';

let storage: Map<string, unknown>;
beforeEach(() => {
  storage = new Map();
  Object.assign(wx, {
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  });
});

const OWN: OwnRequestPage = {
  list: [
    {
      id: 'rq-1',
      applicationNo: 'YSQ-2026-0001',
      status: 'received',
      statusLabel: '办理中',
      submittedDate: '2026-03-01',
      answeredDate: null,
      content: { description: '2025年扎毛村低保评议的名单和会议记录' },
      deadline: {
        dueDate: '2026-03-30',
        projected: false,
        daysRemaining: 9,
        daysOverdue: 0,
        atRisk: false,
        overdue: false,
        pausedBy: null,
        pauseEndsBy: null,
        provisional: false,
        prompt: null,
      },
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
} as unknown as OwnRequestPage;

/** The declarations inside the first rule whose selector list is exactly `selector`. */
function rule(css: string, selector: string): Record<string, string> {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const found = [...clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)].find((m) => (m[1] ?? '').trim() === selector);
  if (!found) throw new Error(`no rule ${selector}`);
  return Object.fromEntries(
    (found[2] ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => [d.slice(0, d.indexOf(':')).trim(), d.slice(d.indexOf(':') + 1).trim()]),
  );
}

function rpx(value: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?)rpx$/.exec(value ?? '');
  if (!match) throw new Error(`not an rpx size: ${value}`);
  return Number(match[1]);
}

describe('我的', () => {
  it('lists the user’s own requests with status and due date', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: OWN }));
    const page = openPage<MineData>(MINE);
    await flush();
    expect(fake.calls).toEqual([{ name: 'requests', event: { action: 'mine', payload: { page: 1, pageSize: 20 } } }]);
    expect(textOf(page, '#request-rq-1')).toContain('YSQ-2026-0001');
    expect(textOf(page, '#request-rq-1')).toContain('办理中');
    expect(textOf(page, '#request-rq-1')).toContain('2026年3月1日提交 · 应于 2026年3月30日 前答复（还有 9 个工作日）');
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#request-rq-1');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/request/track/index?id=rq-1' }));
    navigate.mockRestore();
  });

  it('shows empty and error states', async () => {
    const fake = useFakeTransport(() => ({ ok: true, data: { list: [], total: 0, page: 1, pageSize: 20 } }));
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = openPage<MineData>(MINE);
    await flush();
    expect(textOf(page, '#empty')).toContain('您还没有提交过政府信息公开申请');
    await tap(page, '#new-request');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/request/index/index' }));

    fake.answer(() => ({ ok: false, code: 'UNAUTHENTICATED', message: '请先登录' }));
    page.instance.onShow?.call(page.instance);
    await flush();
    expect(textOf(page, '#error')).toContain('请先登录');
  });

  it('leads to 关于, tracking and the staff workbench', async () => {
    useFakeTransport(() => ({ ok: true, data: OWN }));
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = openPage<MineData>(MINE);
    await flush();
    await tap(page, '#about');
    await tap(page, '#track');
    await tap(page, '#staff');
    expect(navigate.mock.calls.map((c) => (c[0] as { url: string }).url)).toEqual([
      '/pages/about/index/index',
      '/pages/request/track/index',
      '/staff/pages/home/index',
    ]);
  });
});

describe('长辈模式', () => {
  it('is switched on 我的, remembered in storage, and puts gk-elder on the root of every page', async () => {
    useFakeTransport((call) =>
      call.name === 'requests' && call.event.action === 'mine'
        ? { ok: true, data: OWN }
        : { ok: false, code: 'NOT_FOUND', message: '不存在' },
    );
    const page = openPage<MineData>(MINE);
    await flush();
    expect(classesOf(find(page, '.gk-root'))).not.toContain('gk-elder');
    find(page, '#elder-switch').dispatchEvent('change', { detail: { value: true } });
    await flush();
    expect(storage.get('gongkai.elder')).toBe(true);
    expect(classesOf(find(page, '.gk-root'))).toContain('gk-elder');

    for (const route of [
      'pages/catalog/index/index',
      'pages/item/detail/index',
      'pages/request/index/index',
      'pages/request/track/index',
      'pages/about/index/index',
      'pages/guide/index/index',
    ]) {
      const other = openPage(route, { id: 'it-1' });
      await flush();
      expect([route, classesOf(find(other, '.gk-root'))]).toEqual([
        route,
        expect.arrayContaining(['gk-root', 'gk-elder']),
      ]);
    }

    find(page, '#elder-switch').dispatchEvent('change', { detail: { value: false } });
    await flush();
    expect(storage.get('gongkai.elder')).toBe(false);
    expect(classesOf(find(page, '.gk-root'))).not.toContain('gk-elder');
  });

  it('sets body text ≥ 40rpx, larger touch targets, higher contrast and TDesign’s sizes in .gk-elder', () => {
    const theme = readFileSync(path.join(MINIPROGRAM_ROOT, 'styles', 'theme.wxss'), 'utf8');
    const app = readFileSync(path.join(MINIPROGRAM_ROOT, 'app.wxss'), 'utf8');
    expect(app).toContain("@import './styles/theme.wxss'");
    const elder = rule(theme, '.gk-elder');
    const base = rule(theme, 'page');
    // Body text: the root's font-size is the variable, and gk-elder sets it to ≥ 40rpx.
    expect(rule(theme, 'page,\n.gk-root')['font-size']).toBe('var(--gk-font-body)');
    expect(rpx(elder['--gk-font-body'])).toBeGreaterThanOrEqual(40);
    expect(
      rpx(elder['font-size']?.startsWith('var(') ? elder['--gk-font-body'] : elder['font-size']),
    ).toBeGreaterThanOrEqual(40);
    for (const v of ['--gk-font-small', '--gk-font-heading', '--gk-font-title'])
      expect(rpx(elder[v])).toBeGreaterThan(rpx(base[v]));
    expect(rpx(elder['--gk-touch'])).toBeGreaterThan(rpx(base['--gk-touch']));
    // TDesign's variables: its text follows our scale (so gk-elder grows it), and every one set is read by a
    // component we use (TDesign 1.16's .wxss), none invented.
    const root = rule(theme, 'page,\n.gk-root');
    expect(root['--td-search-font']).toContain('var(--gk-font-body)');
    expect(root['--td-button-large-font']).toContain('var(--gk-font-body)');
    expect(root['--td-empty-description-font']).toContain('var(--gk-font-body)');
    expect(root['--td-loading-text-font']).toContain('var(--gk-font-body)');
    expect(rpx(elder['--td-search-height'])).toBeGreaterThan(80);
    const tdesign = path.join(MINIPROGRAM_ROOT, 'miniprogram_npm', 'tdesign-miniprogram');
    const read = ['button', 'empty', 'loading', 'search']
      .map((c) => readFileSync(path.join(tdesign, c, `${c}.wxss`), 'utf8'))
      .join('\n');
    const set = [...theme.matchAll(/(--td-[\w-]+)\s*:/g)].map((m) => m[1] ?? '');
    expect(set.length).toBeGreaterThan(10);
    expect(set.filter((v) => !read.includes(`var(${v},`) && !read.includes(`var(${v})`))).toEqual([]);
    // Higher contrast: darker text and secondary text.
    expect(elder['--gk-color-text']).toBe('#000000');
    expect(parseInt((elder['--gk-color-muted'] ?? '').slice(1, 3), 16)).toBeLessThan(
      parseInt((base['--gk-color-muted'] ?? '').slice(1, 3), 16),
    );
  });
});

describe('关于', () => {
  it('shows the organ’s contact and the 条例 basics in plain words', async () => {
    const fake = useFakeTransport(() => ({
      ok: true,
      data: { id: 'organ-1', name: '扎毛乡人民政府', contactPhone: '0973-0000000', address: '扎毛乡政府大院' },
    }));
    const call = jest.fn();
    Object.assign(wx, { makePhoneCall: call });
    const page = openPage<AboutData>('pages/about/index/index');
    await flush();
    expect(fake.calls).toEqual([{ name: 'organ', event: { action: 'getProfile', payload: {} } }]);
    expect(textOf(page, '#contact')).toContain('扎毛乡人民政府');
    expect(textOf(page, '#contact')).toContain('扎毛乡政府大院');
    await tap(page, '#phone');
    expect(call).toHaveBeenCalledWith({ phoneNumber: '0973-0000000' });
    expect(textOf(page, '#basic-time')).toContain('20 个工作日');
    expect(textOf(page, '#basic-request')).toContain('依申请');
  });

  it('shows an error with a retry when the contact cannot be loaded', async () => {
    const fake = useFakeTransport(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' }));
    const page = openPage<AboutData>('pages/about/index/index');
    await flush();
    expect(textOf(page, '#error')).toContain('网络连接失败');
    expect(textOf(page, '#basics')).toContain('依申请公开');
    fake.answer(() => ({ ok: true, data: { id: 'o', name: '扎毛乡人民政府' } }));
    await tap(page, '#retry');
    expect(textOf(page, '#organ-name')).toBe('扎毛乡人民政府');
  });
});
