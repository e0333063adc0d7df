/**
 * The requests function through the real SDK and the local server: citizen submission with 申请编号 and 查询码,
 * tracking with its rate limit, ownership, privacy of every answer and of the audit log, the staff desk with
 * due dates, actions with optimistic concurrency, letters and subscribe-message notifications.
 * `now` is fixed per call (Monday 2026-03-02 in Shanghai unless a test moves it).
 */
import { hashOf } from '../../../backend/audit';
import { COLLECTIONS } from '../../../backend/collections';
import { requestsFunction } from '../../../backend/requests';
import { TRACK_LIMIT, TRACK_MISS } from '../../../backend/requests/track';
import { num, one, rows, type Row } from '../../../backend/sdk';
import type {
  ActAnswer,
  ExtensionApprover,
  OwnRequestPage,
  RequestPage,
  StaffRequestAnswer,
  SubmitRequestAnswer,
  TrackAnswer,
} from '../../../shared/api/requests';
import { createCalendar } from '../../../shared/calendar';
import type { Result } from '../../../shared/errors';
import { QUERY_CODE_ALPHABET, type SubmissionInput } from '../../../shared/requests';
import { seedOrgan, startBackend, type Backend } from '../harness';

const T0 = new Date('2026-03-02T09:00:00+08:00');
const TODAY = '2026-03-02';
const cal = createCalendar();

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
let other: Awaited<ReturnType<typeof seedOrgan>>;
const logs: string[] = [];
/** Every answer given to someone who is neither the owner nor staff of the organ, for the privacy scan. */
const outsiderAnswers: unknown[] = [];

beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
  other = await seedOrgan(b, '-other');
});
afterAll(() => b.stop());

async function call(openid: string | null, action: string, payload: unknown, at: Date = T0): Promise<Result<unknown>> {
  return requestsFunction({ action, payload }, { db: b.db, openid, now: () => at, log: (l) => logs.push(l) });
}

async function ok<T>(openid: string | null, action: string, payload: unknown, at: Date = T0): Promise<T> {
  const r = await call(openid, action, payload, at);
  if (!r.ok) throw new Error(`requests.${action} failed: ${r.code} ${r.message}`);
  return r.data as T;
}

/** A call by an outsider: the answer is kept for the privacy scan. */
async function outsider(
  openid: string | null,
  action: string,
  payload: unknown,
  at: Date = T0,
): Promise<Result<unknown>> {
  const r = await call(openid, action, payload, at);
  outsiderAnswers.push(r);
  return r;
}

const PERSON = {
  idNumber: '440304198001010017',
  phone: '13912345678',
  address: '青海省黄南州同仁市扎毛乡德吉村十二号',
} as const;

function submission(extra: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    applicantType: 'natural',
    name: '卓玛措',
    idType: 'idCard',
    idNumber: PERSON.idNumber,
    phone: PERSON.phone,
    address: PERSON.address,
    description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准和发放名单',
    deliveryForm: 'online',
    channel: 'online',
    ...extra,
  };
}

let tap = 0;
const newKey = () => `tap-${String(++tap).padStart(6, '0')}`;

async function submit(openid: string, extra: Partial<SubmissionInput> = {}): Promise<SubmitRequestAnswer> {
  return ok<SubmitRequestAnswer>(openid, 'submit', {
    organId: o.organId,
    submission: submission(extra),
    idempotencyKey: newKey(),
  });
}

async function act(
  staff: string,
  id: string,
  action: unknown,
  at: Date = T0,
  extra: Record<string, unknown> = {},
): Promise<ActAnswer> {
  const current = await ok<StaffRequestAnswer>(staff, 'get', { id }, at);
  return ok<ActAnswer>(staff, 'act', { id, version: current.version, action, ...extra }, at);
}

