/**
 * The paper request and the lost 查询码 end to end, from the pages through the REAL requests function and local
 * server (requests-e2e-server.cjs in a child process, as requests-e2e.test.ts): the clerk types in a request that
 * came by post on the 登记纸质申请 page and hands over the 回执; the stored request (requests.get) holds what was
 * typed; the applicant follows it on the tracking page with that code. The code is lost: the clerk checks the
 * person on the 补发查询码 page (a wrong last four is refused and changes nothing), issues a new one; the stored
 * request keeps the check, the old code no longer opens it and the new one does.
 */
import path from 'node:path';
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { useE2eBackend, waitFor } from '../e2e-server';
import { call } from '../../../miniprogram/api/client';
import type { RecordData } from '../../../miniprogram/staff/pages/request-record/index';
import type { ReissueData } from '../../../miniprogram/staff/pages/reissue-code/index';
import type { TrackData } from '../../../miniprogram/pages/request/track/index';
import { todayIso } from '../../../miniprogram/staff/records';

jest.setTimeout(60_000);

type Person = 'editor' | 'citizen';
interface Info {
  url: string;
  organId: string;
  logins: Record<Person, string>;
}

const backend = useE2eBackend<Info>(path.join(__dirname, 'requests-e2e-server.cjs'));

const DESCRIPTION = '请公开2025年德吉村草原生态保护补助奖励资金的发放名单';

function type(page: RenderedPage<unknown>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

/** The tracking page, as the applicant (not signed in) uses it: 查询码 and the phone's last four. */
async function track(queryCode: string): Promise<RenderedPage<TrackData>> {
  backend.as('citizen');
  const page = openPage<TrackData>('pages/request/track/index', { code: queryCode });
  type(page, 'phoneLast4', '2345');
  await flush();
  await tapButton(page, '#query');
  await waitFor('the tracking answer', () => !page.data.sending);
  return page;
}

describe('the paper request and the lost 查询码, from the pages to the stored record', () => {
  let id = '';
  let firstCode = '';

  it('the clerk records a request received by post; the 回执 gives the code; the stored request holds the entry', async () => {
    backend.as('editor');
    const page = openPage<RecordData>('staff/pages/request-record/index');
    await waitFor('the form', () => page.data.state !== 'loading');
    expect(page.data.state).toBe('ready');
    find(page, '#channel').dispatchEvent('change', { detail: { value: 1 } });
    await flush();
    find(page, '#postmarkDate').dispatchEvent('change', { detail: { value: todayIso() } });
    type(page, 'name', '扎西多杰');
    type(page, 'idNumber', '440304198001010017');
    type(page, 'phone', '0973-8712345');
    type(page, 'address', '青海省黄南州同仁市扎毛乡德吉村十二号');
    type(page, 'description', DESCRIPTION);
    await flush();
    await tapButton(page, '#submit');
    await waitFor('the 回执', () => !page.data.busy);
    expect(page.data.noticeKind).toBe('saved');
    const done = page.data.done;
    if (!done) throw new Error(page.data.notice);
    expect(done.queryCode).toMatch(/^[0-9A-Z]{10}$/);
    const receipt = textOf(page, '#receipt');
    expect(receipt).toContain(done.applicationNo);
    expect(receipt).toContain(`${todayIso()}（信函邮寄）`);
    expect(receipt).toContain(done.queryCode);
    id = done.id;
    firstCode = done.queryCode;

    const stored = await call('requests.get', { id });
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.data).toMatchObject({
      applicationNo: done.applicationNo,
      status: 'received',
      receivedDate: todayIso(),
      applicant: { name: '扎西多杰', idNumber: '440304198001010017', phone: '0973-8712345' },
      content: { description: DESCRIPTION },
      codeReissues: [],
    });
    expect(stored.data.channel).toBe('post');
    expect(stored.data.deadline?.dueDate).toBeDefined();
  });

  it('the applicant follows it with the 回执’s code: what was asked and when it was received', async () => {
    const page = await track(firstCode);
    expect(page.data.message).toBe('');
    expect(textOf(page, '#status')).toBe('办理中');
    expect(textOf(page, '#asked')).toBe(DESCRIPTION);
    expect(page.data.view?.received).not.toBe('');
  });

  it('the code is lost: a wrong check changes nothing; the right one issues a new code the stored request records', async () => {
    backend.as('editor');
    const page = openPage<ReissueData>('staff/pages/reissue-code/index', { id });
    await waitFor('the request', () => page.data.state !== 'loading');
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#who')).toContain('44030419800101****');
    await tap(page, '#method-inPerson');
    type(page, 'idLast4', '0018');
    type(page, 'note', '本人持居民身份证到乡政府办公室');
    await flush();
    await tapButton(page, '#submit');
    await waitFor('the refusal', () => !page.data.busy);
    expect(textOf(page, '#error-idLast4')).toContain('不符');
    const unchanged = await call('requests.get', { id });
    expect(unchanged.ok && unchanged.data.codeReissues).toEqual([]);

    type(page, 'idLast4', '0017');
    await flush();
    await tapButton(page, '#submit');
    await waitFor('the new code', () => !page.data.busy);
    const newCode = page.data.done?.queryCode ?? '';
    expect(newCode).toMatch(/^[0-9A-Z]{10}$/);
    expect(newCode).not.toBe(firstCode);
    expect(textOf(page, '#code')).toBe(newCode);

    const stored = await call('requests.get', { id });
    if (!stored.ok) throw new Error(stored.message);
    expect(stored.data.codeReissues).toEqual([
      { date: todayIso(), method: 'inPerson', note: '本人持居民身份证到乡政府办公室' },
    ]);

    const old = await track(firstCode);
    expect(old.data.view).toBeNull();
    expect(old.data.message).not.toBe('');
    const renewed = await track(newCode);
    expect(textOf(renewed, '#asked')).toBe(DESCRIPTION);
  });
});
