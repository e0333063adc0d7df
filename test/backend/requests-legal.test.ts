/**
 * Issue 13 through the real functions and the local server: the defects a court would find, each shown fixed.
 * Dates are Shanghai days; `day(d)` is 09:00 that day.
 */
import { organFunction } from '../../backend/organ';
import { requestsFunction, sweepRequests } from '../../backend/requests';
import type { ActAnswer, StaffRequestAnswer, SubmitRequestAnswer } from '../../shared/api/requests';
import { addDays, createCalendar } from '../../shared/calendar';
import type { Result } from '../../shared/errors';
import type { SubmissionInput } from '../../shared/requests';
import { seedOrgan, startBackend, type Backend } from './harness';

const cal = createCalendar();
const day = (d: string) => new Date(`${d}T09:00:00+08:00`);

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

async function call(openid: string | null, action: string, payload: unknown, at: Date): Promise<Result<unknown>> {
  return requestsFunction({ action, payload }, { db: b.db, openid, now: () => at, log: () => undefined });
}
async function ok<T>(openid: string | null, action: string, payload: unknown, at: Date): Promise<T> {
  const r = await call(openid, action, payload, at);
  if (!r.ok) throw new Error(`requests.${action} failed: ${r.code} ${r.message}`);
  return r.data as T;
}
async function act(id: string, action: unknown, at: Date, letterText?: string): Promise<Result<unknown>> {
  const current = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, at);
  return call(o.editor, 'act', { id, version: current.version, action, ...(letterText ? { letterText } : {}) }, at);
}
async function done(id: string, action: unknown, at: Date): Promise<ActAnswer> {
  const r = await act(id, action, at);
  if (!r.ok) throw new Error(`act failed: ${r.code} ${r.message}`);
  return r.data as ActAnswer;
}

