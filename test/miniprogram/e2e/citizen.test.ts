/**
 * Citizen pages end to end through the REAL functions and local server. The backend runs in a child Node process
 * (e2e-server.cjs: startBackend + seedOrgan of test/backend/harness.ts, an item published through the items
 * function): the server and SDK need Node's timers, which jsdom replaces, so it cannot run inside this jsdom test.
 * The pages use the app's own dev transport; wx.request here performs a real HTTP POST to
 * `${url}/functions/<name>` (node:http — jsdom has no fetch).
 *  (a) the catalogue page's keyword search finds the published item on screen, and its detail shows the 索引号;
 *  (b) a request submitted by a tap on the form page is in the organ's staff list (requests.list as the reviewer,
 *      through the function) — and, once the reviewer confirms receipt, with its due date.
 */
import path from 'node:path';
import { find, flush, openPage, tapButton, textOf, type Node } from '../harness';
import { realRequest, startE2eServer, waitFor, type RequestOptions, type RunningE2eServer } from '../e2e-server';
import { formatLabels } from '../fixtures';
import { call, devTransport, setTransport } from '../../../miniprogram/api/index';
import type { CatalogData } from '../../../miniprogram/pages/catalog/index/index';
import type { DetailData } from '../../../miniprogram/pages/item/detail/index';
import type { RequestData } from '../../../miniprogram/pages/request/index/index';
import type { TrackData } from '../../../miniprogram/pages/request/track/index';
import type { ReaderData } from '../../../miniprogram/pages/report/reader/index';
import type { ListData as ReportListData } from '../../../miniprogram/pages/report/list/index';

jest.setTimeout(60_000);

interface ServerInfo {
  url: string;
  organId: string;
  itemId: string;
  title: string;
  reportId: string;
  logins: { reviewer: string; citizen: string };
}

let server: RunningE2eServer<ServerInfo> | null = null;
let info: ServerInfo = {
  url: '',
  organId: '',
  itemId: '',
  title: '',
  reportId: '',
  logins: { reviewer: '', citizen: '' },
};
let token = '';

const request = jest.fn(realRequest);

beforeAll(async () => {
  server = await startE2eServer<ServerInfo>(path.join(__dirname, 'e2e-server.cjs'));
  info = server.info;
  Object.assign(wx, {
    request,
    getPrivacySetting: (o: { success: (r: { needAuthorization: boolean }) => void }) =>
      o.success({ needAuthorization: false }),
  });
  setTransport(devTransport({ server: info.url, login: () => token }));
});

afterAll(() => {
  server?.stop();
});

function type(page: Node, field: string, value: string): void {
  find(page, `#${field}`).dispatchEvent('input', { detail: { value } });
}

