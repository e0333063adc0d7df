/**
 * 依申请公开 form: the privacy agreement first, Chinese field errors from the shared schema under each field,
 * one request per tap (a double tap sends once; a retry after a failure reuses the idempotency key), the result
 * screen with 申请编号 and 查询码, copy, and the subscribe-message ask.
 */
jest.mock('../../../../miniprogram/config/index', () => ({
  ...jest.requireActual<object>('../../../../miniprogram/config/index'),
  NOTICE_TEMPLATE_ID: 'tmpl-progress',
}));

import { find, flush, openPage, tapButton, textOf, type Node } from '../../harness';
import { deferred, useFakeTransport, type Call } from '../../fake-transport';
import type { RequestData } from '../../../../miniprogram/pages/request/index/index';
import type { Result, SubmitRequestAnswer } from 'gongkai-core';

const ROUTE = 'pages/request/index/index';
const ORGAN = { id: 'organ-1', name: '扎毛乡人民政府' };
const ANSWER: SubmitRequestAnswer = {
  id: 'rq-1',
  applicationNo: 'YSQ-2026-0001',
  queryCode: 'K7M2P9Q4XR',
  repeated: false,
  status: 'submitted',
  statusLabel: '待确认收到',
  deadline: null,
};

/** organ.getProfile answers the organ; requests.* answers what `submit` gives. */
function backend(submit: (call: Call) => Result<unknown> | Promise<Result<unknown>>) {
  return (call: Call): Result<unknown> | Promise<Result<unknown>> =>
    call.name === 'organ' ? { ok: true, data: ORGAN } : submit(call);
}

function type(page: Node, field: string, value: string): void {
  find(page, `#${field}`).dispatchEvent('input', { detail: { value } });
}

async function fillValid(page: Node): Promise<void> {
  type(page, 'name', '张三');
  type(page, 'idNumber', '11010519491231002X');
  type(page, 'phone', '138 0013 8000');
  type(page, 'address', '青海省黄南州扎毛乡扎毛村1号');
  type(page, 'description', '2025年扎毛村低保评议的名单和会议记录');
  await flush();
}

function submits(calls: Call[]): Call[] {
  return calls.filter((c) => c.name === 'requests' && c.event.action === 'submit');
}

function noPrivacyPrompt(): void {
  Object.assign(wx, {
    getPrivacySetting: (o: { success: (r: { needAuthorization: boolean }) => void }) =>
      o.success({ needAuthorization: false }),
  });
}

