/**
 * Reminders to staff (organ.grantReminder, backend/notices/staff.ts) through the real functions, the SDK and the
 * local server, with a fake sender standing in for WeChat: who is told of an item's, a report's and a request's
 * move, only with an unused grant (used up by the message), the sweep's deadline reminder once a day, a wrong
 * template refused, and no applicant's personal data in any message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../../backend/collections';
import { FUNCTION_HANDLERS } from '../../../backend/functions';
import { STAFF_PAGES } from '../../../backend/notices/staff';
import { noticeFieldsOf } from '../../../backend/notices/outbox';
import { sweepRequests } from '../../../backend/requests';
import { rows, type Row } from '../../../backend/sdk';
import type { SubscribeMessage, SubscribeSender } from '../../../backend/subscribe';
import type { FunctionName } from '../../../shared/api';
import {
  DEFAULT_NOTICE_FIELDS,
  DEFAULT_REMINDER_FIELDS,
  type ReminderCounts,
  type StaffPurpose,
} from '../../../shared/api/organ';
import type { SubmitRequestAnswer } from '../../../shared/api/requests';
import type { Result } from '../../../shared/errors';
import type { SubmissionInput } from '../../../shared/requests';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from '../harness';

const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

const TEMPLATES: Record<StaffPurpose, string> = {
  approvalNeeded: 'tmpl-approval',
  itemReturned: 'tmpl-returned',
  itemPublished: 'tmpl-published',
  requestReceived: 'tmpl-received',
  deadlineNear: 'tmpl-deadline',
};

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;

/** What the fake WeChat was asked to send. */
const outbox: SubscribeMessage[] = [];
const sender: SubscribeSender = async (m) => {
  outbox.push(m);
  return { ok: true };
};

beforeAll(async () => {
  b = await startBackend();
  o = await withTemplates(await seedOrgan(b, '-reminders'));
});
afterAll(() => b.stop());
beforeEach(() => {
  outbox.length = 0;
});

async function withTemplates<T extends { admin: string }>(organ: T): Promise<T> {
  await b.ok(organ.admin, 'organ', 'updateProfile', { patch: { templateIds: TEMPLATES } });
  return organ;
}

async function call(
  openid: string | null,
  fn: FunctionName,
  action: string,
  payload: unknown,
  at = day('2026-03-02'),
): Promise<Result<unknown>> {
  const handler = FUNCTION_HANDLERS[fn];
  if (!handler) throw new Error(`no function ${fn}`);
  return handler({ action, payload }, { db: b.db, openid, now: () => at, log: () => undefined, subscribe: sender });
}

