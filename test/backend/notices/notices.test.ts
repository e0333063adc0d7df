/**
 * What the requests function tells applicants and who may extend, through the real SDK and the local server:
 * subscribe messages queued with the status change and sent after it commits (mapped to the organ's template
 * keys, retried, never lost), the daily sweep closing lapsed 补正 and fee deadlines, the 补正/延期/收费 notices
 * read back by staff and (masked) by the applicant, and the extension's approver checked against the organ's.
 */
import { COLLECTIONS } from '../../../backend/collections';
import { requestsFunction, sweepRequests } from '../../../backend/requests';
import { MAX_ATTEMPTS, toSubscribeMessage } from '../../../backend/notices/outbox';
import { DEFAULT_NOTICE_FIELDS } from '../../../shared/api/organ';
import { rows, type Row } from '../../../backend/sdk';
import type { SendResult, SubscribeMessage, SubscribeSender } from '../../../backend/subscribe';
import type {
  ActAnswer,
  ExtensionApprover,
  NoticeLetter,
  OwnRequestPage,
  StaffRequestAnswer,
  SubmitRequestAnswer,
} from '../../../shared/api/requests';
import type { Result } from '../../../shared/errors';
import type { SubmissionInput } from '../../../shared/requests';
import { seedOrgan, startBackend, type Backend } from '../harness';

const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
const logs: string[] = [];

/** A sender standing in for WeChat: answers from `next` (ok by default) and keeps what it was given. */
const outbox: SubscribeMessage[] = [];
let next: SendResult[] = [];
const sender: SubscribeSender = async (m) => {
  outbox.push(m);
  return next.shift() ?? { ok: true };
};

beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b, '-notices');
});
afterAll(() => b.stop());
beforeEach(() => {
  outbox.length = 0;
  next = [];
});

/** `subscribe` null: a deployment with no sender. */
async function call(
  openid: string | null,
  action: string,
  payload: unknown,
  at: Date,
  subscribe: SubscribeSender | null = sender,
): Promise<Result<unknown>> {
  return requestsFunction(
    { action, payload },
    { db: b.db, openid, now: () => at, log: (l) => logs.push(l), ...(subscribe ? { subscribe } : {}) },
  );
}

async function ok<T>(
  openid: string | null,
  action: string,
  payload: unknown,
  at: Date,
  subscribe?: SubscribeSender,
): Promise<T> {
  const r = await call(openid, action, payload, at, subscribe);
  if (!r.ok) throw new Error(`requests.${action} failed: ${r.code} ${r.message}`);
  return r.data as T;
}

const PERSON = { name: '卓玛措', idNumber: '440304198001010017', phone: '13912345678' };
let tap = 0;

async function submitted(owner: string, at: Date): Promise<string> {
  const submission: SubmissionInput = {
    applicantType: 'natural',
    idType: 'idCard',
    ...PERSON,
    address: '青海省黄南州同仁市扎毛乡德吉村十二号',
    description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准和发放名单',
    deliveryForm: 'online',
    channel: 'online',
  };
  const { id } = await ok<SubmitRequestAnswer>(
    owner,
    'submit',
    { organId: o.organId, submission, idempotencyKey: `notice-tap-${++tap}` },
    at,
  );
  await act(id, { type: 'confirmReceipt' }, at);
  return id;
}

async function act(id: string, action: unknown, at: Date, subscribe?: SubscribeSender): Promise<ActAnswer> {
  const current = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, at);
  return ok<ActAnswer>(o.editor, 'act', { id, version: current.version, action }, at, subscribe);
}

async function notifications(requestId: string): Promise<Row[]> {
  return rows(await b.db.collection(COLLECTIONS.notifications).where({ requestId }).get());
}

