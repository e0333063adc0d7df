/**
 * The 依申请 desk end to end through the REAL requests function and local server (requests-e2e-server.cjs in a
 * child process; the pages use the app's dev transport over real HTTP, as in e2e.test.ts): a citizen submits,
 * the clerk finds it in 申请办理, confirms receipt, asks for 补正, receives it, and answers with an outcome picked
 * from table 三 and an edited letter; the stored request (requests.get) holds both, and the citizen's `track`
 * shows the answer.
 */
import path from 'node:path';
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { useE2eBackend, waitFor } from '../e2e-server';
import { call, newIdempotencyKey } from '../../../miniprogram/api/client';
import type { RequestsData } from '../../../miniprogram/staff/pages/requests/index';
import type { RequestData } from '../../../miniprogram/staff/pages/request/index';

jest.setTimeout(60_000);

type Person = 'editor' | 'citizen';
interface Info {
  url: string;
  organId: string;
  logins: Record<Person, string>;
}

const backend = useE2eBackend<Info>(path.join(__dirname, 'requests-e2e-server.cjs'));
const as = (person: Person): void => backend.as(person);

/** A day after today (Shanghai: the tests run with TZ=Asia/Shanghai), for the 补正 deadline. */
function daysFromToday(n: number): string {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function openRequest(id: string): Promise<RenderedPage<RequestData>> {
  const page = openPage<RequestData>('staff/pages/request/index', { id });
  await waitFor('the request', () => page.data.state !== 'loading');
  expect(page.data.state).toBe('ready');
  return page;
}

/** Opens an action's form, fills it, sends it and waits for the page to reload. */
async function act(
  page: RenderedPage<RequestData>,
  action: string,
  fill: () => Promise<void> = async () => undefined,
): Promise<void> {
  await tapButton(page, `#action-${action}`);
  expect(page.data.form).toBe(action);
  await fill();
  await tapButton(page, '#submit');
  await waitFor(
    `the ${action}`,
    () => page.data.state === 'ready' && !page.data.busy && (page.data.form === '' || page.data.noticeKind === 'error'),
  );
  expect(page.data.noticeKind).toBe('ok');
}

describe('the 依申请 desk end to end, real functions and server', () => {
  const LETTER = '经审查，您申请公开的草原补奖发放标准予以公开，发放名单中涉及个人信息的部分不予公开。（经办人修改）';
  let id = '';
  let queryCode = '';

  it('a citizen submits; the clerk sees it first in 申请办理, awaiting confirmation', async () => {
    as('citizen');
    const key = newIdempotencyKey();
    const submitted = await call(
      'requests.submit',
      {
        organId: backend.info.organId,
        idempotencyKey: key,
        submission: {
          applicantType: 'natural',
          name: '卓玛措',
          idType: 'idCard',
          idNumber: '440304198001010017',
          phone: '13912345678',
          address: '青海省黄南州同仁市扎毛乡德吉村十二号',
          description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准和发放名单',
          deliveryForm: 'online',
        },
      },
      key,
    );
    if (!submitted.ok) throw new Error(submitted.message);
    id = submitted.data.id;
    queryCode = submitted.data.queryCode ?? '';

    as('editor');
    const list = openPage<RequestsData>('staff/pages/requests/index');
    await waitFor('the desk', () => list.data.state !== 'loading');
    expect(list.data.state).toBe('ready');
    expect(list.data.counts.open).toBe(1);
    expect(list.data.lines.map((l) => l.id)).toEqual([id]);
    const row = textOf(list, `#row-${id}`);
    expect(row).toContain(submitted.data.applicationNo);
    expect(row).toContain('卓*');
    expect(row).not.toContain('卓玛措');
    expect(row).toContain('待确认收到');
  });

  it('the clerk confirms receipt, asks for 补正 and receives it; the clock starts', async () => {
    as('editor');
    const page = await openRequest(id);
    expect(textOf(page, '#applicant')).toContain('卓玛措');
    expect(page.data.buttons.map((b) => b.type)).toEqual(['confirmReceipt']);
    await act(page, 'confirmReceipt');
    expect(page.data.clock?.due).toContain('答复期限');

    await act(page, 'requestCorrection', async () => {
      find(page, '#items').dispatchEvent('input', { detail: { value: '请写明所需名单的村别' } });
      find(page, '#correctBy').dispatchEvent('change', { detail: { value: daysFromToday(10) } });
      await flush();
    });
    expect(page.data.statusLabel).toBe('待申请人补正');
    expect(page.data.clock?.paused).toContain('等待申请人补正');
    expect(page.data.notices.map((n) => n.kind)).toEqual(['correction']);
    await tap(page, '#notice-correction');
    await waitFor('the 补正 notice', () => page.data.doc !== null || page.data.noticeKind === 'error');
    expect(textOf(page, '#doc')).toContain('请写明所需名单的村别');

    await act(page, 'receiveCorrection', async () => {
      find(page, '#description').dispatchEvent('input', {
        detail: { value: '请公开2025年德吉村草原生态保护补助奖励资金的发放标准和发放名单' },
      });
      await flush();
    });
    expect(page.data.statusLabel).toBe('办理中');
    expect(textOf(page, '#content')).toContain('德吉村');
  });

  it('the clerk answers with an outcome from the picker and the edited letter; get and the citizen’s track show it', async () => {
    as('editor');
    const page = await openRequest(id);
    await act(page, 'answer', async () => {
      await tap(page, '#outcome-partlyDisclosed');
      await waitFor('the draft letter', () => !page.data.letterBusy && page.data.letterText !== '');
      find(page, '#reason').dispatchEvent('input', { detail: { value: '发放名单含个人身份信息' } });
      find(page, '#letterText').dispatchEvent('input', { detail: { value: LETTER } });
      await flush();
    });
    expect(page.data.statusLabel).toBe('已答复');
    expect(textOf(page, '#letter')).toContain('（经办人修改）');

    const stored = await call('requests.get', { id });
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.data.outcome).toBe('partlyDisclosed');
    expect(stored.data.letter?.text).toBe(LETTER);
    expect(stored.data.history.map((h) => h.action.type)).toEqual([
      'confirmReceipt',
      'requestCorrection',
      'receiveCorrection',
      'answer',
    ]);

    as('citizen');
    const tracked = await call('requests.track', { queryCode, phoneLast4: '5678' });
    if (!tracked.ok) throw new Error(tracked.message);
    expect(tracked.data.view).toBe('applicant');
    expect(tracked.data.status).toBe('answered');
    expect(tracked.data.outcome).toBe('partlyDisclosed');
    expect(tracked.data.view === 'applicant' && tracked.data.letter?.text).toContain('（经办人修改）');
  });
});
