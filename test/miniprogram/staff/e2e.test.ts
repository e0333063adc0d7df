/**
 * End to end through the REAL functions and local server: the backend (startBackend + seedOrgan of
 * test/backend/harness.ts) runs in a child Node process (e2e-server.cjs: the server needs Node's timers, which
 * jsdom replaces); the pages use the app's own dev transport, whose wx.request here performs a real HTTP POST to
 * `${url}/functions/<name>` with the person's development login token, and whose wx.uploadFile performs a real
 * multipart POST to `${url}/files` (Node's fetch and FormData, reading a real PNG from a temp dir). An editor
 * writes an item with a photo and submits it in the editor page, the reviewer (with the 保密审查) and the leader
 * approve it in the approval page, a citizen's items.list shows it published and its detail page the photo, whose
 * URL serves the same bytes; the reviewer cannot publish past the leader; the leader withdraws it in the manage
 * page (the editor may only correct) and citizens no longer see it.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { realRequest, startE2eServer, waitFor, type RunningE2eServer } from '../e2e-server';
import { useMemoryStorage } from './helpers';
import { call, devTransport, setTransport } from '../../../miniprogram/api/index';
import type { EditData } from '../../../miniprogram/staff/pages/item-edit/index';
import type { ApproveData } from '../../../miniprogram/staff/pages/approve/index';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';
import type { ManageData } from '../../../miniprogram/staff/pages/item-manage/index';
import type { DetailData } from '../../../miniprogram/pages/item/detail/index';

jest.setTimeout(60_000);

// Pages build file URLs from the configured dev server: here, the child server's ephemeral address.
let mockDevServer = '';
jest.mock('../../../miniprogram/config/index', () => ({
  ...jest.requireActual<Record<string, unknown>>('../../../miniprogram/config/index'),
  get DEV_SERVER() {
    return mockDevServer;
  },
}));

/** Node's own fetch, FormData and Blob (jsdom has no fetch; the test runs in its realm). */
const node = vm.runInThisContext('({ fetch, FormData, Blob })') as {
  fetch: typeof fetch;
  FormData: typeof FormData;
  Blob: typeof Blob;
};

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gongkai-photo-'));
const photoPath = path.join(tmp, 'field.png');
writeFileSync(photoPath, PNG);
/** The mini program's user folder (wx.env.USER_DATA_PATH), where the editor keeps photos until they are uploaded. */
const userData = path.join(tmp, 'usr');
mkdirSync(userData);

/** The phone's file system for kept photos: real copies and deletions in the temp dir. */
const fileSystem = {
  saveFile(o: { tempFilePath: string; filePath: string; success?: (r: { savedFilePath: string }) => void }) {
    copyFileSync(o.tempFilePath, o.filePath);
    o.success?.({ savedFilePath: o.filePath });
  },
  unlink(o: { filePath: string }) {
    unlinkSync(o.filePath);
  },
};

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  success?: (res: { statusCode: number; data: string }) => void;
  fail?: (e: { errMsg: string }) => void;
}

/** wx.uploadFile as a real multipart POST: the file read from disk, typed by its extension as WeChat does. */
function realUploadFile(o: UploadOptions): { onProgressUpdate(cb: (res: { progress: number }) => void): void } {
  const form = new node.FormData();
  const type = o.filePath.endsWith('.png') ? 'image/png' : 'image/jpeg';
  form.append(o.name, new node.Blob([readFileSync(o.filePath)], { type }), path.basename(o.filePath));
  node.fetch(o.url, { method: 'POST', headers: o.header ?? {}, body: form }).then(
    async (res) => o.success?.({ statusCode: res.status, data: await res.text() }),
    (e: unknown) => o.fail?.({ errMsg: `uploadFile:fail ${String(e)}` }),
  );
  return { onProgressUpdate: () => undefined };
}

type Person = 'editor' | 'reviewer' | 'leader' | 'citizen';

let server: RunningE2eServer<{ url: string; logins: Record<Person, string> }> | null = null;
let url = '';
let logins: Record<Person, string> = { editor: '', reviewer: '', leader: '', citizen: '' };
let token = '';

function as(person: Person): void {
  token = logins[person];
}

beforeAll(async () => {
  server = await startE2eServer<{ url: string; logins: Record<Person, string> }>(
    path.join(__dirname, 'e2e-server.cjs'),
  );
  url = server.info.url;
  mockDevServer = url;
  logins = server.info.logins;
  Object.assign(wx, {
    request: jest.fn(realRequest),
    uploadFile: jest.fn(realUploadFile),
    env: { USER_DATA_PATH: userData },
    getFileSystemManager: () => fileSystem,
  });
  setTransport(devTransport({ server: url, login: () => token }));
  useMemoryStorage();
});

