/**
 * The item editor: Chinese field errors from the shared schema, the draft kept on the phone (it survives a reload
 * with the network gone), sync by create then update with the version, a CONFLICT that keeps the local copy,
 * submitting for approval, and photos uploaded through the dev transport's wx.uploadFile (faked at the edge):
 * progress, a failed upload kept and retried, photos pending when the app is killed uploaded first on the next sync.
 */
import { classesOf, find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { OFFLINE, me, routeTransport, useMemoryStorage } from './helpers';
import { devTransport, setUploader } from '../../../miniprogram/api/index';
import type { EditData } from '../../../miniprogram/staff/pages/item-edit/index';

const ROUTE = 'staff/pages/item-edit/index';

function type(page: RenderedPage<EditData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

const FILE_ID = '0123456789abcdef0123456789abcdef';

interface UploadCall {
  url: string;
  filePath: string;
  name: string;
  header: Record<string, string>;
  success: (res: { statusCode: number; data: string }) => void;
  fail: (e: { errMsg: string }) => void;
}

interface SaveCall {
  tempFilePath: string;
  filePath: string;
  success: (res: { savedFilePath: string }) => void;
  fail: (e: { errMsg: string }) => void;
}

/**
 * The edge of photos: the phone's file system (saveFile out of the temp folder, unlink; `full` = no room left)
 * and wx.uploadFile held open until the test answers, fails or reports progress, behind the app's own dev upload
 * (the function calls go through the routed fake).
 */
function photoEdge({ onUpload = () => undefined, full = false }: { onUpload?: () => void; full?: boolean } = {}) {
  const uploads: UploadCall[] = [];
  const progress: ((res: { progress: number }) => void)[] = [];
  const kept: string[] = [];
  const unlinked: string[] = [];
  Object.assign(wx, {
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      saveFile: (o: SaveCall) => {
        if (full) return o.fail({ errMsg: 'saveFile:fail the maximum size of the file storage limit is exceeded' });
        kept.push(o.filePath);
        o.success({ savedFilePath: o.filePath });
      },
      unlink: (o: { filePath: string }) => void unlinked.push(o.filePath),
    }),
    uploadFile: (o: UploadCall) => {
      uploads.push(o);
      onUpload();
      return {
        onProgressUpdate: (cb: (res: { progress: number }) => void) => void (progress[uploads.length - 1] = cb),
      };
    },
  });
  setUploader(devTransport({ server: 'http://dev.test', login: () => 'tok-editor' }).upload ?? null);
  return {
    kept,
    unlinked,
    uploads,
    progress: (i: number, percent: number) => progress[i]?.({ progress: percent }),
    answer: (i: number, statusCode: number, body: unknown) =>
      uploads[i]?.success({ statusCode, data: JSON.stringify(body) }),
    fail: (i: number) => uploads[i]?.fail({ errMsg: 'uploadFile:fail timeout' }),
  };
}

async function choosePhoto(page: RenderedPage<EditData>, tempFilePath: string, size: number): Promise<void> {
  Object.assign(wx, {
    chooseMedia: (o: { success: (r: { tempFiles: { tempFilePath: string; size: number }[] }) => void }) =>
      o.success({ tempFiles: [{ tempFilePath, size }] }),
  });
  find(page, '#add-photo').dispatchEvent('tap');
  await flush();
}

async function fill(page: RenderedPage<EditData>): Promise<void> {
  type(page, 'title', '关于2026年春耕生产的通知');
  type(page, 'publisher', '扎毛乡人民政府');
  type(page, 'body', '各村：请做好春耕准备。');
  find(page, '#category').dispatchEvent('change', { detail: { value: 0 } });
  find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-03-01' } });
  await flush();
}

/** The 第二十六条 count asked on each 成文日期 (tested on its own below) is left out of the sync's call lists. */
const withoutDelay = (actions: string[]) => actions.filter((a) => a !== 'items.publicationDelay');