describe('request form', () => {
  beforeEach(noPrivacyPrompt);

  it('asks for the privacy agreement before the form, and shows the form once agreed', async () => {
    let agree = false;
    const requireAuth = jest.fn((o: { success: () => void; fail: () => void }) => (agree ? o.success() : o.fail()));
    Object.assign(wx, {
      getPrivacySetting: (o: { success: (r: { needAuthorization: boolean }) => void }) =>
        o.success({ needAuthorization: true }),
      requirePrivacyAuthorize: requireAuth,
    });
    const fake = useFakeTransport(backend(() => ({ ok: true, data: ANSWER })));
    const page = openPage<RequestData>(ROUTE);
    await flush();
    expect(page.data.phase).toBe('privacy');
    expect(textOf(page, '#privacy')).toContain('用户隐私保护指引');
    expect(page.querySelector('#name')).toBeUndefined();
    expect(fake.calls).toHaveLength(0);

    agree = true;
    await tapButton(page, '#agree');
    expect(requireAuth).toHaveBeenCalledTimes(2);
    expect(page.data.phase).toBe('form');
    expect(textOf(page, '#form')).toContain('向扎毛乡人民政府申请公开政府信息');
  });

  it('shows the shared schema’s Chinese errors under each field and sends nothing', async () => {
    const fake = useFakeTransport(backend(() => ({ ok: true, data: ANSWER })));
    const page = openPage<RequestData>(ROUTE);
    await flush();
    type(page, 'idNumber', '110105194912310021');
    type(page, 'phone', '12345');
    type(page, 'address', '扎毛');
    await flush();
    await tapButton(page, '#submit');
    expect(submits(fake.calls)).toHaveLength(0);
    expect(textOf(page, '#error-name')).toBe('申请人为自然人的，须填写姓名');
    expect(textOf(page, '#error-idNumber')).toMatch(/身份证/);
    expect(textOf(page, '#error-phone')).toBe('联系电话须为 11 位手机号码或带区号的固定电话');
    expect(textOf(page, '#error-address')).toBe('通讯地址至少 5 个字');
    expect(textOf(page, '#error-description')).toMatch(/所需信息描述/);
    for (const message of Object.values(page.data.errors)) expect(message).not.toMatch(/[A-Za-z]/);

    // Typing into a field clears its error.
    type(page, 'name', '张三');
    await flush();
    expect(page.querySelector('#error-name')).toBeUndefined();
  });

  it('asks an organisation for its name and contact person, and e-mail delivery for an address', async () => {
    useFakeTransport(backend(() => ({ ok: true, data: ANSWER })));
    const page = openPage<RequestData>(ROUTE);
    await flush();
    expect(page.data.applicantTypes).toEqual([
      '个人（自然人）',
      '企业（商业企业）',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他组织',
    ]);
    find(page, '#applicantType').dispatchEvent('change', { detail: { value: '1' } });
    find(page, '#deliveryForm').dispatchEvent('change', {
      detail: { value: String(page.data.deliveryForms.indexOf('电子邮件')) },
    });
    await flush();
    expect(page.querySelector('#name')).toBeUndefined();
    await tapButton(page, '#submit');
    expect(textOf(page, '#error-organisationName')).toBe('申请人为法人或其他组织的，须填写单位名称');
    expect(textOf(page, '#error-contactName')).toBe('申请人为法人或其他组织的，须填写联系人姓名');
    expect(textOf(page, '#error-email')).toBe('选择电子邮件方式获取的，须填写电子邮箱');
  });

  it('sends one request for a double tap, with the button disabled while sending, then shows 申请编号 and 查询码', async () => {
    const pending = deferred<Result<unknown>>();
    const fake = useFakeTransport(backend(() => pending.promise));
    const copy = jest.spyOn(wx, 'setClipboardData');
    const page = openPage<RequestData>(ROUTE);
    await flush();
    await fillValid(page);
    find(page, '#submit >>> .t-button').dispatchEvent('tap');
    find(page, '#submit >>> .t-button').dispatchEvent('tap');
    await flush();
    await tapButton(page, '#submit');
    expect(submits(fake.calls)).toHaveLength(1);
    expect(page.data.sending).toBe(true);
    expect(find(page, '#submit').data.disabled).toBe(true);

    const sent = submits(fake.calls)[0]?.event as { payload: Record<string, unknown>; idempotencyKey: string };
    expect(sent.payload).toEqual({
      organId: 'organ-1',
      idempotencyKey: sent.idempotencyKey,
      submission: {
        applicantType: 'natural',
        name: '张三',
        idType: 'idCard',
        idNumber: '11010519491231002X',
        phone: '138 0013 8000',
        address: '青海省黄南州扎毛乡扎毛村1号',
        description: '2025年扎毛村低保评议的名单和会议记录',
        deliveryForm: 'online',
        channel: 'online',
      },
    });
    expect(sent.idempotencyKey).toMatch(/^key-[a-z0-9]+-[a-z0-9]{12}$/);

    pending.resolve({ ok: true, data: ANSWER });
    await flush();
    expect(page.data.phase).toBe('done');
    expect(textOf(page, '#application-no')).toBe('YSQ-2026-0001');
    expect(textOf(page, '#query-code')).toBe('K7M2P9Q4XR');
    await tapButton(page, '#copy');
    expect(copy).toHaveBeenCalledWith(expect.objectContaining({ data: 'K7M2P9Q4XR' }));
  });

  it('keeps the idempotency key for a retry after a failure, and makes a new one for the next form', async () => {
    const fake = useFakeTransport(
      backend(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' })),
    );
    const toast = jest.spyOn(wx, 'showToast');
    const page = openPage<RequestData>(ROUTE);
    await flush();
    await fillValid(page);
    await tapButton(page, '#submit');
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '网络连接失败，请检查网络后重试' }));
    expect(page.data.sending).toBe(false);
    fake.answer(backend(() => ({ ok: true, data: ANSWER })));
    await tapButton(page, '#submit');
    const [first, second] = submits(fake.calls).map((c) => c.event.idempotencyKey);
    expect(second).toBe(first);

    await tapButton(page, '#new');
    expect(page.data.form.name).toBe('');
    await fillValid(page);
    await tapButton(page, '#submit');
    expect(submits(fake.calls)[2]?.event.idempotencyKey).not.toBe(first);
  });

  it('shows the function’s field errors under the fields', async () => {
    useFakeTransport(
      backend(() => ({
        ok: false,
        code: 'VALIDATION',
        message: '输入有误：…',
        fieldErrors: [{ path: 'submission.address', message: '通讯地址不能超过 200 个字' }],
      })),
    );
    const page = openPage<RequestData>(ROUTE);
    await flush();
    await fillValid(page);
    await tapButton(page, '#submit');
    expect(textOf(page, '#error-address')).toBe('通讯地址不能超过 200 个字');
  });

  it('asks for the progress notice on a tap and grants it when accepted', async () => {
    const fake = useFakeTransport(
      backend((call) => ({ ok: true, data: call.event.action === 'submit' ? ANSWER : { granted: true } })),
    );
    const subscribe = jest.fn((o: { tmplIds: string[]; success: (r: Record<string, string>) => void }) =>
      o.success({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-progress': 'accept' }),
    );
    Object.assign(wx, { requestSubscribeMessage: subscribe });
    const page = openPage<RequestData>(ROUTE);
    await flush();
    await fillValid(page);
    await tapButton(page, '#submit');
    expect(subscribe).not.toHaveBeenCalled();
    await tapButton(page, '#subscribe');
    expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-progress'] }));
    expect(fake.calls.at(-1)).toEqual({
      name: 'requests',
      event: { action: 'grantNotice', payload: { requestId: 'rq-1', templateId: 'tmpl-progress' } },
    });
    expect(textOf(page, '#subscribed')).toContain('已开启办理进度通知');
  });
});
