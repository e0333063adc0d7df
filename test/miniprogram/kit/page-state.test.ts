/**
 * The page-state helper on its own: where a failed read shows (the page's error state before the page is shown, a
 * notice over it after), the notice after a write, the requestId kept for a write until it goes through, and the
 * pull-down spinner folded whatever the answer.
 */
import type { Result } from 'gongkai-core';
import {
  PendingWrites,
  formPageStart,
  noticeOf,
  pullToRefresh,
  readOrShow,
  refusalOf,
  type FormPageData,
} from '../../../miniprogram/kit/page-state';

const FAILED: Result<never> = { ok: false, code: 'INTERNAL', message: '网络连接失败' };

function fakePage(state: FormPageData['state']) {
  const page = {
    data: { ...formPageStart(), state } as FormPageData,
    setData(patch: Partial<FormPageData>) {
      page.data = { ...page.data, ...patch };
    },
  };
  return page;
}

describe('readOrShow', () => {
  it('gives the data of a read and changes nothing', () => {
    const page = fakePage('loading');
    expect(readOrShow(page, { ok: true, data: [1, 2] })).toEqual([1, 2]);
    expect(page.data).toEqual(formPageStart());
  });

  it('shows a failure as the error state (with its retry) while the page is not shown yet', () => {
    const page = fakePage('loading');
    expect(readOrShow(page, FAILED)).toBeNull();
    expect(page.data).toMatchObject({ state: 'error', message: '网络连接失败', notice: '' });
  });

  it('shows a failure over a page already shown as a notice, in the words given, and keeps the page', () => {
    const page = fakePage('ready');
    expect(readOrShow(page, FAILED, (m) => `${m}，请下拉或稍后重试`)).toBeNull();
    expect(page.data).toMatchObject({
      state: 'ready',
      message: '',
      notice: '网络连接失败，请下拉或稍后重试',
      noticeKind: 'error',
    });
  });
});

describe('refusalOf', () => {
  const refused = {
    message: '输入有误：退回理由请写明退回理由',
    fieldErrors: [{ path: 'comment', message: 'comment：请写明退回理由' }],
  };
  it("gives the named field's own message without its field name", () => {
    expect(refusalOf(refused, 'comment')).toBe('请写明退回理由');
  });
  it("gives the answer's message when that field is not named", () => {
    expect(refusalOf(refused, 'reason')).toBe('输入有误：退回理由请写明退回理由');
    expect(refusalOf({ message: '已被他人处理' }, 'comment')).toBe('已被他人处理');
  });
});

describe('noticeOf', () => {
  it('says what was done, or the function’s own words', () => {
    expect(noticeOf({ ok: true, data: null }, '已删除')).toEqual({ notice: '已删除', noticeKind: 'saved' });
    expect(noticeOf(FAILED, '已删除')).toEqual({ notice: '网络连接失败', noticeKind: 'error' });
  });
});

describe('PendingWrites', () => {
  it('sends a write again with the same requestId until it goes through, then a new one', async () => {
    let n = 0;
    const writes = new PendingWrites(() => `req-${++n}`);
    const sent: string[] = [];
    let online = false;
    const write = async (requestId: string): Promise<Result<string>> => {
      sent.push(requestId);
      return online ? { ok: true, data: requestId } : FAILED;
    };
    await writes.send('remove:a', write);
    online = true;
    await expect(writes.send('remove:a', write)).resolves.toEqual({ ok: true, data: 'req-1' });
    await writes.send('remove:b', write);
    await writes.send('remove:a', write);
    expect(sent).toEqual(['req-1', 'req-1', 'req-2', 'req-3']);
  });
});

describe('pullToRefresh', () => {
  it('folds the spinner after the read, whatever its answer', async () => {
    const stop = jest.fn();
    // No page harness here: the one wx call this helper makes.
    Object.assign(globalThis, { wx: { stopPullDownRefresh: stop } });
    const order: string[] = [];
    await pullToRefresh(async () => {
      order.push('read');
      expect(stop).not.toHaveBeenCalled();
      return FAILED;
    });
    expect(order).toEqual(['read']);
    expect(stop).toHaveBeenCalledTimes(1);
  });
});