async function ok<T = Row>(
  openid: string | null,
  fn: FunctionName,
  action: string,
  payload: unknown,
  at?: Date,
): Promise<T> {
  const r = await call(openid, fn, action, payload, at);
  if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.code} ${r.message}`);
  return r.data as T;
}

const grant = (openid: string, purpose: StaffPurpose) =>
  ok<ReminderCounts>(openid, 'organ', 'grantReminder', { purpose, templateId: TEMPLATES[purpose] });
const counts = (openid: string) => ok<ReminderCounts>(openid, 'organ', 'reminders', {});

async function submittedItem(title: string): Promise<string> {
  const { id } = await ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(title) });
  await ok(o.editor, 'items', 'submit', { id });
  return id;
}

const PERSON = {
  name: '卓玛措',
  idNumber: '440304198001010017',
  phone: '13912345678',
  address: '青海省黄南州同仁市扎毛乡德吉村十二号',
};
let tap = 0;

async function citizenSubmits(organId: string, at: Date): Promise<SubmitRequestAnswer> {
  const submission: SubmissionInput = {
    applicantType: 'natural',
    idType: 'idCard',
    ...PERSON,
    description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准',
    deliveryForm: 'online',
    channel: 'online',
  };
  return ok<SubmitRequestAnswer>(
    `oCitizenR${++tap}`,
    'requests',
    'submit',
    { organId, submission, idempotencyKey: `reminder-tap-${tap}` },
    at,
  );
}

function expectNoPersonalData(messages: readonly SubscribeMessage[]): void {
  const text = JSON.stringify(messages);
  for (const value of Object.values(PERSON)) expect(text).not.toContain(value);
}

describe('grants', () => {
  it('are stored per purpose for the organ’s template and counted for the caller', async () => {
    expect(await counts(o.leader)).toEqual({
      approvalNeeded: 0,
      itemReturned: 0,
      itemPublished: 0,
      requestReceived: 0,
      deadlineNear: 0,
    });
    expect(await grant(o.leader, 'approvalNeeded')).toMatchObject({ approvalNeeded: 1 });
    expect(await grant(o.leader, 'approvalNeeded')).toMatchObject({ approvalNeeded: 2 });
    expect(await counts(o.leader)).toMatchObject({ approvalNeeded: 2, itemReturned: 0 });
    const stored = rows(await b.db.collection(COLLECTIONS.reminderGrants).where({ openid: o.leader }).get());
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({
      openid: o.leader,
      organId: o.organId,
      purpose: 'approvalNeeded',
      templateId: 'tmpl-approval',
      used: false,
    });
    expect(stored[0]?.grantedAt).toBeInstanceOf(Date);
    // Used up below by the item's approval; reset for the tests that follow.
    for (const g of stored) await b.db.collection(COLLECTIONS.reminderGrants).doc(String(g._id)).remove();
  });

  it('refuses a template id that is not the organ’s for that purpose, and stores nothing', async () => {
    const before = rows(await b.db.collection(COLLECTIONS.reminderGrants).where({ openid: o.reviewer }).get()).length;
    for (const payload of [
      { purpose: 'approvalNeeded', templateId: 'tmpl-someone-else' },
      { purpose: 'approvalNeeded', templateId: TEMPLATES.deadlineNear },
    ]) {
      const r = await call(o.reviewer, 'organ', 'grantReminder', payload);
      expect(r).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'templateId' }] });
    }
    expect(rows(await b.db.collection(COLLECTIONS.reminderGrants).where({ openid: o.reviewer }).get())).toHaveLength(
      before,
    );
    expect(
      await call('oNotStaff', 'organ', 'grantReminder', {
        purpose: 'approvalNeeded',
        templateId: TEMPLATES.approvalNeeded,
      }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      await call(o.reviewer, 'organ', 'grantReminder', { purpose: 'requestAnswered', templateId: 'x' }),
    ).toMatchObject({ ok: false, code: 'VALIDATION' });
  });
});

describe('items', () => {
  it('the reviewer with a grant is told when an item is submitted (opening the approval page); the grant is used up', async () => {
    await grant(o.reviewer, 'approvalNeeded');
    const id = await submittedItem('关于春耕备耕的通知');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      touser: o.reviewer,
      template_id: 'tmpl-approval',
      page: `staff/pages/approve/index?id=${id}`,
    });
    // The default keys lead with a thing: the Chinese title survives (a character_string would drop it).
    expect(outbox[0]?.data).toMatchObject({
      thing1: { value: '关于春耕备耕的通知' },
      phrase2: { value: '待审批' },
      date3: { value: '2026年3月2日' },
    });
    expect(await counts(o.reviewer)).toMatchObject({ approvalNeeded: 0 });
    const queued = rows(await b.db.collection(COLLECTIONS.notifications).where({ itemId: id }).get());
    expect(queued).toMatchObject([
      { state: 'sent', purpose: 'approvalNeeded', toOpenid: o.reviewer, data: { title: '关于春耕备耕的通知' } },
    ]);

    // No grant left: the next submission tells nobody, and is not refused for it.
    const second = await submittedItem('关于防汛的通知');
    expect(outbox).toHaveLength(1);
    expect(rows(await b.db.collection(COLLECTIONS.notifications).where({ itemId: second }).get())).toHaveLength(0);
  });

  it('the leader is told once the reviewer approved; the editor when it is published or sent back', async () => {
    await grant(o.leader, 'approvalNeeded');
    await grant(o.editor, 'itemPublished');
    await grant(o.editor, 'itemReturned');
    const id = await submittedItem('关于草原补奖的公示');
    await ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
    expect(outbox.map((m) => [m.touser, m.template_id, m.page])).toEqual([
      [o.leader, 'tmpl-approval', `staff/pages/approve/index?id=${id}`],
    ]);
    await ok(o.leader, 'items', 'approve', { id });
    expect(outbox[1]).toMatchObject({
      touser: o.editor,
      template_id: 'tmpl-published',
      page: `staff/pages/item-edit/index?id=${id}`,
    });
    expect(outbox[1]?.data.phrase2?.value).toBe('已发布');

    const returned = await submittedItem('关于村务的通知');
    await ok(o.reviewer, 'items', 'reject', { id: returned, comment: '附件缺少盖章页' });
    expect(outbox[2]).toMatchObject({
      touser: o.editor,
      template_id: 'tmpl-returned',
      page: `staff/pages/item-edit/index?id=${returned}`,
    });
    expect(outbox[2]?.data).toMatchObject({
      phrase2: { value: '已退回' },
      thing4: { value: '退回理由：附件缺少盖章页' },
    });
    expect(outbox).toHaveLength(3);
    expect(await counts(o.editor)).toMatchObject({ itemPublished: 0, itemReturned: 0 });
  });

  it('maps the values to the organ’s keys for that purpose (templateFields)', async () => {
    const fields = { applicationNo: 'thing1', status: 'phrase3', date: 'time2', note: 'thing5' };
    await ok(o.admin, 'organ', 'updateProfile', { patch: { templateFields: { approvalNeeded: fields } } });
    try {
      await grant(o.reviewer, 'approvalNeeded');
      await submittedItem('关于做好2026年春季草原防火和森林防火工作的通知');
      expect(Object.keys(outbox[0]?.data ?? {}).sort()).toEqual(['phrase3', 'thing1', 'thing5', 'time2']);
      // A thing takes 20 characters: the title is cut and shows it.
      expect(outbox[0]?.data.thing1?.value).toBe('关于做好2026年春季草原防火和森林防…');
      expect([...(outbox[0]?.data.thing1?.value ?? '')]).toHaveLength(20);
    } finally {
      await ok(o.admin, 'organ', 'updateProfile', { patch: { templateFields: {} } });
    }
    expect(await ok(o.admin, 'organ', 'settings', {})).not.toHaveProperty('templateFields');
  });

  it('an applicant’s progress keeps the organ’s noticeFields unless templateFields names requestAnswered', () => {
    const noticeFields = { applicationNo: 'character_string2', status: 'phrase1', date: 'date4', note: 'thing5' };
    const answered = { applicationNo: 'character_string9', status: 'phrase8', date: 'date7', note: 'thing6' };
    expect(noticeFieldsOf({ noticeFields }, undefined)).toEqual(noticeFields);
    expect(noticeFieldsOf({ noticeFields, templateFields: { approvalNeeded: answered } }, 'approvalNeeded')).toEqual(
      answered,
    );
    expect(noticeFieldsOf({ noticeFields }, 'deadlineNear')).toEqual(DEFAULT_REMINDER_FIELDS);
    expect(noticeFieldsOf({}, undefined)).toEqual(DEFAULT_NOTICE_FIELDS);
    expect(noticeFieldsOf({ noticeFields, templateFields: { requestAnswered: answered } }, undefined)).toEqual(
      answered,
    );
  });
});

describe('reports', () => {
  it('the reviewer is told when the report is submitted, opening the report builder', async () => {
    await grant(o.reviewer, 'approvalNeeded');
    await ok(o.editor, 'reports', 'submit', { year: 2025 });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      touser: o.reviewer,
      template_id: 'tmpl-approval',
      page: 'staff/pages/report/index?year=2025',
    });
    expect(outbox[0]?.data.thing1?.value).toBe('2025年度报告');
  });
});

describe('requests', () => {
  it('a citizen’s online submission reaches the editor, by 申请编号 only', async () => {
    await grant(o.editor, 'requestReceived');
    const { id, applicationNo } = await citizenSubmits(o.organId, day('2026-03-02'));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      touser: o.editor,
      template_id: 'tmpl-received',
      page: `staff/pages/request/index?id=${id}`,
    });
    const queued = rows(
      await b.db.collection(COLLECTIONS.notifications).where({ requestId: id, purpose: 'requestReceived' }).get(),
    );
    expect(queued).toMatchObject([{ data: { title: applicationNo, status: '待确认受理' } }]);
    expectNoPersonalData(outbox);
  });

  it('the sweep reminds the editor of a request at risk or overdue once a day', async () => {
    const organ = await withTemplates(await seedOrgan(b, '-reminders-sweep'));
    const { id } = await citizenSubmits(organ.organId, day('2026-03-02'));
    const version = (await ok<{ version: number }>(organ.editor, 'requests', 'get', { id })).version;
    await ok(organ.editor, 'requests', 'act', { id, version, action: { type: 'confirmReceipt' } }, day('2026-03-02'));
    await ok(organ.editor, 'organ', 'grantReminder', { purpose: 'deadlineNear', templateId: TEMPLATES.deadlineNear });
    await ok(organ.editor, 'organ', 'grantReminder', { purpose: 'deadlineNear', templateId: TEMPLATES.deadlineNear });
    const services = { subscribe: sender, log: () => undefined };
    const mine = () => outbox.filter((m) => m.page === `staff/pages/request/index?id=${id}`);

    // Well before the due date: nothing.
    await sweepRequests(b.db, services, day('2026-03-05', 2));
    expect(mine()).toHaveLength(0);

    await sweepRequests(b.db, services, day('2026-04-08', 2));
    expect(mine()).toHaveLength(1);
    expect(mine()[0]).toMatchObject({ touser: organ.editor, template_id: 'tmpl-deadline' });
    expect(mine()[0]?.data.phrase2?.value).toBe('已逾期');
    // A second sweep the same day sends nothing more, though a grant is left.
    await sweepRequests(b.db, services, day('2026-04-08', 14));
    expect(mine()).toHaveLength(1);
    expect(await ok(organ.editor, 'organ', 'reminders', {})).toMatchObject({ deadlineNear: 1 });
    // The next day, again.
    const next = await sweepRequests(b.db, services, day('2026-04-09', 2));
    expect(next.reminded).toBe(1);
    expect(mine()).toHaveLength(2);
    expectNoPersonalData(outbox);
  });
});

describe('the pages messages open', () => {
  it('are pages of the mini program (app.json), so a tap on a message never lands nowhere', () => {
    const app = JSON.parse(readFileSync(path.join(__dirname, '../../../miniprogram/app.json'), 'utf8')) as {
      pages: string[];
      subpackages: { root: string; pages: string[] }[];
    };
    const pages = new Set([...app.pages, ...app.subpackages.flatMap((p) => p.pages.map((page) => `${p.root}${page}`))]);
    const opened = [
      STAFF_PAGES.approve('x'),
      STAFF_PAGES.edit('x'),
      STAFF_PAGES.report(2025),
      STAFF_PAGES.request('x'),
      'pages/request/track/index?id=x',
    ];
    for (const page of opened) expect(pages).toContain(page.split('?')[0]);
  });
});