describe('item editor', () => {
  it('gives 名称 a growing multi-line box, so a long title can be read whole before submitting', async () => {
    useMemoryStorage();
    routeTransport({ 'organ.me': me('editor') });
    const page = openPage<EditData>(ROUTE);
    await flush();
    const title = find(page, '#title').dom as unknown as { tagName: string; outerHTML: string };
    expect(title.tagName.toLowerCase()).toBe('wx-textarea');
    type(page, 'title', '扎毛乡2026年第一批农村最低生活保障对象认定结果及资金发放情况的公示');
    await flush();
    expect(page.data.form.title).toBe('扎毛乡2026年第一批农村最低生活保障对象认定结果及资金发放情况的公示');
  });

  it('条例 第二十六条: shows the function’s count of working days from 成文日期 to today, and warns past 20', async () => {
    useMemoryStorage();
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.publicationDelay': (p) =>
        p.writtenDate === '2026-03-01'
          ? {
              ok: true,
              data: {
                workdays: 43,
                late: true,
                lastDay: '2026-03-30',
                provisional: false,
                warning: '成文日期至发布日期已 43 个工作日，超过条例 第二十六条规定的 20 个工作日',
              },
            }
          : { ok: true, data: { workdays: 3, late: false, lastDay: '2026-05-06', provisional: true, warning: null } },
    });
    const page = openPage<EditData>(ROUTE);
    await flush();
    expect(page.querySelector('#publication')).toBeUndefined();
    find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-04-07' } });
    await flush();
    expect(fake.payloads('items.publicationDelay')).toEqual([{ writtenDate: '2026-04-07' }]);
    expect(textOf(page, '#publication')).toBe(
      '今天发布为成文后第 3 个工作日；条例 第二十六条：应于 2026-05-06 前公开（按法定节假日推算）。',
    );
    expect(classesOf(find(page, '#publication'))).not.toContain('publication--late');

    find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-03-01' } });
    await flush();
    expect(textOf(page, '#publication')).toContain('已 43 个工作日，超过条例 第二十六条规定的 20 个工作日');
    expect(textOf(page, '#publication')).toContain('应于 2026-03-30 前公开');
    expect(classesOf(find(page, '#publication'))).toContain('publication--late');

    // Offline: no line rather than a guess.
    fake.route({ 'items.publicationDelay': () => OFFLINE });
    find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-04-08' } });
    await flush();
    expect(page.querySelector('#publication')).toBeUndefined();
  });

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
    expect(again.data.form).toMatchObject({
      title: '关于2026年春耕生产的通知',
      publisher: '扎毛乡人民政府',
      writtenDate: '2026-03-01',
      body: '各村：请做好春耕准备。',
    });
    expect(again.data.categoryIndex).toBe(0);
    expect(textOf(again, '#notice')).toContain('本机');
  });

  it('syncs a change made offline by itself when the network comes back', async () => {
    const storage = useMemoryStorage();
    type Listener = (res: { isConnected: boolean; networkType: string }) => void;
    const network: { listener: Listener | null } = { listener: null };
    Object.assign(wx, {
      onNetworkStatusChange: (cb: Listener) => (network.listener = cb),
      offNetworkStatusChange: () => (network.listener = null),
    });
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    expect(withoutDelay(fake.actions())).toEqual(['organ.me']);
    fake.route({ 'items.create': () => ({ ok: true, data: { id: 'it-7', version: 1, status: 'draft' } }) });
    network.listener?.({ isConnected: true, networkType: 'wifi' });
    await flush();
    expect(withoutDelay(fake.actions())).toEqual(['organ.me', 'items.create']);
    expect(storage.get('gongkai.staff.draft.it-7')).toMatchObject({ dirty: false, version: 1 });
    page.instance.onUnload?.call(page.instance);
    expect(network.listener).toBeNull();
  });

  it('syncs when online: create once (same idempotency key on retry), then update with the version', async () => {
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
    expect(creates[0]?.event.idempotencyKey).toBeDefined();
    expect(creates[1]?.event.idempotencyKey).toBe(creates[0]?.event.idempotencyKey);
    expect(creates[1]?.event.payload).toMatchObject({
      content: { title: '关于2026年春耕生产的通知', validity: null, category: page.data.form.category },
    });
    expect(textOf(page, '#notice')).toBe('已同步到服务器');
    expect([...storage.keys()]).toEqual(['gongkai.staff.draft.it-1']);

    fake.route({ 'items.update': (p) => ({ ok: true, data: { id: String(p.id), version: Number(p.version) + 1 } }) });
    type(page, 'docNo', '扎政发〔2026〕3号');
    await flush();
    await tapButton(page, '#save');
    expect(fake.payloads('items.update')).toEqual([
      expect.objectContaining({
        id: 'it-1',
        version: 1,
        content: expect.objectContaining({ docNo: '扎政发〔2026〕3号' }) as unknown,
      }),
    ]);
    expect(page.data.synced).toBe(true);
  });

  it('says clearly when the server copy changed meanwhile (CONFLICT) and keeps the local copy', async () => {
    const storage = useMemoryStorage();
    const server = {
      id: 'it-9',
      version: 3,
      status: 'draft',
      title: '旧名称',
      publisher: '扎毛乡人民政府',
      writtenDate: '2026-03-01',
      category: 'agriculture',
      validity: null,
      body: '',
      attachments: [],
      step: null,
    };
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.get': () => ({ ok: true, data: server }),
      'items.update': () => ({
        ok: false,
        code: 'CONFLICT',
        message: '该草稿已被他人修改（当前第 4 版），您的修改未保存，请刷新后重新编辑',
      }),
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
    expect(storage.get('gongkai.staff.draft.it-9')).toMatchObject({
      dirty: true,
      version: 3,
      form: { title: '我的新名称' },
    });
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
    expect(withoutDelay(fake.actions())).toEqual(['organ.me', 'items.create', 'items.submit']);
    expect(fake.calls.filter((c) => c.event.action !== 'publicationDelay')[2]?.event).toMatchObject({
      payload: { id: 'it-2' },
      idempotencyKey: expect.any(String) as unknown,
    });
    expect(page.data.state).toBe('locked');
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });

  it('uploads a chosen photo to the file server with progress, and saves it as the item’s attachment', async () => {
    const storage = useMemoryStorage();
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.create': () => ({ ok: true, data: { id: 'it-5', version: 1, status: 'draft' } }),
    });
    const edge = photoEdge();
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    await choosePhoto(page, 'wxfile://tmp/field.jpg', 52000);

    // Moved out of the temp folder and kept in the draft before the upload answers, and shown as uploading.
    const kept = edge.kept[0] ?? '';
    expect(kept).toMatch(/^wxfile:\/\/usr\/gongkai-photo-\w+\.jpg$/);
    expect(storage.get('gongkai.staff.draft.new')).toMatchObject({ photos: [{ path: kept, size: 52000 }] });
    expect(edge.uploads).toHaveLength(1);
    expect(edge.uploads[0]).toMatchObject({
      url: 'http://dev.test/files',
      filePath: kept,
      name: 'file',
      header: { 'x-gongkai-login': 'tok-editor' },
    });
    edge.progress(0, 40);
    await flush();
    expect(page.data.photos).toEqual([{ key: kept, src: kept, state: 'uploading', progress: 40 }]);
    expect(textOf(page, '#photo-0')).toContain('上传中 40%');

    edge.answer(0, 200, {
      ok: true,
      data: { fileID: `local://${FILE_ID}`, url: `http://dev.test/files/${FILE_ID}`, name: 'field.jpg', size: 51234 },
    });
    await flush();
    expect(page.data.photos).toEqual([
      { key: FILE_ID, src: `http://127.0.0.1:8787/files/${FILE_ID}`, state: 'done', progress: 100 },
    ]);
    const photo = { fileId: FILE_ID, name: '照片1.jpg', kind: 'image', size: 51234 };
    expect(storage.get('gongkai.staff.draft.new')).toMatchObject({ photos: [], form: { attachments: [photo] } });
    // Uploaded: the kept copy is deleted from the phone.
    expect(edge.unlinked).toEqual([kept]);

    await tapButton(page, '#save');
    expect(fake.payloads('items.create')).toEqual([
      { content: expect.objectContaining({ attachments: [photo] }) as unknown },
    ]);
    expect(textOf(page, '#notice')).toBe('已同步到服务器');
  });

  it('keeps a photo whose upload failed on the phone, and uploads it again when tapped', async () => {
    const storage = useMemoryStorage();
    routeTransport({ 'organ.me': me('editor') });
    // No room to move it out of the temp folder: the temp path is kept.
    const edge = photoEdge({ full: true });
    const page = openPage<EditData>(ROUTE);
    await flush();
    await choosePhoto(page, 'wxfile://tmp/a.jpg', 1200);
    edge.fail(0);
    await flush();
    expect(page.data.photos).toEqual([expect.objectContaining({ key: 'wxfile://tmp/a.jpg', state: 'failed' })]);
    expect(textOf(page, '#photo-0')).toContain('上传失败，点此重试');
    expect(textOf(page, '#notice')).toContain('照片上传失败');
    expect(textOf(page, '#notice')).toContain('1 张照片尚未上传，已保存在本机');
    expect(storage.get('gongkai.staff.draft.new')).toMatchObject({
      photos: [{ path: 'wxfile://tmp/a.jpg' }],
      form: { attachments: [] },
    });

    find(page, '#retry-photo-0').dispatchEvent('tap');
    await flush();
    expect(edge.uploads).toHaveLength(2);
    expect(edge.uploads[1]).toMatchObject({ filePath: 'wxfile://tmp/a.jpg' });
    edge.answer(1, 200, { ok: true, data: { fileID: `local://${FILE_ID}`, size: 1200 } });
    await flush();
    expect(page.data.photos).toEqual([expect.objectContaining({ key: FILE_ID, state: 'done' })]);
    expect(storage.get('gongkai.staff.draft.new')).toMatchObject({
      photos: [],
      form: { attachments: [{ fileId: FILE_ID, kind: 'image' }] },
    });
  });

  it('keeps photos not yet uploaded when the app is killed, and uploads them first when it syncs again', async () => {
    useMemoryStorage();
    const fake = routeTransport({ 'organ.me': me('editor') });
    let edge = photoEdge();
    const first = openPage<EditData>(ROUTE);
    await flush();
    await fill(first);
    await choosePhoto(first, 'wxfile://tmp/b.png', 3000);
    const kept = edge.kept[0] ?? '';
    // Killed while the upload was still on its way: it never answers.
    expect(edge.uploads).toHaveLength(1);
    first.detach();

    const order: string[] = [];
    fake.route({
      'items.create': () => {
        order.push('create');
        return { ok: true, data: { id: 'it-8', version: 1, status: 'draft' } };
      },
    });
    edge = photoEdge({ onUpload: () => order.push('upload') });
    const again = openPage<EditData>(ROUTE);
    await flush();
    expect(again.data.photos).toEqual([expect.objectContaining({ key: kept, src: kept, state: 'uploading' })]);
    expect(order).toEqual(['upload']);
    expect(edge.uploads[0]?.filePath).toBe(kept);
    edge.answer(0, 200, { ok: true, data: { fileID: `local://${FILE_ID}`, size: 2990 } });
    await flush();
    expect(order).toEqual(['upload', 'create']);
    expect(fake.payloads('items.create')[0]).toMatchObject({
      content: { attachments: [{ fileId: FILE_ID, name: '照片1.png', kind: 'image', size: 2990 }] },
    });
    expect(again.data.photos).toEqual([expect.objectContaining({ key: FILE_ID, state: 'done' })]);
  });

  it('does not submit while a photo is still on the phone', async () => {
    useMemoryStorage();
    const fake = routeTransport({
      'organ.me': me('editor'),
      'items.create': () => ({ ok: true, data: { id: 'it-3', version: 1, status: 'draft' } }),
    });
    const edge = photoEdge();
    const page = openPage<EditData>(ROUTE);
    await flush();
    await fill(page);
    await choosePhoto(page, 'wxfile://tmp/c.jpg', 900);
    edge.fail(0);
    await flush();
    find(page, `#submit >>> .t-button`).dispatchEvent('tap');
    await flush();
    // The sync tried the photo again before saving; it failed again.
    expect(edge.uploads).toHaveLength(2);
    edge.fail(1);
    await flush();
    expect(withoutDelay(fake.actions())).toEqual(['organ.me', 'items.create']);
    expect(textOf(page, '#notice')).toContain('照片全部上传后才能提交审核');
    expect(page.data.state).toBe('ready');
  });

  it('links a published item to 撤回或更正', async () => {
    useMemoryStorage();
    const navigate = jest.fn();
    Object.assign(wx, { navigateTo: navigate });
    routeTransport({
      'organ.me': me('editor'),
      'items.get': () => ({
        ok: true,
        data: { id: 'it-4', status: 'published', title: '已发布', version: 1, step: null },
      }),
    });
    const page = openPage<EditData>(ROUTE, { id: 'it-4' });
    await flush();
    expect(page.data.state).toBe('locked');
    await tapButton(page, '#manage');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/item-manage/index?id=it-4' }));
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
