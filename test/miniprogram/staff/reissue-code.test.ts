/**
 * 补发查询码: the applicant as the request records them with the last four of the document number hidden (the
 * clerk reads them off the document shown); the check method, the four characters and a note go to
 * `requests.reissueCode`; a mismatch shows the function's field error and a new try is a new request; the new
 * code is shown once and copies with the 申请编号; earlier reissues are listed. Opened from the request page.
 */
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { ReissueData } from '../../../miniprogram/staff/pages/reissue-code/index';
import type { RequestData } from '../../../miniprogram/staff/pages/request/index';

// The first page a file opens compiles TDesign's components: slow on a loaded machine, nothing timed.
jest.setTimeout(30_000);

const ROUTE = 'staff/pages/reissue-code/index';

function request(extra: Record<string, unknown> = {}) {
  return {
    id: 'r1',
    applicationNo: 'ZM-2026-001',
    queryCode: '',
    channel: 'post',
    status: 'received',
    statusLabel: '办理中',
    submittedDate: '2026-03-02',
    receivedDate: '2026-03-02',
    applicant: {
      applicantType: 'natural',
      name: '扎西多杰',
      idType: 'idCard',
      idNumber: '440304198001010017',
      phone: '0973-8712345',
      address: '扎毛乡德吉村十二号',
    },
    content: { description: '德吉村草原补奖发放名单', deliveryForm: 'paper' },
    events: [],
    history: [],
    outcome: null,
    answeredDate: null,
    actions: ['answer'],
    version: 1,
    deadline: null,
    nthThisMonth: 1,
    letter: null,
    noticesGranted: 0,
    codeReissues: [],
    ...extra,
  };
}

async function open(handlers: Record<string, Handler> = {}) {
  const fake = routeTransport({
    'organ.me': me('editor'),
    'requests.get': () => ({ ok: true, data: request() }),
    ...handlers,
  });
  const page = openPage<ReissueData>(ROUTE, { id: 'r1' });
  await flush();
  return { fake, page };
}

function type(page: RenderedPage<ReissueData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

describe('补发查询码', () => {
  beforeEach(() => useMemoryStorage());
  afterEach(() => jest.restoreAllMocks());

  it('shows the applicant with the last four of the ID number hidden, and earlier reissues', async () => {
    const { page } = await open({
      'requests.get': () => ({
        ok: true,
        data: request({ codeReissues: [{ date: '2026-03-05', method: 'inPerson', note: '本人持身份证' }] }),
      }),
    });
    expect(page.data.state).toBe('ready');
    const who = textOf(page, '#who');
    expect(who).toContain('ZM-2026-001');
    expect(who).toContain('扎西多杰');
    expect(who).toContain('44030419800101****');
    expect(who).not.toContain('0017');
    expect(textOf(page, '#before')).toContain('2026-03-05申请人本人持证件当面核验：本人持身份证');
  });

  it('sends the check; a mismatch shows by the field and the retry is a new request; then the new code once', async () => {
    const { fake, page } = await open({
      'requests.reissueCode': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '证件号码后四位与申请记录不符，未补发查询码',
        fieldErrors: [{ path: 'check.idLast4', message: '证件号码后四位与申请记录不符' }],
      }),
    });
    await tapButton(page, '#submit');
    // Checked before sending: no method chosen, no digits.
    expect(fake.actions()).not.toContain('requests.reissueCode');
    expect(page.data.noticeKind).toBe('error');

    await tap(page, '#method-agent');
    type(page, 'idLast4', '0018');
    type(page, 'note', '其子持授权委托书和双方身份证');
    await flush();
    await tapButton(page, '#submit');
    expect(fake.payloads('requests.reissueCode')).toEqual([
      { id: 'r1', check: { method: 'agent', idLast4: '0018', note: '其子持授权委托书和双方身份证' } },
    ]);
    expect(textOf(page, '#error-idLast4')).toContain('不符');
    expect(page.querySelector('#done')).toBeUndefined();

    fake.route({
      'requests.reissueCode': () => ({
        ok: true,
        data: { id: 'r1', applicationNo: 'ZM-2026-001', queryCode: 'NEWC0DE123' },
      }),
    });
    type(page, 'idLast4', '0017');
    await flush();
    await tapButton(page, '#submit');
    const keys = fake.calls.filter((c) => c.event.action === 'reissueCode').map((c) => c.event.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).not.toBe(keys[0]);
    expect(textOf(page, '#code')).toBe('NEWC0DE123');
    expect(textOf(page, '#done')).toContain('原查询码已失效');
    expect(page.querySelector('#submit')).toBeUndefined();
    const copy = jest.spyOn(wx, 'setClipboardData');
    await tapButton(page, '#copy');
    expect((copy.mock.calls[0]?.[0] as { data: string }).data).toContain('新查询码：NEWC0DE123');
  });

  it('is opened from the request page', async () => {
    routeTransport({ 'organ.me': me('editor'), 'requests.get': () => ({ ok: true, data: request() }) });
    const page = openPage<RequestData>('staff/pages/request/index', { id: 'r1' });
    await flush();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#reissue');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/reissue-code/index?id=r1' }));
  });
});
