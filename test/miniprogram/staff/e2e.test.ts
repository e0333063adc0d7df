/**
 * End to end through the REAL functions and local server: the backend (startBackend + seedOrgan of
 * test/backend/harness.ts) runs in a child Node process (e2e-server.cjs: the server needs Node's timers, which
 * jsdom replaces); the pages use the app's own dev transport, whose wx.request here performs a real HTTP POST to
 * `${url}/functions/<name>` with the person's development login token. An editor writes and submits an item in
 * the editor page, the reviewer (with the 保密审查) and the leader approve it in the approval page, a citizen's
 * items.list shows it published, and the reviewer cannot publish past the leader.
 */
import path from 'node:path';
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { realRequest, startE2eServer, waitFor, type RunningE2eServer } from '../e2e-server';
import { useMemoryStorage } from './helpers';
import { call, devTransport, setTransport } from '../../../miniprogram/api/index';
import type { EditData } from '../../../miniprogram/staff/pages/item-edit/index';
import type { ApproveData } from '../../../miniprogram/staff/pages/approve/index';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';

jest.setTimeout(60_000);

type Person = 'editor' | 'reviewer' | 'leader' | 'citizen';

let server: RunningE2eServer<{ url: string; logins: Record<Person, string> }> | null = null;
let url = '';
let logins: Record<Person, string> = { editor: '', reviewer: '', leader: '', citizen: '' };
let token = '';

function as(person: Person): void {
  token = logins[person];
}

beforeAll(async () => {
  server = await startE2eServer<{ url: string; logins: Record<Person, string> }>(path.join(__dirname, 'e2e-server.cjs'));
  url = server.info.url;
  logins = server.info.logins;
  Object.assign(wx, { request: jest.fn(realRequest) });
  setTransport(devTransport({ server: url, login: () => token }));
  useMemoryStorage();
});

afterAll(() => {
  server?.stop();
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

  it('an editor writes an item in the editor page and submits it', async () => {
    as('editor');
    const page = openPage<EditData>('staff/pages/item-edit/index');
    await waitFor('the editor', () => page.data.state === 'ready');
    type(page, 'title', title);
    type(page, 'publisher', '扎毛乡人民政府');
    type(page, 'body', '各村（社区）：请做好春耕备耕工作。');
    find(page, '#category').dispatchEvent('change', { detail: { value: 0 } });
    find(page, '#writtenDate').dispatchEvent('change', { detail: { value: '2026-03-01' } });
    await flush();
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
    const before = await call('items', 'list', {});
    expect(before.ok && before.data.list.map((i) => i.title)).toEqual([]);

    as('leader');
    const page = await openApproval(itemId);
    await tapButton(page, '#approve');
    await waitFor('the leader approval', () => page.data.state !== 'ready' || page.data.notice !== '');
    expect(textOf(page, '#done')).toContain('已审批通过并发布，索引号');

    as('citizen');
    const after = await call('items', 'list', {});
    expect(after.ok).toBe(true);
    expect(after.ok && after.data.list).toEqual([expect.objectContaining({ id: itemId, title, status: 'published', indexNo: expect.any(String) as unknown })]);
  });

  it('a citizen opening a staff page is sent to binding', async () => {
    as('citizen');
    const redirect = jest.spyOn(wx, 'redirectTo');
    openPage<HomeData>('staff/pages/home/index');
    await waitFor('the redirect', () => redirect.mock.calls.length > 0);
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/bind/index' }));
  });
});