describe('subscribe messages', () => {
  it('are sent after the change commits, with the values under the organ’s template keys and within WeChat’s limits', async () => {
    const id = await submitted('oCitizenS1', day('2026-03-02'));
    await ok('oCitizenS1', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    await b.ok(o.admin, 'organ', 'updateProfile', {
      patch: { noticeFields: { applicationNo: 'character_string2', status: 'phrase1', date: 'date4', note: 'thing5' } },
    });
    const answered = await act(
      id,
      { type: 'answer', outcome: 'withheldThirdParty', reason: '涉及第三方个人隐私' },
      day('2026-03-06'),
    );
    expect(answered.notified).toBe(true);
    expect(outbox).toHaveLength(1);
    const message = outbox[0];
    expect(message).toMatchObject({
      touser: 'oCitizenS1',
      template_id: 'tmpl-progress',
      page: `pages/request/track/index?id=${id}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
    expect(Object.keys(message?.data ?? {}).sort()).toEqual(['character_string2', 'date4', 'phrase1', 'thing5']);
    expect(message?.data.date4?.value).toBe('2026年3月6日');
    expect(message?.data.phrase1?.value).toBe('已答复');
    expect(message?.data.thing5?.value).toMatch(/^办理结果：/);
    expect(JSON.stringify(message)).not.toContain(PERSON.phone);
    expect(await notifications(id)).toMatchObject([{ state: 'sent', attempts: 1 }]);
  });

  it('values are cut to what each template key kind takes (thing 20, phrase 5, character_string ASCII ≤ 32)', () => {
    const row = {
      toOpenid: 'o',
      templateId: 't',
      page: 'p',
      data: {
        applicationNo: '扎毛2026-0001号',
        status: '已终止办理（逾期）',
        date: '2026-12-01',
        note: '办理结果：本机关不予公开，因涉及第三方合法权益且第三方不同意公开',
      },
    };
    const m = toSubscribeMessage(row, DEFAULT_NOTICE_FIELDS);
    expect(m.data).toEqual({
      character_string1: { value: '2026-0001' },
      phrase2: { value: '已终止办理' },
      date3: { value: '2026年12月1日' },
      thing4: { value: '办理结果：本机关不予公开，因涉及第三方…' },
    });
    expect([...(m.data.thing4?.value ?? '')]).toHaveLength(20);
  });

  it('a failed send keeps the message queued and the status change stands; the sweep sends it later', async () => {
    const id = await submitted('oCitizenS2', day('2026-03-02'));
    await ok('oCitizenS2', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    next = [{ ok: false, errcode: -1, errmsg: 'system busy' }];
    const r = await act(
      id,
      { type: 'requestCorrection', items: '请写明年度', correctBy: '2026-03-13' },
      day('2026-03-03'),
    );
    expect(r).toMatchObject({ status: 'correctionRequested', notified: true });
    expect(await notifications(id)).toMatchObject([{ state: 'pending', attempts: 1, lastError: { errcode: -1 } }]);
    expect(logs.join('\n')).toContain('not sent: errcode -1');
    const swept = await sweepRequests(b.db, { subscribe: sender, log: (l) => logs.push(l) }, day('2026-03-04'));
    expect(swept.notices.sent).toBeGreaterThanOrEqual(1);
    expect(await notifications(id)).toMatchObject([{ state: 'sent', attempts: 2 }]);
    expect(outbox.filter((m) => m.page.endsWith(id))).toHaveLength(2);
  });

  it('a refusal no retry can mend (43101: not subscribed) fails at once; repeated errors stop after the last attempt', async () => {
    const id = await submitted('oCitizenS3', day('2026-03-02'));
    await ok('oCitizenS3', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    await ok('oCitizenS3', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    next = [{ ok: false, errcode: 43101, errmsg: 'user refuse to accept the msg' }];
    await act(
      id,
      { type: 'extend', workdays: 5, approverId: (await approvers())[0]?.id, reason: '需调取档案' },
      day('2026-03-20'),
    );
    expect(await notifications(id)).toMatchObject([{ state: 'failed', attempts: 1, lastError: { errcode: 43101 } }]);
    const failing: SubscribeSender = async () => ({
      ok: false,
      errcode: 45009,
      errmsg: 'reach max api daily quota limit',
    });
    await act(
      id,
      { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本，通过小程序提供' },
      day('2026-03-23'),
      failing,
    );
    for (let i = 0; i < MAX_ATTEMPTS + 1; i += 1)
      await sweepRequests(b.db, { subscribe: failing, log: () => undefined }, day('2026-03-24'));
    const answer = (await notifications(id)).find((n) => n.action === 'answer');
    expect(answer).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS });
  });

  it('without a sender (a deployment that cannot send) the message waits in the queue', async () => {
    const id = await submitted('oCitizenS4', day('2026-03-02'));
    await ok('oCitizenS4', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    const r = await call(
      o.editor,
      'act',
      { id, version: 2, action: { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本，通过小程序提供' } },
      day('2026-03-05'),
      null,
    );
    expect(r).toMatchObject({ ok: true, data: { notified: true } });
    expect(await notifications(id)).toMatchObject([{ state: 'pending', attempts: 0 }]);
    expect(outbox).toHaveLength(0);
  });
});

describe('the daily sweep', () => {
  it('closes a request whose 补正 deadline lapsed as otherNoCorrection, with its letter, audit entry and message — not a day early', async () => {
    const id = await submitted('oCitizenW1', day('2026-03-02'));
    await ok('oCitizenW1', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    await ok('oCitizenW1', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' }, day('2026-03-02'));
    await act(
      id,
      { type: 'requestCorrection', items: '请写明所需信息的年度', correctBy: '2026-03-13' },
      day('2026-03-03'),
    );
    expect((await sweepRequests(b.db, { subscribe: sender, log: () => undefined }, day('2026-03-13', 23))).closed).toBe(
      0,
    );
    const before = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-14'));
    expect(before.status).toBe('correctionRequested');
    const swept = await sweepRequests(b.db, { subscribe: sender, log: () => undefined }, day('2026-03-16', 0));
    expect(swept.closed).toBeGreaterThanOrEqual(1);
    const after = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-16'));
    expect(after).toMatchObject({
      status: 'closed',
      outcome: 'otherNoCorrection',
      answeredDate: '2026-03-14',
      version: before.version + 1,
    });
    expect(after.letter?.text).toContain(after.applicationNo);
    const audit = rows(
      await b.db.collection(COLLECTIONS.audit).where({ target: id, action: 'requests.sweep.act.close' }).get(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ openid: null, organId: o.organId });
    expect((await notifications(id)).map((n) => n.action)).toEqual(['requestCorrection', 'close']);
    // Once closed there is nothing more to close.
    expect((await sweepRequests(b.db, { subscribe: sender, log: () => undefined }, day('2026-03-17'))).closed).toBe(0);
  });

  it('closes an unpaid fee after 20 working days as otherFeeUnpaid; a paid one stays open', async () => {
    const unpaid = await submitted('oCitizenW2', day('2026-04-01'));
    const paid = await submitted('oCitizenW3', day('2026-04-01'));
    const fee = {
      type: 'noticeFee',
      feeBasis: {
        method: 'count',
        nthThisMonth: 12,
        splitReason: '一份申请含十二个互不相关的事项，按一事一申请拆分计件',
      },
      amountYuan: 100,
    };
    await act(unpaid, fee, day('2026-04-02'));
    await act(paid, fee, day('2026-04-02'));
    await act(paid, { type: 'payFee' }, day('2026-04-10'));
    await sweepRequests(b.db, { subscribe: sender, log: () => undefined }, day('2026-06-01'));
    const u = await ok<StaffRequestAnswer>(o.editor, 'get', { id: unpaid }, day('2026-06-01'));
    const p = await ok<StaffRequestAnswer>(o.editor, 'get', { id: paid }, day('2026-06-01'));
    expect(u).toMatchObject({ status: 'closed', outcome: 'otherFeeUnpaid' });
    expect(p.status).not.toBe('closed');
  });
});

async function approvers(): Promise<ExtensionApprover[]> {
  return ok<ExtensionApprover[]>(o.editor, 'approvers', {}, day('2026-03-02'));
}

describe('extension approver (条例 第三十三条)', () => {
  it('defaults to the organ’s 分管领导; anyone else is refused with the field named and nothing changes', async () => {
    const list = await approvers();
    expect(list.map((a) => a.roleLabel)).toEqual(['分管领导']);
    const id = await submitted('oCitizenE1', day('2026-03-02'));
    const current = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-20'));
    const refused = await call(
      o.editor,
      'act',
      {
        id,
        version: current.version,
        action: { type: 'extend', workdays: 10, approverId: 'someone-else', reason: '需调取档案' },
      },
      day('2026-03-20'),
    );
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'action.approverId' }] });
    if (!refused.ok) expect(refused.message).toContain('EXTENSION_APPROVER');
    expect((await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-20'))).version).toBe(current.version);
    const done = await act(
      id,
      { type: 'extend', workdays: 10, approverId: list[0]?.id, reason: '需调取档案' },
      day('2026-03-20'),
    );
    expect(done.status).toBe('extended');
  });

  it('follows the organ’s own setting when it names its approvers', async () => {
    const staff = await b.ok<{ id: string; role: string }[]>(o.admin, 'organ', 'listStaff', {});
    const leader = staff.find((s) => s.role === 'leader');
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { extensionApprovers: [leader?.id] } });
    expect((await approvers()).map((a) => a.id)).toEqual([leader?.id]);
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { extensionApprovers: [] } });
  });
});

describe('notices read back', () => {
  it('staff get the latest 补正/延期/收费 notice; the applicant sees them masked; none yet is a clear miss', async () => {
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { feePayment: '扎毛乡财政所窗口现金缴纳' } });
    const id = await submitted('oCitizenN1', day('2026-03-02'));
    const none = await call(o.editor, 'letter', { id, notice: 'fee' }, day('2026-03-03'));
    expect(none).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await act(
      id,
      { type: 'requestCorrection', items: `请核对申请人${PERSON.name}的联系电话`, correctBy: '2026-03-13' },
      day('2026-03-03'),
    );
    await act(id, { type: 'receiveCorrection' }, day('2026-03-05'));
    await act(
      id,
      {
        type: 'noticeFee',
        feeBasis: {
          method: 'count',
          nthThisMonth: 12,
          splitReason: '一份申请含十二个互不相关的事项，按一事一申请拆分计件',
        },
        amountYuan: 100,
      },
      day('2026-03-06'),
    );
    const correction = await ok<NoticeLetter>(o.editor, 'letter', { id, notice: 'correction' }, day('2026-03-06'));
    expect(correction).toMatchObject({ kind: 'correction', date: '2026-03-03', title: '补正告知书' });
    expect(correction.text).toContain(`${PERSON.name}：`);
    const fee = await ok<NoticeLetter>(o.editor, 'letter', { id, notice: 'fee' }, day('2026-03-06'));
    expect(fee.text).toContain('扎毛乡财政所窗口现金缴纳');
    const mine = await ok<OwnRequestPage>('oCitizenN1', 'mine', {}, day('2026-03-06'));
    const own = mine.list.find((r) => r.id === id);
    expect(own?.notices.map((n) => n.kind)).toEqual(['correction', 'fee']);
    expect(JSON.stringify(own?.notices)).not.toContain(PERSON.name);
    const both = await call(o.editor, 'letter', { id, notice: 'fee', outcome: 'disclosed' }, day('2026-03-06'));
    expect(both).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'notice' }] });
  });

  it('reads a fee notice stored before its basis was named feeBasis (the stored action kept `basis`)', async () => {
    const id = await submitted('oCitizenN2', day('2026-03-02'));
    const feeBasis = { method: 'count', nthThisMonth: 12, splitReason: '一份申请含十二个互不相关的事项' };
    await act(id, { type: 'noticeFee', feeBasis, amountYuan: 100 }, day('2026-03-03'));
    const fresh = await ok<NoticeLetter>(o.editor, 'letter', { id, notice: 'fee' }, day('2026-03-03'));
    // The document as an older version stored it: the fee notice's action with `basis`.
    const requests = b.db.collection(COLLECTIONS.requests);
    const stored = rows(await requests.where({ _id: id }).get())[0];
    const history = (stored?.history as Row[]).map((h) => {
      const { feeBasis: moved, ...action } = h.action as Row;
      return moved === undefined ? h : { ...h, action: { ...action, basis: moved } };
    });
    expect(JSON.stringify(history)).toContain('"basis":{"method":"count"');
    await requests.doc(id).update({ history });
    const old = await ok<NoticeLetter>(o.editor, 'letter', { id, notice: 'fee' }, day('2026-03-03'));
    expect(old).toEqual(fresh);
    expect(old.text).toContain('第 12 件申请');
    // The next step reads it too, and its write stores the new name.
    await act(id, { type: 'payFee' }, day('2026-03-04'));
    const after = rows(await requests.where({ _id: id }).get())[0];
    const fee = (after?.history as Row[]).map((h) => h.action as Row).find((a) => a.type === 'noticeFee');
    expect(fee).toMatchObject({ feeBasis });
    expect(fee).not.toHaveProperty('basis');
  });
});