/** A valid 身份证号码 (GB 11643 check digit) for the n-th applicant: each test its own applicant. */
function idCard(seq: number): string {
  const body = `44030419800101${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (weights[i] ?? 0), 0);
  return body + '10X98765432'[sum % 11];
}

let n = 0;
async function received(at: Date, idNumber = '440304198001010017'): Promise<string> {
  const submission: SubmissionInput = {
    applicantType: 'natural',
    idType: 'idCard',
    name: '卓玛措',
    idNumber,
    phone: '13912345678',
    description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准和发放名单',
    deliveryForm: 'online',
    channel: 'online',
  };
  const { id } = await ok<SubmitRequestAnswer>(
    `oCitizenL${n}`,
    'submit',
    { organId: o.organId, submission, idempotencyKey: `legal-request-${++n}` },
    at,
  );
  await done(id, { type: 'confirmReceipt' }, at);
  return id;
}

describe('letters name the 复议机关 and the court, with the time limits (条例 第五十一条)', () => {
  it('the answer names both with their articles; without the settings nothing is issued', async () => {
    const id = await received(day('2026-03-02'));
    const answered = await done(
      id,
      { type: 'answer', outcome: 'withheldThirdParty', reason: '涉及第三方个人隐私' },
      day('2026-03-03'),
    );
    expect(answered.status).toBe('answered');
    const seen = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-03'));
    const text = seen.letter?.text ?? '';
    expect(text).toContain('60日内向同仁市人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）');
    expect(text).toContain('15日内向同仁市人民法院提起行政诉讼');
    expect(text).not.toContain('【请填写');

    // An organ that has not set them: the answer is refused, naming the marker and the setting.
    const bare = await seedOrgan(b, '-bare');
    const patch = { reviewOrgan: '', court: '' };
    const r = await organFunction(
      { action: 'updateProfile', payload: { patch } },
      { db: b.db, openid: bare.admin, now: () => day('2026-03-02'), log: () => undefined },
    );
    expect(r.ok).toBe(true);
    const { id: other } = await ok<SubmitRequestAnswer>(
      'oCitizenBare',
      'submit',
      {
        organId: bare.organId,
        submission: {
          applicantType: 'natural',
          idType: 'idCard',
          name: '卓玛措',
          idNumber: '440304198001010017',
          phone: '13912345678',
          description: '请公开2025年扎毛乡草原生态保护补助奖励资金的发放标准',
          deliveryForm: 'online',
          channel: 'online',
        },
        idempotencyKey: 'legal-request-bare',
      },
      day('2026-03-02'),
    );
    const confirm = await call(
      bare.editor,
      'act',
      { id: other, version: 1, action: { type: 'confirmReceipt' } },
      day('2026-03-02'),
    );
    expect(confirm.ok).toBe(true);
    const refused = await call(
      bare.editor,
      'act',
      { id: other, version: 2, action: { type: 'answer', outcome: 'withheldThirdParty', reason: '涉及隐私' } },
      day('2026-03-03'),
    );
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (refused.ok) return;
    expect(refused.message).toContain('LETTER_INCOMPLETE');
    expect(refused.message).toContain('【请填写：行政复议机关】');
    expect(refused.fieldErrors?.map((e) => e.path)).toEqual(['organ.reviewOrgan', 'organ.court']);
  });
});

describe('periods from receipt (109号; 条例 第三十条)', () => {
  it('a fee notice signed for five working days after sending is not closed when sending + 20 would close it', async () => {
    const id = await received(day('2026-03-02'), idCard(21));
    const me = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day('2026-03-03'));
    const fee = {
      type: 'noticeFee',
      feeBasis: { method: 'count', nthThisMonth: me.nthThisMonth + 10, splitReason: '一份申请含十一个互不相关的事项' },
      amountYuan: 100,
      via: 'post',
    };
    expect((await done(id, fee, day('2026-03-03'))).status).toBe('feeNoticed');
    const signed = cal.addWorkdays('2026-03-03', 5).date;
    await done(id, { type: 'recordDelivery', notice: 'fee', via: 'post', date: signed }, day(signed));
    const bySending = addDays(cal.addWorkdays('2026-03-03', 20).date, 1);
    const services = { subscribe: null, log: () => undefined };
    expect((await sweepRequests(b.db, services, day(bySending))).closed).toBe(0);
    expect((await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day(bySending))).status).toBe('feeNoticed');
    const bySigning = addDays(cal.addWorkdays(signed, 20).date, 1);
    await sweepRequests(b.db, services, day(bySigning));
    expect(await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day(bySigning))).toMatchObject({
      status: 'closed',
      outcome: 'otherFeeUnpaid',
    });
  });

  it('the fee position by count is computed from the records, not taken from the page', async () => {
    const first = await received(day('2026-04-01'), idCard(31));
    const me = await ok<StaffRequestAnswer>(o.editor, 'get', { id: first }, day('2026-04-01'));
    const claimed = { type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 11 }, amountYuan: 100 };
    const r = await act(first, claimed, day('2026-04-02'));
    expect(me.nthThisMonth).toBe(1);
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.message).toContain('FEE_COUNT_MISMATCH');
  });

  it('a late correction with a 正当理由 reopens the clock', async () => {
    const id = await received(day('2026-05-06'), idCard(41));
    await done(id, { type: 'requestCorrection', items: '请写明年份', correctBy: '2026-05-13' }, day('2026-05-07'));
    const late = '2026-05-18';
    const refused = await act(id, { type: 'receiveCorrection' }, day(late));
    expect(refused).toMatchObject({ ok: false });
    const reopened = await done(id, { type: 'receiveCorrection', lateReason: '申请人住院，出院后即补正' }, day(late));
    expect(reopened).toMatchObject({ status: 'received', deadline: { dueDate: cal.addWorkdays(late, 20).date } });
  });
});

describe('third-party consultation (条例 第三十二条)', () => {
  it("ends on the 15th working day after the third party's receipt, the desk sees the lapse date before; the third party gets its letters", async () => {
    const id = await received(day('2026-06-01'), idCard(51));
    await done(id, { type: 'startConsultation', party: '某建筑公司', via: 'post' }, day('2026-06-02'));
    const consultation = await ok<{ title: string; text: string }>(
      o.editor,
      'letter',
      { id, thirdParty: 'consultation' },
      day('2026-06-02'),
    );
    expect(consultation.text).toContain('某建筑公司：');
    expect(consultation.text).toContain('自收到本函之日起15个工作日内');
    expect(consultation.text).not.toContain('卓玛措'); // never names the applicant
    const signed = '2026-06-04';
    await done(id, { type: 'recordDelivery', notice: 'consultation', via: 'post', date: signed }, day(signed));
    const lapse = cal.addWorkdays(signed, 15).date;
    const before = await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day(cal.addWorkdays(signed, 13).date));
    expect(before.deadline).toMatchObject({ pausedBy: 'consultation', pauseEndsBy: lapse });
    const services = { subscribe: null, log: () => undefined };
    expect((await sweepRequests(b.db, services, day(lapse))).consultationsEnded).toBe(0);
    const after = addDays(lapse, 1);
    expect((await sweepRequests(b.db, services, day(after))).consultationsEnded).toBe(1);
    expect((await ok<StaffRequestAnswer>(o.editor, 'get', { id }, day(after))).status).toBe('received');

    // Disclosing over an objection: the reasons, and the written notice to the third party.
    const id2 = await received(day('2026-06-01'), idCard(61));
    await done(id2, { type: 'startConsultation', party: '某建筑公司' }, day('2026-06-02'));
    await done(id2, { type: 'endConsultation', opinion: 'objected' }, day('2026-06-05'));
    const noReason = await act(
      id2,
      { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本' },
      day('2026-06-08'),
    );
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.message).toContain('THIRD_PARTY_NOTICE_REQUIRED');
    await done(
      id2,
      { type: 'answer', outcome: 'disclosed', deliveryNote: '电子文本', publicInterestReason: '涉及财政资金使用' },
      day('2026-06-08'),
    );
    const notice = await ok<{ text: string }>(
      o.editor,
      'letter',
      { id: id2, thirdParty: 'disclosureOverObjection' },
      day('2026-06-08'),
    );
    expect(notice.text).toContain('理由：涉及财政资金使用。');
    expect(notice.text).toContain('向同仁市人民政府申请行政复议');
  });
});

describe('organ settings', () => {
  it('refuses 02-29 as the report due date with a field error (it would not exist in 2027)', async () => {
    const r = await organFunction(
      { action: 'updateProfile', payload: { patch: { reportDueDate: '02-29' } } },
      { db: b.db, openid: o.admin, now: () => day('2026-12-06'), log: () => undefined },
    );
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.fieldErrors?.[0]?.path).toContain('reportDueDate');
  });
});
