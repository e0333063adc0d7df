/**
 * Managing a published item: its versions (the correction chain with each trail), 撤回 with a reason behind a
 * confirm dialog (第一负责人), 更正 with a reason opening the editor on the correction draft (发起人), errors with
 * retry.
 */
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { OFFLINE, me, routeTransport, type Handler } from './helpers';
import type { ManageData } from '../../../miniprogram/staff/pages/item-manage/index';

const ROUTE = 'staff/pages/item-manage/index';

const CONTENT = {
  title: '扎毛乡2026年春耕补贴发放名单',
  publisher: '扎毛乡人民政府',
  writtenDate: '2026-03-01',
  category: 'agriculture',
  validity: null,
  body: '名单如下。',
  attachments: [{ fileId: 'f1', name: '照片1.jpg', kind: 'image' }],
};

function itemIn(status: 'published' | 'withdrawn'): Handler {
  return () => ({
    ok: true,
    data: {
      id: 'it-2',
      status,
      indexNo: '11632323MB1234567X/2026-00004',
      version: 1,
      step: null,
      correctionOf: 'it-1',
      ...CONTENT,
    },
  });
}
const published = itemIn('published');

const at = (hour: number) => `2026-03-05T0${hour}:00:00.000Z`;

const history: Handler = (p) =>
  p.id === 'it-2'
    ? {
        ok: true,
        data: {
          id: 'it-2',
          status: 'published',
          version: 1,
          correctionOf: 'it-1',
          supersededBy: null,
          trail: [
            { step: -1, decision: 'correct', staffId: 's-1', role: 'editor', comment: '名单漏了一户', at: at(1) },
            { step: 1, decision: 'approve', staffId: 's-3', role: 'leader', at: at(2) },
          ],
        },
      }
    : {
        ok: true,
        data: {
          id: 'it-1',
          status: 'withdrawn',
          version: 1,
          correctionOf: null,
          supersededBy: 'it-2',
          trail: [{ step: 0, decision: 'submit', staffId: 's-1', role: 'editor', at: at(0) }],
        },
      };

async function open(): Promise<RenderedPage<ManageData>> {
  const page = openPage<ManageData>(ROUTE, { id: 'it-2' });
  await flush();
  return page;
}

function typeReason(page: RenderedPage<ManageData>, value: string): void {
  find(page, '#reason').dispatchEvent('input', { detail: { value } });
}

function confirmWith(confirm: boolean): jest.Mock {
  const modal = jest.fn((o: { success: (r: { confirm: boolean; cancel: boolean }) => void }) =>
    o.success({ confirm, cancel: !confirm }),
  );
  Object.assign(wx, { showModal: modal });
  return modal;
}