describe('citizen pages end to end, real functions and server', () => {
  it('the reader opens the demo organ’s published 2023 report: every table label and the 264 of the narrative on screen', async () => {
    token = '';
    const list = openPage<ReportListData>('pages/report/list/index');
    await waitFor('the report list', () => list.data.state !== 'loading');
    expect(textOf(list)).toContain('2023');
    const page = openPage<ReaderData>('pages/report/reader/index', { id: info.reportId });
    await waitFor('the reader', () => page.data.state !== 'loading');
    const screen = textOf(page);
    expect(formatLabels().filter((label) => !screen.includes(label))).toEqual([]);
    expect(screen).toContain('本年废止件数');
    expect(screen).toContain('已获取信息');
    expect(screen).toContain('264');
  });

  it('(a) the catalogue’s keyword search finds the item published through the functions; its detail shows the 索引号', async () => {
    token = '';
    request.mockClear();
    const page = openPage<CatalogData>('pages/catalog/index/index');
    await waitFor('the catalogue', () => page.data.state !== 'loading');
    expect(page.data.total).toBe(2);
    expect((request.mock.calls[0]?.[0] as RequestOptions).url).toBe(`${info.url}/functions/items`);

    find(page, '#search >>> .t-input__keyword').dispatchEvent('input', { detail: { value: '草原生态' } });
    await flush();
    find(page, '#search >>> .t-input__keyword').dispatchEvent('confirm', { detail: { value: '草原生态' } });
    await waitFor(
      'the search',
      () => page.data.state !== 'loading' && page.data.searched === '草原生态' && page.data.total === 1,
    );
    expect(page.data.lines.map((l) => l.id)).toEqual([info.itemId]);
    expect(textOf(page, `#item-${info.itemId}`)).toContain(info.title);
    expect(textOf(page, `#item-${info.itemId}`)).toContain('社会救助 · 扎政发〔2026〕7号');

    const detail = openPage<DetailData>('pages/item/detail/index', { id: info.itemId });
    await waitFor('the detail', () => detail.data.state !== 'loading');
    expect(textOf(detail, '#title')).toBe(info.title);
    expect(textOf(detail, '#meta-indexNo')).toMatch(/^索引号\S+/);
    expect(textOf(detail, '#meta-indexNo')).not.toBe('索引号—');
    expect(textOf(detail, '#body')).toContain('草原生态保护补助奖励资金');
  });

  it('(b) a request submitted from the form by a (double) tap is one request in the organ’s staff list, with its due date once received', async () => {
    token = info.logins.citizen;
    const page = openPage<RequestData>('pages/request/index/index');
    await waitFor('the form', () => page.data.phase !== 'loading');
    expect(page.data.phase).toBe('form');
    type(page, 'name', '张三');
    type(page, 'idNumber', '11010519491231002X');
    type(page, 'phone', '13800138000');
    type(page, 'address', '青海省黄南州扎毛乡扎毛村1号');
    type(page, 'description', '2025年扎毛村草原生态保护补助奖励资金的发放名单');
    await flush();
    find(page, '#submit >>> .t-button').dispatchEvent('tap');
    find(page, '#submit >>> .t-button').dispatchEvent('tap');
    await waitFor('the answer', () => page.data.phase === 'done');
    const submitted = request.mock.calls.filter((c) => (c[0] as RequestOptions).url.endsWith('/functions/requests'));
    expect(submitted).toHaveLength(1);
    const applicationNo = textOf(page, '#application-no');
    const queryCode = textOf(page, '#query-code');
    expect(applicationNo).not.toBe('');
    expect(queryCode).toMatch(/^\S{10}$/);

    // The organ's staff list, as the reviewer, through the function.
    token = info.logins.reviewer;
    const listed = await call('requests.list', { page: 1, pageSize: 20 });
    if (!listed.ok) throw new Error(`requests.list: ${listed.code} ${listed.message}`);
    const rows = (
      listed.data as {
        list: {
          id: string;
          version: number;
          applicationNo: string;
          statusLabel: string;
          deadline: { dueDate: string } | null;
        }[];
      }
    ).list;
    const row = rows.find((r) => r.applicationNo === applicationNo);
    expect(rows.filter((r) => r.applicationNo === applicationNo)).toHaveLength(1);
    expect(row).toBeDefined();
    // 条例 第三十一条: an online request is received the day the organ confirms it; the clock starts then.
    const confirmed = await call('requests.act', {
      id: row?.id ?? '',
      version: row?.version ?? 0,
      action: { type: 'confirmReceipt' },
    });
    if (!confirmed.ok) throw new Error(`requests.act: ${confirmed.code} ${confirmed.message}`);
    const after = await call('requests.list', { page: 1, pageSize: 20 });
    const received = after.ok
      ? (after.data as { list: typeof rows }).list.find((r) => r.applicationNo === applicationNo)
      : undefined;
    expect(received?.deadline?.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The citizen tracks it by 查询码 + the phone's last 4 digits and sees the same due date.
    token = '';
    const track = openPage<TrackData>('pages/request/track/index', { code: queryCode });
    type(track, 'phoneLast4', '8000');
    await flush();
    await tapButton(track, '#query');
    await waitFor('the tracking answer', () => track.data.view !== null || track.data.message !== '');
    expect(track.data.view?.applicationNo).toBe(applicationNo);
    const due = received?.deadline?.dueDate ?? '';
    expect(textOf(track, '#due')).toContain(
      `${Number(due.slice(0, 4))}年${Number(due.slice(5, 7))}月${Number(due.slice(8, 10))}日`,
    );
  });
});