const count = async (collection: string, where: object = {}) =>
  num(await b.db.collection(collection).where(where).count(), 'total');
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00+08:00`);

describe('requests: citizen submission', () => {
  it('stores the request with a 申请编号 and a 查询码 shown once (only its hash is kept); the OPENID owns it', async () => {
    const answer = await submit('oCitizenA');
    expect(answer.applicationNo).toMatch(/^2026-\d{4}$/);
    expect(answer.queryCode).toHaveLength(10);
    expect([...(answer.queryCode ?? '')].every((c) => QUERY_CODE_ALPHABET.includes(c))).toBe(true);
    expect(answer).toMatchObject({ status: 'submitted', repeated: false, deadline: null });
    const stored = one(await b.db.collection(COLLECTIONS.requests).doc(answer.id).get());
    expect(stored).toMatchObject({
      organId: o.organId,
      ownerOpenid: 'oCitizenA',
      status: 'submitted',
      version: 1,
      submittedDate: TODAY,
      receivedDate: null,
    });
    expect(JSON.stringify(stored)).not.toContain(answer.queryCode ?? '-');
    expect(stored?.queryCodeHash).toMatch(/^[0-9a-f]{64}$/);
    const mine = await ok<OwnRequestPage>('oCitizenA', 'mine', {});
    expect(mine.list.map((r) => r.applicationNo)).toEqual([answer.applicationNo]);
    expect(mine.list[0]?.applicant).toMatchObject({
      idNumber: '440***********0017',
      phone: '139****5678',
      name: '卓**',
    });
  });

  it('a double tap with one idempotency key makes ONE request; the next submission takes the next number', async () => {
    const idempotencyKey = newKey();
    const payload = { organId: o.organId, submission: submission(), idempotencyKey };
    const [x, y] = await Promise.all([call('oCitizenB', 'submit', payload), call('oCitizenB', 'submit', payload)]);
    expect(x.ok && y.ok).toBe(true);
    if (!x.ok || !y.ok) return;
    const [first, second] = [x.data as SubmitRequestAnswer, y.data as SubmitRequestAnswer];
    expect(first.id).toBe(second.id);
    expect(first.applicationNo).toBe(second.applicationNo);
    expect([first.queryCode, second.queryCode].filter((c) => c !== null)).toHaveLength(1);
    const again = await ok<SubmitRequestAnswer>('oCitizenB', 'submit', payload);
    expect(again).toMatchObject({ id: first.id, repeated: true, queryCode: null });
    expect(await count(COLLECTIONS.requests, { ownerOpenid: 'oCitizenB' })).toBe(1);
    expect(await count(COLLECTIONS.audit, { action: 'requests.submit', target: first.id })).toBe(1);
    const next = await submit('oCitizenB');
    expect(Number(next.applicationNo.slice(5))).toBe(Number(first.applicationNo.slice(5)) + 1);
  });

  it('refuses a bad form with named fields, without echoing what was typed, and writes nothing', async () => {
    const before = await count(COLLECTIONS.requests);
    const r = await outsider('oCitizenC', 'submit', {
      organId: o.organId,
      submission: submission({ idNumber: '440304198001010018', phone: '12345' }),
      idempotencyKey: newKey(),
    });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.fieldErrors?.map((e) => e.path).sort()).toEqual(['submission.idNumber', 'submission.phone']);
    expect(JSON.stringify(r)).not.toContain('440304198001010018');
    expect(
      await outsider(null, 'submit', { organId: o.organId, submission: submission(), idempotencyKey: newKey() }),
    ).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(
      await outsider('oCitizenC', 'submit', {
        organId: 'no-such-organ',
        submission: submission(),
        idempotencyKey: newKey(),
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await count(COLLECTIONS.requests)).toBe(before);
  });
});

describe('requests: tracking with the 查询码', () => {
  it('the right phone digits show the masked applicant view; wrong digits and unknown codes get the same NOT_FOUND', async () => {
    const { queryCode, applicationNo } = await submit('oCitizenD');
    const code = queryCode ?? '';
    const seen = await ok<TrackAnswer>('oPasserby', 'track', {
      queryCode: `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`,
      phoneLast4: '5678',
    });
    outsiderAnswers.push(seen);
    expect(seen).toMatchObject({
      view: 'applicant',
      applicationNo,
      status: 'submitted',
      applicant: { idNumber: '440***********0017', phone: '139****5678', name: '卓**' },
    });
    const wrong = await outsider('oPasserby2', 'track', { queryCode: code, phoneLast4: '5679' });
    const unknown = await outsider('oPasserby3', 'track', { queryCode: 'ABCDEFGHJK', phoneLast4: '5678' });
    expect(wrong).toEqual({ ok: false, code: 'NOT_FOUND', message: TRACK_MISS });
    expect(unknown).toEqual(wrong);
    // The printed 申请编号 shows status and dates only.
    const byNo = await ok<TrackAnswer>(null, 'track', { organId: o.organId, applicationNo, phoneLast4: '5678' });
    outsiderAnswers.push(byNo);
    expect(byNo).toMatchObject({ view: 'public', applicationNo, status: 'submitted' });
    expect(byNo).not.toHaveProperty('applicant');
    expect(await outsider(null, 'track', { organId: other.organId, applicationNo, phoneLast4: '5678' })).toEqual(wrong);
    expect(await outsider(null, 'track', { phoneLast4: '5678' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'queryCode' }],
    });
  });

  it(`rate limits: ${TRACK_LIMIT.failures} failed lookups per ${TRACK_LIMIT.windowMs / 60_000} minutes per OPENID, then RATE_LIMITED even with the right digits`, async () => {
    const { queryCode } = await submit('oCitizenE', { phone: '13800001111' });
    const code = queryCode ?? '';
    for (let i = 0; i < TRACK_LIMIT.failures; i++) {
      expect(
        await outsider('oGuesser', 'track', {
          queryCode: `ZZZZZZZZ${QUERY_CODE_ALPHABET[i] ?? '2'}2`,
          phoneLast4: '0000',
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await outsider('oGuesser', 'track', { queryCode: code, phoneLast4: '1111' })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
    // Another OPENID is not held up; the guesser is, until the window has passed.
    expect(await ok<TrackAnswer>('oCitizenE', 'track', { queryCode: code, phoneLast4: '1111' })).toMatchObject({
      view: 'applicant',
    });
    const later = new Date(T0.getTime() + TRACK_LIMIT.windowMs + 60_000);
    expect(await ok<TrackAnswer>('oGuesser', 'track', { queryCode: code, phoneLast4: '1111' }, later)).toMatchObject({
      view: 'applicant',
    });
    // A successful lookup does not count as a failure.
    for (let i = 0; i < TRACK_LIMIT.failures + 2; i++)
      await ok('oCitizenE', 'track', { queryCode: code, phoneLast4: '1111' });
  });

  it('rate limits per target too: many OPENIDs guessing the phone digits of one code are stopped', async () => {
    const { queryCode } = await submit('oCitizenF', { phone: '13800002222' });
    const code = queryCode ?? '';
    for (let i = 0; i < TRACK_LIMIT.failures; i++) {
      expect(await outsider(`oSwarm${i}`, 'track', { queryCode: code, phoneLast4: String(1000 + i) })).toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    expect(await outsider('oSwarmLast', 'track', { queryCode: code, phoneLast4: '2222' })).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });

  it('parallel guesses from one OPENID: at most the limit get an answer', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        outsider('oParallel', 'track', { queryCode: `YYYYYYYY${QUERY_CODE_ALPHABET[i] ?? '2'}3`, phoneLast4: '0000' }),
      ),
    );
    expect(results.filter((r) => !r.ok && r.code === 'NOT_FOUND').length).toBeLessThanOrEqual(TRACK_LIMIT.failures);
    expect(results.filter((r) => !r.ok && r.code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(
      12 - TRACK_LIMIT.failures,
    );
  });
});

describe('requests: nobody else reads a request', () => {
  it('another OPENID gets the same NOT_FOUND for a real id as for an unknown one; citizens cannot use the desk', async () => {
    const { id } = await submit('oOwner');
    const miss = await outsider('oIntruder', 'view', { id: 'no-such-request' });
    expect(miss).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await outsider('oIntruder', 'view', { id })).toEqual(miss);
    expect(await outsider('oIntruder', 'grantNotice', { requestId: id, templateId: 'tmpl-1' })).toEqual(miss);
    expect(await outsider('oIntruder', 'get', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await outsider(null, 'view', { id })).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    // Staff of another organ: the same miss as for an unknown id.
    const foreign = await outsider(other.editor, 'get', { id });
    expect(foreign).toEqual(await outsider(other.editor, 'get', { id: 'no-such-request' }));
    expect(foreign).toMatchObject({ code: 'NOT_FOUND' });
    expect(await outsider(other.editor, 'act', { id, version: 1, action: { type: 'confirmReceipt' } })).toEqual(
      foreign,
    );
    expect((await ok<OwnRequestPage>('oIntruder', 'mine', {})).total).toBe(0);
    expect(await ok('oOwner', 'view', { id })).toMatchObject({ id, status: 'submitted' });
  });
});

describe('requests: the staff desk', () => {
  it('the citizen’s request appears in the staff list, then with its due date once receipt is confirmed', async () => {
    const submitted = await submit('oCitizenList', { name: '才让吉' });
    const before = await ok<RequestPage>(o.editor, 'list', { status: 'submitted', pageSize: 50 });
    const row = before.list.find((r) => r.id === submitted.id);
    expect(row).toMatchObject({
      applicationNo: submitted.applicationNo,
      status: 'submitted',
      deadline: null,
      applicantName: '才**',
      channelLabel: '网上申请',
    });
    const confirmed = await act(o.editor, submitted.id, { type: 'confirmReceipt' });
    const due = cal.addWorkdays(TODAY, 20).date;
    expect(due).toBe('2026-03-30');
    expect(confirmed).toMatchObject({ status: 'received', version: 2, deadline: { dueDate: due, overdue: false } });
    const after = await ok<RequestPage>(o.reviewer, 'list', {});
    expect(after.list.find((r) => r.id === submitted.id)).toMatchObject({
      status: 'received',
      receivedDate: TODAY,
      deadline: { dueDate: due, daysRemaining: 20, atRisk: false },
    });
    // The owner sees the same due date.
    expect(await ok('oCitizenList', 'view', { id: submitted.id })).toMatchObject({
      status: 'received',
      deadline: { dueDate: due },
    });
    // Later: at risk three working days before, overdue after.
    const late = await ok<RequestPage>(o.editor, 'list', { status: 'received' }, day('2026-03-26'));
    expect(late.list.find((r) => r.id === submitted.id)?.deadline).toMatchObject({ atRisk: true, overdue: false });
    const overdue = await ok<RequestPage>(o.editor, 'list', {}, day('2026-03-31'));
    expect(overdue.list.find((r) => r.id === submitted.id)?.deadline).toMatchObject({ overdue: true });
    expect(overdue.counts.overdue).toBeGreaterThanOrEqual(1);
  });

  it('sorts open requests by due date before finished ones, and pages through them', async () => {
    const page1 = await ok<RequestPage>(o.editor, 'list', { pageSize: 3 });
    const all: RequestPage['list'] = [];
    for (let page = 1; ; page++) {
      const p = await ok<RequestPage>(o.editor, 'list', { page, pageSize: 3 });
      all.push(...p.list);
      expect(p.total).toBe(page1.total);
      if (p.list.length < 3) break;
    }
    expect(all).toHaveLength(page1.total);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const firstFinished = all.findIndex((r) => r.status === 'answered' || r.status === 'closed');
    const lastOpen = all.map((r) => r.status === 'answered' || r.status === 'closed').lastIndexOf(false);
    if (firstFinished >= 0) expect(lastOpen).toBeLessThan(firstFinished);
    const dues = all
      .filter((r) => r.deadline && r.status !== 'answered' && r.status !== 'closed')
      .map((r) => r.deadline?.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('get gives staff the full record and writes an audit read entry; the audit holds no personal data', async () => {
    const { id } = await submit('oCitizenG');
    const before = await count(COLLECTIONS.audit, { action: 'requests.read', target: id });
    const full = await ok<StaffRequestAnswer>(o.leader, 'get', { id });
    expect(full.applicant).toMatchObject({
      idNumber: PERSON.idNumber,
      phone: PERSON.phone,
      address: PERSON.address,
      name: '卓玛措',
    });
    expect(full.actions).toEqual(['confirmReceipt']);
    expect(full.queryCode).toBe('');
    const entries = rows(await b.db.collection(COLLECTIONS.audit).where({ action: 'requests.read', target: id }).get());
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      openid: o.leader,
      role: 'leader',
      organId: o.organId,
      beforeHash: null,
      afterHash: null,
    });
  });

  it('acts through 补正, the correction, an extension and the answer; a stale version gets CONFLICT', async () => {
    const { id } = await submit('oCitizenH', { deliveryForm: 'paper' });
    await act(o.editor, id, { type: 'confirmReceipt' }, day('2026-03-02'));
    const correction = await act(
      o.editor,
      id,
      { type: 'requestCorrection', items: '请写明所需资金发放的年度和村名', correctBy: '2026-03-13' },
      day('2026-03-04'),
    );
    expect(correction).toMatchObject({
      status: 'correctionRequested',
      actions: ['receiveCorrection', 'recordDelivery', 'close'],
      deadline: { pausedBy: 'correction', pauseEndsBy: '2026-03-13' },
    });
    // Stale: the page still shows version 2.
    const stale = await call(
      o.reviewer,
      'act',
      { id, version: 2, action: { type: 'receiveCorrection' } },
      day('2026-03-05'),
    );
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    // Two at once from the same version: one wins.
    const v = correction.version;
    const both = await Promise.all([
      call(
        o.editor,
        'act',
        { id, version: v, action: { type: 'receiveCorrection', description: '请公开2025年德吉村的草原补奖发放名单' } },
        day('2026-03-09'),
      ),
      call(
        o.reviewer,
        'act',
        { id, version: v, action: { type: 'receiveCorrection', description: '请公开2025年德吉村的草原补奖发放名单' } },
        day('2026-03-09'),
      ),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(
      await call(
        o.editor,
        'act',
        { id, version: v + 1, action: { type: 'requestCorrection', items: '再补', correctBy: '2026-03-20' } },
        day('2026-03-10'),
      ),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
    const [approver] = await ok<ExtensionApprover[]>(o.editor, 'approvers', {});
    const badExtension = await call(
      o.editor,
      'act',
      { id, version: v + 1, action: { type: 'extend', workdays: 25, approverId: approver?.id, reason: '需调取档案' } },
      day('2026-03-30'),
    );
    expect(badExtension).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!badExtension.ok) expect(badExtension.message).toContain('EXTENSION_TOO_LONG');
    const extended = await act(
      o.leader,
      id,
      { type: 'extend', workdays: 10, approverId: approver?.id, reason: '需调取档案' },
      day('2026-03-30'),
    );
    // The count restarted the day after the correction arrived (03-09): 20 working days → 04-07 (清明 04-06 off), +10 → 04-21.
    expect(extended).toMatchObject({
      status: 'extended',
      deadline: { dueDate: cal.addWorkdays(cal.addWorkdays('2026-03-09', 20).date, 10).date },
    });
    const answered = await act(
      o.editor,
      id,
      { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本，通过小程序提供' },
      day('2026-04-10'),
    );
    expect(answered).toMatchObject({ status: 'answered', actions: [], deadline: { overdue: false } });
    const stored = one(await b.db.collection(COLLECTIONS.requests).doc(id).get());
    expect(stored).toMatchObject({
      status: 'answered',
      outcome: 'disclosed',
      answeredDate: '2026-04-10',
      version: 6,
      content: { description: '请公开2025年德吉村的草原补奖发放名单', deliveryForm: 'paper' },
    });
    expect((stored?.history as Row[]).map((h) => (h.action as Row).type)).toEqual([
      'confirmReceipt',
      'requestCorrection',
      'receiveCorrection',
      'extend',
      'answer',
    ]);
    const view = await ok<OwnRequestPage>('oCitizenH', 'mine', {}, day('2026-04-10'));
    expect(view.list[0]).toMatchObject({
      status: 'answered',
      outcomeLabel: expect.stringContaining('予以公开'),
      letter: { title: '政府信息公开申请答复书', date: '2026-04-10' },
    });
    expect(view.list[0]?.letter?.text).toContain(view.list[0]?.applicationNo ?? '-');
    expect(view.list[0]?.letter?.text).not.toContain('卓玛措');
    const entry = rows(
      await b.db.collection(COLLECTIONS.audit).where({ target: id, action: 'requests.act.answer' }).get(),
    );
    expect(entry).toHaveLength(1);
    expect(entry[0]).toMatchObject({ openid: o.editor, role: 'editor', organId: o.organId, afterHash: hashOf(stored) });
    expect(
      await call(
        o.editor,
        'act',
        { id, version: 6, action: { type: 'noticeFee', feeBasis: { method: 'pages', pages: 80 }, amountYuan: 500 } },
        day('2026-04-10'),
      ),
    ).toMatchObject({ ok: false, code: 'CONFLICT' });
  });

  it('records a paper request, drafts its letter, answers with the edited text, and staff can issue a new 查询码', async () => {
    const entry = {
      ...submission({ deliveryForm: 'pickup' }),
      channel: 'post',
      receivedDate: '2026-02-27',
      postmarkDate: '2026-02-25',
      name: '扎西多杰',
      phone: '0973-8712345',
    };
    const future = await call(o.editor, 'record', {
      entry: { ...entry, receivedDate: '2026-03-03', postmarkDate: undefined },
      idempotencyKey: newKey(),
    });
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'entry.receivedDate' }] });
    const recorded = await ok<SubmitRequestAnswer>(o.editor, 'record', { entry, idempotencyKey: newKey() });
    expect(recorded).toMatchObject({
      status: 'received',
      deadline: { dueDate: cal.addWorkdays('2026-02-27', 20).date },
    });
    expect(await call('oCitizenI', 'record', { entry, idempotencyKey: newKey() })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const needOutcome = await call(o.editor, 'letter', { id: recorded.id });
    expect(needOutcome).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'outcome' }] });
    const draft = await ok<{ text: string; missing: string[] }>(o.editor, 'letter', {
      id: recorded.id,
      outcome: 'withheldThirdParty',
    });
    expect(draft.text).toContain('扎西多杰：');
    expect(draft.text).toContain(recorded.applicationNo);
    expect(draft.text).toContain('2026年2月27日');
    // The organ's settings fill the 复议机关 and the court (条例 第五十一条); only the reason is left to staff.
    expect(draft.missing).toEqual(['理由']);
    // What staff typed in the answer form fills the draft: nothing is left to mark.
    const filled = await ok<{ text: string; missing: string[] }>(o.editor, 'letter', {
      id: recorded.id,
      outcome: 'withheldThirdParty',
      details: { reason: '涉及第三方个人隐私' },
    });
    expect(filled.missing).toEqual([]);
    expect(filled.text).toContain('涉及第三方个人隐私');
    expect(draft.text).toContain('60日内向同仁市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）');
    expect(draft.text).toContain('向同仁市人民法院提起行政诉讼');
    const edited = draft.text.replace('【请填写：理由】', '涉及第三方个人隐私');
    const noReason = await call(o.editor, 'act', {
      id: recorded.id,
      version: 1,
      action: { type: 'answer', outcome: 'withheldThirdParty' },
      letterText: edited,
    });
    expect(noReason).toMatchObject({ ok: false, code: 'VALIDATION' });
    await ok(o.editor, 'act', {
      id: recorded.id,
      version: 1,
      action: { type: 'answer', outcome: 'withheldThirdParty', reason: '涉及第三方个人隐私' },
      letterText: edited,
    });
    // The identity check: the last four of the document shown must be the request's, or nothing changes.
    const wrongPerson = await call(o.admin, 'reissueCode', {
      id: recorded.id,
      check: { method: 'inPerson', idLast4: '0018' },
    });
    expect(wrongPerson).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'check.idLast4' }] });
    expect(await call(o.admin, 'reissueCode', { id: recorded.id })).toMatchObject({ ok: false, code: 'VALIDATION' });
    const unchanged = await ok<StaffRequestAnswer>(o.admin, 'get', { id: recorded.id });
    expect(unchanged.codeReissues).toEqual([]);
    const reissued = await ok<{ queryCode: string }>(o.admin, 'reissueCode', {
      id: recorded.id,
      check: { method: 'agent', idLast4: '0017', note: '其子持授权委托书和双方身份证' },
    });
    expect(recorded.queryCode).not.toBe(reissued.queryCode);
    const after = await ok<StaffRequestAnswer>(o.admin, 'get', { id: recorded.id });
    expect(after.codeReissues).toEqual([{ date: TODAY, method: 'agent', note: '其子持授权委托书和双方身份证' }]);
    expect(await outsider('oX', 'track', { queryCode: recorded.queryCode ?? '', phoneLast4: '2345' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    const tracked = await ok<TrackAnswer & { letter: { text: string } | null }>('oY', 'track', {
      queryCode: reissued.queryCode,
      phoneLast4: '2345',
    });
    outsiderAnswers.push(tracked);
    expect(tracked).toMatchObject({
      view: 'applicant',
      status: 'answered',
      outcome: 'withheldThirdParty',
      applicant: { phone: '0973-***2345', name: '扎***' },
    });
    expect(tracked.letter?.text).toContain('同仁市人民政府');
    expect(tracked.letter?.text).not.toContain('扎西多杰');
    expect(await count(COLLECTIONS.audit, { target: recorded.id, action: 'requests.letter' })).toBe(2);
  });

  it('uses the organ’s own holiday table for due dates (organ_calendars), set by the admin only', async () => {
    const recorded = await ok<SubmitRequestAnswer>(other.editor, 'record', {
      entry: { ...submission(), channel: 'inPerson', receivedDate: TODAY },
      idempotencyKey: newKey(),
    });
    const official = cal.addWorkdays(TODAY, 20).date;
    expect(recorded.deadline?.dueDate).toBe(official);
    const table = { years: { '2026': { holidays: ['2026-01-01', '2026-03-10'], workdays: [] } } };
    expect(await call(other.editor, 'setCalendar', { calendar: table })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const bad = await call(other.admin, 'setCalendar', {
      calendar: { years: { '2026': { holidays: ['2027-01-01'], workdays: [] } } },
    });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' });
    await ok(other.admin, 'setCalendar', { calendar: table });
    expect(await ok(other.editor, 'getCalendar', {})).toMatchObject({ calendar: table });
    const list = await ok<RequestPage>(other.editor, 'list', {});
    const due = list.list.find((r) => r.id === recorded.id)?.deadline?.dueDate;
    expect(due).toBe(createCalendar(table).addWorkdays(TODAY, 20).date);
    expect(due).not.toBe(official);
    // The other organ still counts with the official data.
    expect(
      (await ok<RequestPage>(o.editor, 'list', {})).list.every((r) => r.deadline === null || !r.deadline.provisional),
    ).toBe(true);
  });
});

describe('requests: subscribe-message notifications', () => {
  it('records one message per grant on a status change the owner is told of; none without a grant', async () => {
    const { id, applicationNo } = await submit('oCitizenN');
    await act(o.editor, id, { type: 'confirmReceipt' });
    expect(await count(COLLECTIONS.notifications, { requestId: id })).toBe(0);
    expect(await ok('oCitizenN', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' })).toMatchObject({
      pending: 1,
    });
    // Starting a consultation is not a change the applicant is told of: the grant is kept.
    const consulting = await act(
      o.editor,
      id,
      { type: 'startConsultation', party: '德吉村村民委员会' },
      day('2026-03-03'),
    );
    expect(consulting.notified).toBe(false);
    await act(o.editor, id, { type: 'endConsultation', opinion: 'agreed' }, day('2026-03-05'));
    const answered = await act(
      o.editor,
      id,
      { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本，通过小程序提供' },
      day('2026-03-06'),
    );
    expect(answered.notified).toBe(true);
    const sent = rows(await b.db.collection(COLLECTIONS.notifications).where({ requestId: id }).get());
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      toOpenid: 'oCitizenN',
      templateId: 'tmpl-progress',
      action: 'answer',
      state: 'pending',
      data: { applicationNo, status: '已答复', date: '2026-03-06' },
    });
    expect(await count(COLLECTIONS.noticeGrants, { requestId: id, used: false })).toBe(0);
    expect(await call('oCitizenN', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });

  it('a grant is used once: a second change without a new grant sends nothing', async () => {
    const { id } = await submit('oCitizenM');
    await act(o.editor, id, { type: 'confirmReceipt' });
    await ok('oCitizenM', 'grantNotice', { requestId: id, templateId: 'tmpl-progress' });
    expect(
      (await act(o.editor, id, { type: 'requestCorrection', items: '请写明年度', correctBy: '2026-03-12' })).notified,
    ).toBe(true);
    expect((await act(o.editor, id, { type: 'receiveCorrection' }, day('2026-03-04'))).notified).toBe(false);
    expect(
      (await act(o.editor, id, { type: 'answer', outcome: 'unavailableStillUnclear' }, day('2026-03-05'))).notified,
    ).toBe(false);
    const sent = rows(await b.db.collection(COLLECTIONS.notifications).where({ requestId: id }).get());
    expect(sent.map((s) => s.action)).toEqual(['requestCorrection']);
    expect((sent[0]?.data as Row).note).toBe('请于2026-03-12前补正申请内容');
  });
});

describe('requests: privacy', () => {
  it('no ID number, phone or address reaches an outsider’s answer, a desk row, the audit log, a notification or a log line', async () => {
    const secrets = [PERSON.idNumber, PERSON.phone, PERSON.address, '13800001111', '13800002222', '0973-8712345'];
    const lists = [
      await ok<RequestPage>(o.editor, 'list', { pageSize: 50 }),
      await ok<RequestPage>(o.editor, 'list', { page: 2, pageSize: 50 }),
    ];
    const audit = rows(await b.db.collection(COLLECTIONS.audit).where({}).limit(1000).get());
    const notices = rows(await b.db.collection(COLLECTIONS.notifications).where({}).limit(1000).get());
    const attempts = rows(await b.db.collection(COLLECTIONS.trackAttempts).where({}).limit(1000).get());
    const owners = await ok<OwnRequestPage>('oCitizenA', 'mine', {});
    expect(outsiderAnswers.length).toBeGreaterThan(30);
    expect(audit.filter((e) => String(e.action).startsWith('requests.')).length).toBeGreaterThan(20);
    const scanned = JSON.stringify({ outsiderAnswers, lists, audit, notices, attempts, logs, owners });
    for (const secret of secrets) expect(scanned).not.toContain(secret);
    // The owner's own view is masked too.
    expect(JSON.stringify(owners)).toContain('440***********0017');
  });
});