describe('item manage', () => {
  it('shows the versions, newest first, with each approval trail', async () => {
    const fake = routeTransport({ 'organ.me': me('leader'), 'items.get': published, 'items.history': history });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#title')).toBe('扎毛乡2026年春耕补贴发放名单');
    expect(textOf(page, '#status')).toBe('已发布 · 索引号 11632323MB1234567X/2026-00004');
    expect(fake.payloads('items.history')).toEqual([{ id: 'it-2' }, { id: 'it-1' }]);
    const current = textOf(page, '#version-0');
    expect(current).toContain('第 2 版（当前）');
    expect(current).toContain('2026-03-05 09:00 发起人发起更正');
    expect(current).toContain('名单漏了一户');
    expect(current).toContain('2026-03-05 10:00 第一负责人审核通过');
    expect(textOf(page, '#version-1')).toContain('第 1 版已被更正版本取代');
    expect(textOf(page, '#version-1')).toContain('2026-03-05 08:00 发起人提交审核');
    // 第一负责人 withdraws; correcting is the 发起人's.
    expect(page.querySelector('#withdraw')).toBeDefined();
    expect(page.querySelector('#correct')).toBeUndefined();
  });

  it('withdraws only with a reason and after the confirm dialog, then shows it withdrawn', async () => {
    const fake = routeTransport({ 'organ.me': me('leader'), 'items.get': published, 'items.history': history });
    const page = await open();
    const cancel = confirmWith(false);
    await tapButton(page, '#withdraw');
    expect(textOf(page, '#notice')).toBe('请写明撤回理由');
    expect(cancel).not.toHaveBeenCalled();

    typeReason(page, '政策已调整，不再公开');
    await flush();
    expect(page.querySelector('#notice')).toBeUndefined();
    await tapButton(page, '#withdraw');
    expect(cancel).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '确认撤回',
        content: expect.stringContaining('政策已调整，不再公开') as unknown,
      }),
    );
    expect(fake.actions()).not.toContain('items.withdraw');

    const confirm = confirmWith(true);
    fake.route({
      'items.withdraw': () => ({ ok: true, data: { id: 'it-2', status: 'withdrawn' } }),
      'items.get': itemIn('withdrawn'),
    });
    await tapButton(page, '#withdraw');
    await flush();
    expect(confirm).toHaveBeenCalled();
    const withdraw = fake.calls.find((c) => c.event.action === 'withdraw');
    expect(withdraw?.event).toMatchObject({
      payload: { id: 'it-2', reason: '政策已调整，不再公开' },
      idempotencyKey: expect.any(String) as unknown,
    });
    expect(textOf(page, '#notice')).toBe('已撤回，公众已看不到这条信息');
    expect(textOf(page, '#status')).toContain('已撤回');
    expect(page.querySelector('#withdraw')).toBeUndefined();
  });

  it('shows the server refusing a withdrawal and tries again as a new request', async () => {
    const fake = routeTransport({
      'organ.me': me('leader'),
      'items.get': published,
      'items.history': history,
      'items.withdraw': () => OFFLINE,
    });
    const page = await open();
    confirmWith(true);
    typeReason(page, '内容有误');
    await tapButton(page, '#withdraw');
    expect(textOf(page, '#notice')).toBe('网络连接失败，请检查网络后重试');
    expect(page.data.published).toBe(true);
    await tapButton(page, '#withdraw');
    const ids = fake.calls.filter((c) => c.event.action === 'withdraw').map((c) => c.event.idempotencyKey);
    expect(ids).toHaveLength(2);
    expect(ids[1]).not.toBe(ids[0]);
  });

  it('corrects with a reason: the published content becomes a draft opened in the editor', async () => {
    const navigate = jest.fn();
    Object.assign(wx, { navigateTo: navigate });
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.get': published,
      'items.history': history,
      'items.correct': () => ({ ok: true, data: { id: 'it-3', correctionOf: 'it-2', status: 'draft' } }),
    });
    const page = await open();
    expect(page.querySelector('#withdraw')).toBeUndefined();
    await tapButton(page, '#correct');
    expect(textOf(page, '#notice')).toBe('请写明更正理由');
    expect(fake.actions()).not.toContain('items.correct');

    typeReason(page, '名单漏了一户');
    await tapButton(page, '#correct');
    expect(fake.payloads('items.correct')).toEqual([
      {
        id: 'it-2',
        reason: '名单漏了一户',
        content: expect.objectContaining({
          title: CONTENT.title,
          body: '名单如下。',
          attachments: CONTENT.attachments,
        }) as unknown,
      },
    ]);
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/item-edit/index?id=it-3' }));
  });

  it('tells a reviewer who does what, with no buttons', async () => {
    routeTransport({ 'organ.me': me('reviewer'), 'items.get': published, 'items.history': history });
    const page = await open();
    expect(page.querySelector('#actions')).toBeUndefined();
    expect(textOf(page, '#no-action')).toContain('撤回由第一负责人或管理员办理');
  });

  it('shows a load failure with retry', async () => {
    const fake = routeTransport({ 'organ.me': me('leader'), 'items.get': () => OFFLINE, 'items.history': history });
    const page = await open();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route({ 'items.get': published });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
