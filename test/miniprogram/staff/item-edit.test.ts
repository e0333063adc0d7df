/**
 * The item editor: Chinese field errors from the shared schema, the draft kept on the phone (it survives a reload
 * with the network gone), sync by create then update with the version, a CONFLICT that keeps the local copy, and
 * submitting for approval.
 */
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import type { EditData } from '../../../miniprogram/staff/pages/item-edit/index';

const ROUTE = 'staff/pages/item-edit/index';

function type(page: RenderedPage<EditData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

async function fill(page: RenderedPage<EditData>): Promise<void> {
  type(page, 'title', '关于2026年春耕生产的通知');
  type(page, 'publisher', '扎毛乡人民政府');
  type(page, 'body', '各村：请做好春耕准备。');
  find(page, '#category').dispatchEvent('change', { detail: { value: 0 } });
  find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-03-01' } });
  await flush();
}

describe('item editor', () => {
  it('shows Chinese field errors from the shared schema and sends nothing', async () => {
    useMemoryStorage();
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = openPage<EditData>(ROUTE);
    await flush();
    expect(page.data.state).toBe('ready');
    await tapButton(page, '#save');
    expect(textOf(page, '#error-title')).toBe('请填写名称');
    expect(textOf(page, '#error-publisher')).toBe('请填写发布机构');
    expect(textOf(page, '#error-category')).toBe('请选择分类');
    expect(textOf(page, '#error-writtenDate')).toBe('请选择成文日期');
    expect(textOf(page, '#notice')).toContain('请检查：名称、发布机构');
    expect(fake.actions()).toEqual(['organ.me']);

    // Typing into a field clears its error.
    type(page, 'title', '通知');
    await flush();
    expect(page.querySelector('#error-title')).toBeUndefined();
  });

  it('keeps the draft on the phone: offline, killed and reopened, nothing is lost', async () => {
    const storage = useMemoryStorage();
    const fake = routeTransport({ 'organ.me': me('editor') });
    const first = openPage<EditData>(ROUTE);
    await flush();
    fake.route({ 'organ.me': () => OFFLINE });
    await fill(first);
    await tapButton(first, '#save');
    expect(textOf(first, '#notice')).toContain('草稿已保存在本机');
    expect(fake.actions()).toContain('items.create');
    expect([...storage.keys()]).toEqual(['gongkai.staff.draft.new']);
    first.detach();

    // The app is killed and opened again, still offline: the form comes back from storage.
    const again = openPage<EditData>(ROUTE);
    await flush();
    expect(again.data.state).toBe('ready');
    expect(again.data.form).toMatchObject({ title: '关于2026年春耕生产的通知', publisher: '扎毛乡人民政府', writtenDate: '2026-03-01', body: '各村：请做好春耕准备。' });
    expect(again.data.categoryIndex).toBe(0);
    expect(textOf(again, '#notice')).toContain('本机');
  });

  it('syncs a change made offline by itself when the network comes back', async () => {
    const storage = useMemoryStorage();
    type Listener = (res: { isConnected: boolean; networkType: string }) => void;
    const network: { listener: Listener | null } = { listener: null };
    Object.assign(wx, { onNetworkStatusChange: (cb: Listener) => (network.listener = cb), offNetworkStatusChange: () => (network.listener = null) });
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    expect(fake.actions()).toEqual(['organ.me']);
    fake.route({ 'items.create': () => ({ ok: true, data: { id: 'it-7', version: 1, status: 'draft' } }) });
    network.listener?.({ isConnected: true, networkType: 'wifi' });
    await flush();
    expect(fake.actions()).toEqual(['organ.me', 'items.create']);
    expect(storage.get('gongkai.staff.draft.it-7')).toMatchObject({ dirty: false, version: 1 });
    page.instance.onUnload?.call(page.instance);
    expect(network.listener).toBeNull();
  });

  it('syncs when online: create once (same requestId on retry), then update with the version', async () => {
    const storage = useMemoryStorage();
    const fake = routeTransport({ 'organ.me': me('editor'), 'items.create': () => OFFLINE });
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    await tapButton(page, '#save');
    fake.route({ 'items.create': () => ({ ok: true, data: { id: 'it-1', version: 1, status: 'draft' } }) });
    await tapButton(page, '#save');
    const creates = fake.calls.filter((c) => c.event.action === 'create');
    expect(creates).toHaveLength(2);
    expect(creates[0]?.event.requestId).toBeDefined();
    expect(creates[1]?.event.requestId).toBe(creates[0]?.event.requestId);
    expect(creates[1]?.event.payload).toMatchObject({ content: { title: '关于2026年春耕生产的通知', validity: null, category: page.data.form.category } });
    expect(textOf(page, '#notice')).toBe('已同步到服务器');
    expect([...storage.keys()]).toEqual(['gongkai.staff.draft.it-1']);

    fake.route({ 'items.update': (p) => ({ ok: true, data: { id: String(p.id), version: Number(p.version) + 1 } }) });
    type(page, 'docNo', '扎政发〔2026〕3号');
    await flush();
    await tapButton(page, '#save');
    expect(fake.payloads('items.update')).toEqual([expect.objectContaining({ id: 'it-1', version: 1, content: expect.objectContaining({ docNo: '扎政发〔2026〕3号' }) as unknown })]);
    expect(page.data.synced).toBe(true);
  });

  it('says clearly when the server copy changed meanwhile (CONFLICT) and keeps the local copy', async () => {
    const storage = useMemoryStorage();
    const server = { id: 'it-9', version: 3, status: 'draft', title: '旧名称', publisher: '扎毛乡人民政府', writtenDate: '2026-03-01', category: 'agriculture', validity: null, body: '', attachments: [], step: null };
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.get': () => ({ ok: true, data: server }),
      'items.update': () => ({ ok: false, code: 'CONFLICT', message: '该草稿已被他人修改（当前第 4 版），您的修改未保存，请刷新后重新编辑' }),
    });
    const page = openPage<EditData>(ROUTE, { id: 'it-9' });
    await flush();
    expect(page.data.form.title).toBe('旧名称');
    type(page, 'title', '我的新名称');
    await flush();
    await tapButton(page, '#save');
    expect(fake.payloads('items.update')[0]).toMatchObject({ id: 'it-9', version: 3 });
    expect(textOf(page, '#notice')).toContain('该草稿已被他人修改（当前第 4 版）');
    expect(textOf(page, '#notice')).toContain('您的修改仍保存在本机，未丢失');
    expect(storage.get('gongkai.staff.draft.it-9')).toMatchObject({ dirty: true, version: 3, form: { title: '我的新名称' } });
  });

  it('submits for approval after saving, then goes back to the workbench', async () => {
    useMemoryStorage();
    const redirect = jest.spyOn(wx, 'redirectTo');
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.create': () => ({ ok: true, data: { id: 'it-2', version: 1, status: 'draft' } }),
      'items.submit': () => ({ ok: true, data: { id: 'it-2', status: 'inReview', step: 0, waitingFor: 'reviewer' } }),
    });
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    await tapButton(page, '#submit');
    expect(fake.actions()).toEqual(['organ.me', 'items.create', 'items.submit']);
    expect(fake.calls[2]?.event).toMatchObject({ payload: { id: 'it-2' }, requestId: expect.any(String) as unknown });
    expect(page.data.state).toBe('locked');
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });

  it('keeps local photos beside the draft while the local server has no upload route', async () => {
    const storage = useMemoryStorage();
    routeTransport({ 'organ.me': me('editor') });
    Object.assign(wx, {
      chooseMedia: (o: { success: (r: { tempFiles: { tempFilePath: string; size: number }[] }) => void }) => o.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/a.jpg', size: 1200 }] }),
    });
    const page = openPage<EditData>(ROUTE);
    await flush();
    find(page, '#add-photo').dispatchEvent('tap');
    await flush();
    expect(page.data.photos).toEqual([{ path: 'wxfile://tmp/a.jpg', size: 1200 }]);
    expect(textOf(page, '#notice')).toContain('照片仅保存在本机');
    expect(storage.get('gongkai.staff.draft.new')).toMatchObject({ photos: [{ path: 'wxfile://tmp/a.jpg' }] });
  });

  it('sends a citizen to binding', async () => {
    useMemoryStorage();
    const redirect = jest.spyOn(wx, 'redirectTo');
    routeTransport({ 'organ.me': me('citizen') });
    openPage<EditData>(ROUTE);
    await flush();
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/bind/index' }));
  });
});
