/**
 * The records pages' helpers on their own (staff/records-page): opening (staff check, who writes, the read), a
 * field entered with its error cleared, one write at a time with its key kept until it goes through, and a removal
 * only after the confirm.
 */
import type { Result } from 'gongkai-core';
import { PendingWrites } from '../../../miniprogram/kit/page-state';
import {
  entered,
  openRecords,
  recordsStart,
  removeEntry,
  writeThenRefresh,
  type RecordsData,
  type RecordsHost,
} from '../../../miniprogram/staff/records-page';
import { OFFLINE, me, routeTransport } from './helpers';

type Data = RecordsData;
const OFFLINE_MESSAGE = OFFLINE.ok ? '' : OFFLINE.message;

/** A records page without a Page: its data, the setData calls it got, how often it read its records. */
function fakePage(reads: boolean[] = [true]) {
  let n = 0;
  const page = {
    data: recordsStart() as Data,
    patches: [] as Record<string, unknown>[],
    refreshes: 0,
    writes: new PendingWrites(() => `key-${++n}`),
    setData(patch: Partial<Data>) {
      page.patches.push(patch);
      page.data = { ...page.data, ...patch };
    },
    start: () => Promise.resolve(),
    refresh() {
      page.refreshes += 1;
      return Promise.resolve(reads[page.refreshes - 1] ?? true);
    },
    onRetry: () => undefined,
  };
  const host: RecordsHost = page;
  return Object.assign(page, { host });
}

/** wx.showModal answering the confirm with `confirm`, counting how often it was asked. */
function answerModal(confirm: boolean): { asked: number } {
  const modal = { asked: 0 };
  // No page harness here: the one wx call a removal makes.
  Object.assign(globalThis, {
    wx: {
      showModal: (o: { success: (r: { confirm: boolean }) => void }) => {
        modal.asked += 1;
        o.success({ confirm });
      },
    },
  });
  return modal;
}

describe('entered', () => {
  it('puts the value into the form and clears that field’s error', () => {
    expect(entered('form', 'caseNo', '青政复〔2026〕1号')).toEqual({
      'form.caseNo': '青政复〔2026〕1号',
      'errors.caseNo': '',
    });
    expect(entered('closing', 'result', 'corrected', 'closeErrors')).toEqual({
      'closing.result': 'corrected',
      'closeErrors.result': '',
    });
  });
});

describe('writeThenRefresh', () => {
  const ok: Result<null> = { ok: true, data: null };

  it('sends, reads the records again, and frees the buttons', async () => {
    const page = fakePage();
    const sent: string[] = [];
    const done = await writeThenRefresh(page.host, 'create:a', (key) => {
      sent.push(key);
      expect(page.data.busy).toBe(true);
      return Promise.resolve(ok);
    });
    expect(done).toBe(true);
    expect(sent).toEqual(['key-1']);
    expect(page.refreshes).toBe(1);
    expect(page.data).toMatchObject({ busy: false, notice: '', noticeKind: '' });
  });

  it('shows the function’s words when the write fails, reads nothing, and retries with the same key', async () => {
    const page = fakePage();
    page.setData({ notice: '已登记', noticeKind: 'saved' });
    const sent: string[] = [];
    let answer: Result<null> = OFFLINE;
    const write = (key: string) => {
      sent.push(key);
      return Promise.resolve(answer);
    };
    expect(await writeThenRefresh(page.host, 'create:a', write)).toBe(false);
    expect(page.refreshes).toBe(0);
    expect(page.data).toMatchObject({ busy: false, notice: OFFLINE_MESSAGE, noticeKind: 'error' });
    answer = ok;
    expect(await writeThenRefresh(page.host, 'create:a', write)).toBe(true);
    expect(sent).toEqual(['key-1', 'key-1']);
  });

  it('sends nothing while another write is on its way', async () => {
    const page = fakePage();
    page.setData({ busy: true });
    const write = jest.fn(() => Promise.resolve(ok));
    expect(await writeThenRefresh(page.host, 'create:a', write)).toBe(false);
    expect(write).not.toHaveBeenCalled();
    expect(page.data.busy).toBe(true);
  });
});

describe('removeEntry', () => {
  it('asks first: on 取消 nothing is sent', async () => {
    const routed = routeTransport({ 'stats.remove': () => ({ ok: true, data: null }) });
    const modal = answerModal(false);
    const page = fakePage();
    await removeEntry(page.host, 'st-1', '删除这条统计？', '行政许可 3 件');
    expect(modal.asked).toBe(1);
    expect(routed.actions()).toEqual([]);
    expect(page.refreshes).toBe(0);
  });

  it('on 删除 removes the entry, reads the records again and says so', async () => {
    const routed = routeTransport({ 'stats.remove': () => ({ ok: true, data: null }) });
    answerModal(true);
    const page = fakePage();
    await removeEntry(page.host, 'st-1', '删除这条统计？', '行政许可 3 件');
    expect(routed.payloads('stats.remove')).toEqual([{ id: 'st-1' }]);
    expect(routed.calls[0]?.event.idempotencyKey).toEqual(expect.any(String));
    expect(page.refreshes).toBe(1);
    expect(page.data).toMatchObject({ busy: false, notice: '已删除', noticeKind: 'saved' });
  });

  it('shows why a removal failed and keeps the records as they are', async () => {
    routeTransport({ 'stats.remove': () => OFFLINE });
    answerModal(true);
    const page = fakePage();
    await removeEntry(page.host, 'st-1', '删除这条统计？', '行政许可 3 件');
    expect(page.refreshes).toBe(0);
    expect(page.data).toMatchObject({ busy: false, notice: OFFLINE_MESSAGE, noticeKind: 'error' });
  });
});

describe('openRecords', () => {
  it('checks the staff member, says whether they write, reads, then shows the page', async () => {
    routeTransport({ 'organ.me': me('editor') });
    const page = fakePage();
    const organs: (string | null)[] = [];
    await openRecords(page.host, 'stats', (who) => organs.push(who.organId));
    expect(organs).toEqual(['org-1']);
    expect(page.data).toMatchObject({ canWrite: true, state: 'ready' });
    expect(page.refreshes).toBe(1);
  });

  it('lets a reviewer read only, and does not show the page when the read failed', async () => {
    routeTransport({ 'organ.me': me('reviewer') });
    const page = fakePage([false]);
    await openRecords(page.host, 'cases');
    expect(page.data.canWrite).toBe(false);
    expect(page.data.state).toBe('loading');
    expect(page.patches).not.toContainEqual({ state: 'ready' });
  });

  it('reads nothing when the staff check fails', async () => {
    routeTransport({ 'organ.me': () => OFFLINE });
    const page = fakePage();
    await openRecords(page.host, 'stats');
    expect(page.refreshes).toBe(0);
    expect(page.data).toMatchObject({ state: 'error', message: OFFLINE_MESSAGE });
  });
});
