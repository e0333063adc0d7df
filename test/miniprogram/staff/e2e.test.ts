/**
 * End to end through the REAL functions and local server: the backend (startBackend + seedOrgan of
 * test/backend/harness.ts) runs in a child Node process (e2e-server.cjs: the server needs Node's timers, which
 * jsdom replaces); the pages use the app's own dev transport, whose wx.request here performs a real HTTP POST to
 * `${url}/functions/<name>` with the person's development login token. An editor writes and submits an item in
 * the editor page, the reviewer (with the 保密审查) and the leader approve it in the approval page, a citizen's
 * items.list shows it published, and the reviewer cannot publish past the leader.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { useMemoryStorage } from './helpers';
import { call, devTransport, setTransport } from '../../../miniprogram/api/index';
import type { EditData } from '../../../miniprogram/staff/pages/item-edit/index';
import type { ApproveData } from '../../../miniprogram/staff/pages/approve/index';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '..', '..', '..');
type Person = 'editor' | 'reviewer' | 'leader' | 'citizen';

let child: ChildProcessWithoutNullStreams | null = null;
let url = '';
let logins: Record<Person, string> = { editor: '', reviewer: '', leader: '', citizen: '' };
let token = '';

function startServer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'e2e-server.cjs')], { cwd: ROOT });
    child = proc;
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        const info = JSON.parse(line) as { url: string; logins: Record<Person, string> };
        url = info.url;
        logins = info.logins;
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`e2e-server exited (${String(code)}): ${err}`)));
  });
}

interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (res: { statusCode: number; data: unknown }) => void;
  fail?: (e: { errMsg: string }) => void;
}

/** wx.request as a real HTTP POST (the jsdom environment has no fetch; node:http is the same request). */
function realRequest(options: RequestOptions): void {
  const body = JSON.stringify(options.data ?? {});
  const req = http.request(options.url, { method: options.method ?? 'POST', headers: { ...options.header, 'content-length': Buffer.byteLength(body) } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => {
      let data: unknown = text;
      try {
        data = JSON.parse(text) as unknown;
      } catch {
        // Not JSON: the transport turns it into a readable failure.
      }
      options.success?.({ statusCode: res.statusCode ?? 0, data });
    });
  });
  req.on('error', (e) => options.fail?.({ errMsg: `request:fail ${e.message}` }));
  req.end(body);
}

async function waitFor(what: string, ready: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await flush();
}

function as(person: Person): void {
  token = logins[person];
}

beforeAll(async () => {
  await startServer();
  Object.assign(wx, { request: jest.fn(realRequest) });
  setTransport(devTransport({ server: url, login: () => token }));
  useMemoryStorage();
});

afterAll(() => {
  child?.removeAllListeners('exit');
  child?.stdin.end();
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