afterAll(() => {
  server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

function type(page: RenderedPage<EditData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

async function openApproval(id: string): Promise<RenderedPage<ApproveData>> {
  const page = openPage<ApproveData>('staff/pages/approve/index', { id });
  await waitFor('the approval page', () => page.data.state !== 'loading');
  return page;
}

describe('staff pages end to end, real functions and server', () => {
  const title = '关于2026年春耕生产工作的通知';
  let itemId = '';

  it('an editor writes an item with a photo in the editor page and submits it', async () => {
    as('editor');
    const page = openPage<EditData>('staff/pages/item-edit/index');
    await waitFor('the editor', () => page.data.state === 'ready');
    type(page, 'title', title);
    type(page, 'publisher', '扎毛乡人民政府');
    type(page, 'body', '各村（社区）：请做好春耕备耕工作。');
    find(page, '#category').dispatchEvent('change', { detail: { value: 0 } });
    find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-03-01' } });
    Object.assign(wx, {
      chooseMedia: (o: { success: (r: { tempFiles: { tempFilePath: string; size: number }[] }) => void }) =>
        o.success({ tempFiles: [{ tempFilePath: photoPath, size: PNG.length }] }),
    });
    find(page, '#add-photo').dispatchEvent('tap');
    await waitFor('the photo upload', () => page.data.photos[0]?.state === 'done');
    expect(wx.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `${url}/files`,
        header: { 'x-gongkai-login': logins.editor },
        filePath: expect.stringContaining(userData) as unknown,
      }),
    );
    // Uploaded: the copy kept on the phone is gone.
    expect(readdirSync(userData)).toEqual([]);
    await tapButton(page, '#save');
    await waitFor('the first save', () => page.data.noticeKind !== '' && !page.data.busy);
    expect(textOf(page, '#notice')).toBe('已同步到服务器');
    await tapButton(page, '#submit');
    await waitFor('the submission', () => page.data.state === 'locked');
    expect(textOf(page, '#locked')).toContain('已提交审核');
  });

  it('the reviewer finds it waiting on the 工作台 and approves it with the 保密审查', async () => {
    as('reviewer');
    const home = openPage<HomeData>('staff/pages/home/index');
    await waitFor('the reviewer workbench', () => home.data.state === 'ready' && home.data.waitingCount > 0);
    expect(home.data.waiting.map((w) => w.title)).toEqual([title]);
    itemId = home.data.waiting[0]?.id ?? '';

    const page = await openApproval(itemId);
    expect(page.data.needChecklist).toBe(true);
    expect(find(page, '#approve').data.disabled).toBe(true);
    for (const c of page.data.checks) find(page, `#check-${c.key}`).dispatchEvent('tap');
    await flush();
    await tapButton(page, '#approve');
    await waitFor('the reviewer approval', () => page.data.state !== 'ready' || page.data.notice !== '');
    expect(textOf(page, '#done')).toContain('已审核通过，等待第一负责人审批');
  });

  it('the reviewer cannot publish past the leader: the page shows the server refusing', async () => {
    as('reviewer');
    const page = await openApproval(itemId);
    expect(page.data.needChecklist).toBe(false);
    await tapButton(page, '#approve');
    await waitFor('the refusal', () => page.data.notice !== '');
    expect(textOf(page, '#notice')).toBe('此步须由第一负责人审批，分管领导不能越级发布');
    expect(page.data.state).toBe('ready');
  });

  it('the leader approves and it is published; a citizen lists it', async () => {
    as('citizen');
    const before = await call('items.list', {});
    expect(before.ok && before.data.items.map((i) => i.title)).toEqual([]);

    as('leader');
    const page = await openApproval(itemId);
    await tapButton(page, '#approve');
    await waitFor('the leader approval', () => page.data.state !== 'ready' || page.data.notice !== '');
    expect(textOf(page, '#done')).toContain('已审批通过并发布，索引号');

    as('citizen');
    const after = await call('items.list', {});
    expect(after.ok).toBe(true);
    expect(after.ok && after.data.items).toEqual([
      expect.objectContaining({ id: itemId, title, status: 'published', indexNo: expect.any(String) as unknown }),
    ]);
  });

  it('a citizen opens the item and sees the photo, served byte for byte', async () => {
    as('citizen');
    const page = openPage<DetailData>('pages/item/detail/index', { id: itemId });
    await waitFor('the item detail', () => page.data.state !== 'loading');
    expect(textOf(page, '#attachment-0')).toContain('图片：照片1.png');
    const photo = page.data.view?.attachments[0];
    expect(photo?.url).toMatch(new RegExp(`^${url}/files/[0-9a-f]{32}$`));
    expect(find(page, '#photo-0')).toBeDefined();
    const served = await node.fetch(photo?.url ?? '');
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it('the leader withdraws it in 撤回与更正 (the editor may only correct) and citizens no longer see it', async () => {
    as('editor');
    const asEditor = openPage<ManageData>('staff/pages/item-manage/index', { id: itemId });
    await waitFor('the manage page', () => asEditor.data.state !== 'loading');
    expect(asEditor.data).toMatchObject({ state: 'ready', canWithdraw: false, canCorrect: true });
    expect(textOf(asEditor, '#version-0')).toContain('第一负责人审核通过');

    as('leader');
    const page = openPage<ManageData>('staff/pages/item-manage/index', { id: itemId });
    await waitFor('the manage page', () => page.data.state !== 'loading');
    expect(page.data.canWithdraw).toBe(true);
    Object.assign(wx, {
      showModal: (o: { success: (r: { confirm: boolean; cancel: boolean }) => void }) =>
        o.success({ confirm: true, cancel: false }),
    });
    find(page, '#reason').dispatchEvent('input', { detail: { value: '春耕工作已结束，通知不再适用' } });
    await flush();
    await tapButton(page, '#withdraw');
    await waitFor('the withdrawal', () => page.data.notice !== '' && page.data.state === 'ready');
    expect(textOf(page, '#notice')).toBe('已撤回，公众已看不到这条信息');
    expect(textOf(page, '#status')).toContain('已撤回');

    as('citizen');
    const list = await call('items.list', {});
    expect(list.ok && list.data.items.map((i) => i.id)).toEqual([]);
  });

  it('a citizen opening a staff page is sent to binding', async () => {
    as('citizen');
    const redirect = jest.spyOn(wx, 'redirectTo');
    openPage<HomeData>('staff/pages/home/index');
    await waitFor('the redirect', () => redirect.mock.calls.length > 0);
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/bind/index' }));
  });
});
