/**
 * 登记纸质申请: staff type in a paper, post, fax or in-person request with its channel and receipt date; the
 * form follows the applicant type and the channel (条例 第三十一条's receipt day, the postmark for post only);
 * field errors from the shared schema sit by their inputs before anything is sent; one idempotency key per form;
 * the 回执 shows the 查询码 once and copies as text; a repeat says the code was shown before (长辈模式: elder.test.ts).
 */
import { find, flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { RecordData } from '../../../miniprogram/staff/pages/request-record/index';
import { todayIso } from '../../../miniprogram/staff/records';

// The first page a file opens compiles TDesign's components: slow on a loaded machine, nothing timed.
jest.setTimeout(30_000);

const ROUTE = 'staff/pages/request-record/index';
const PROFILE: Handler = () => ({
  ok: true,
  data: { id: 'org-1', name: '扎毛乡人民政府', address: '', contactPhone: '' },
});

function recorded(queryCode: string | null): Handler {
  return () => ({
    ok: true,
    data: {
      id: 'r9',
      applicationNo: 'ZM-2026-009',
      queryCode,
      repeated: queryCode === null,
      status: 'received',
      statusLabel: '办理中',
      deadline: {
        dueDate: '2027-01-05',
        projected: false,
        daysRemaining: 20,
        daysOverdue: 0,
        atRisk: false,
        overdue: false,
        pausedBy: null,
        pauseEndsBy: null,
        provisional: true,
        prompt: '2027 年节假日尚未录入',
        note: null,
      },
    },
  });
}

async function open(handlers: Record<string, Handler> = {}) {
  const fake = routeTransport({ 'organ.me': me('editor'), 'organ.getProfile': PROFILE, ...handlers });
  const page = openPage<RecordData>(ROUTE);
  await flush();
  return { fake, page };
}

function type(page: RenderedPage<RecordData>, id: string, value: string): void {
  find(page, `#${id}`).dispatchEvent('input', { detail: { value } });
}

function pick(page: RenderedPage<RecordData>, id: string, value: number | string): void {
  find(page, `#${id}`).dispatchEvent('change', { detail: { value } });
}

async function fillPerson(page: RenderedPage<RecordData>): Promise<void> {
  type(page, 'name', '扎西多杰');
  type(page, 'idNumber', '440304198001010017');
  type(page, 'phone', '0973-8712345');
  type(page, 'address', '青海省黄南州同仁市扎毛乡德吉村十二号');
  type(page, 'description', '请公开2025年德吉村草原生态保护补助奖励资金的发放名单');
  await flush();
}

describe('登记纸质申请', () => {
  let storage: Map<string, unknown>;
  beforeEach(() => {
    storage = useMemoryStorage();
  });
  afterEach(() => jest.restoreAllMocks());

  it('opens with today as the receipt date and says which day that is for the channel; post adds the postmark', async () => {
    const { fake, page } = await open();
    expect(page.data.state).toBe('ready');
    // The 回执's 受理机关 is the clerk's own organ, asked for by its id (a county's database holds several).
    expect(fake.payloads('organ.getProfile')).toEqual([{ organId: 'org-1' }]);
    expect(page.data.form.receivedDate).toBe(todayIso());
    expect(textOf(page, '#channel-label')).toContain('当面提交');
    expect(textOf(page, '#receipt-day')).toContain('申请人当面提交之日');
    expect(page.querySelector('#postmarkDate')).toBeUndefined();
    pick(page, 'channel', 1);
    await flush();
    expect(textOf(page, '#receipt-day')).toContain('本机关签收之日');
    expect(page.querySelector('#postmarkDate')).toBeDefined();
    pick(page, 'channel', 2);
    await flush();
    expect(textOf(page, '#channel-label')).toContain('传真');
    expect(textOf(page, '#receipt-day')).toContain('确认收到传真之日');
    expect(page.querySelector('#postmarkDate')).toBeUndefined();
  });

  it('asks for the organisation and its contact person instead of a name for a 法人或其他组织', async () => {
    const { page } = await open();
    expect(page.querySelector('#name')).toBeDefined();
    expect(page.querySelector('#organisationName')).toBeUndefined();
    pick(page, 'applicantType', 1);
    await flush();
    expect(page.querySelector('#name')).toBeUndefined();
    expect(page.querySelector('#organisationName')).toBeDefined();
    expect(page.querySelector('#contactName')).toBeDefined();
  });

  it('puts the shared schema’s errors beside their fields and sends nothing', async () => {
    const { fake, page } = await open({ 'requests.record': recorded('K7M2P9Q4XR') });
    type(page, 'idNumber', '123');
    await flush();
    await tapButton(page, '#submit');
    expect(fake.actions()).not.toContain('requests.record');
    expect(textOf(page, '#error-name')).toContain('姓名');
    expect(textOf(page, '#error-idNumber')).not.toBe('');
    expect(textOf(page, '#error-description')).toContain('所需信息描述');
    expect(page.data.noticeKind).toBe('error');
    type(page, 'name', '扎西多杰');
    await flush();
    expect(page.querySelector('#error-name')).toBeUndefined();
  });

  it('records by post with the postmark, once per form, and shows the 回执 with the 查询码 to copy', async () => {
    const { fake, page } = await open({ 'requests.record': recorded('K7M2P9Q4XR') });
    pick(page, 'channel', 1);
    await flush();
    pick(page, 'receivedDate', '2026-12-03');
    pick(page, 'postmarkDate', '2026-12-01');
    pick(page, 'deliveryForm', 1);
    await fillPerson(page);
    await tapButton(page, '#submit');
    const [payload] = fake.payloads('requests.record');
    expect(payload).toEqual({
      idempotencyKey: expect.any(String) as unknown,
      entry: {
        applicantType: 'natural',
        name: '扎西多杰',
        idType: 'idCard',
        idNumber: '440304198001010017',
        phone: '0973-8712345',
        address: '青海省黄南州同仁市扎毛乡德吉村十二号',
        description: '请公开2025年德吉村草原生态保护补助奖励资金的发放名单',
        deliveryForm: 'paper',
        channel: 'post',
        receivedDate: '2026-12-03',
        postmarkDate: '2026-12-01',
      },
    });
    // The envelope's key is the payload's: a retry after a lost answer makes no second request.
    expect(fake.calls.at(-1)?.event.idempotencyKey).toBe(payload?.idempotencyKey);
    const receipt = textOf(page, '#receipt');
    expect(receipt).toContain('扎毛乡人民政府');
    expect(receipt).toContain('扎西多杰');
    expect(receipt).toContain('ZM-2026-009');
    expect(receipt).toContain('2026-12-03（信函邮寄）');
    expect(receipt).toContain('2027-01-05（按法定节假日推算');
    expect(receipt).toContain('K7M2P9Q4XR');
    expect(receipt).toContain('查询办理进度');
    expect(receipt).not.toContain('节假日尚未录入'); // the staff prompt is not the applicant's
    const copy = jest.spyOn(wx, 'setClipboardData');
    await tapButton(page, '#copy');
    const copied = (copy.mock.calls[0]?.[0] as { data: string }).data;
    expect(copied.split('\n')[0]).toBe('政府信息公开申请回执');
    expect(copied).toContain('查询码：K7M2P9Q4XR');
    const redirect = jest.spyOn(wx, 'redirectTo');
    await tapButton(page, '#open');
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/request/index?id=r9' }));
    expect(storage.size).toBe(0); // nothing personal is kept on the phone
  });

  it('keeps the key after a failure, shows the function’s field error, and says so on a repeat', async () => {
    const { fake, page } = await open({
      'requests.record': () => ({
        ok: false,
        code: 'VALIDATION',
        message: '输入有误：收到申请日期不能晚于今天',
        fieldErrors: [{ path: 'entry.receivedDate', message: '收到申请日期不能晚于今天 2026-12-06' }],
      }),
    });
    await fillPerson(page);
    await tapButton(page, '#submit');
    expect(textOf(page, '#error-receivedDate')).toContain('不能晚于今天');
    expect(textOf(page, '#notice')).toContain('收到申请日期不能晚于今天');
    fake.route({ 'requests.record': recorded(null) });
    await tapButton(page, '#submit');
    const keys = fake.payloads('requests.record').map((p) => p.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(textOf(page, '#notice')).toContain('已经登记过');
    expect(page.querySelector('#copy')).toBeUndefined();
    await tapButton(page, '#new');
    expect(page.data.done).toBeNull();
    expect(page.data.form.name).toBe('');
  });
});
