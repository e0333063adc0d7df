import { computeDeadline } from '../../../shared/calendar';
import {
  REQUEST_STATUSES,
  TRANSITIONS,
  TRANSITION_TABLE,
  actionsFrom,
  applyAction,
  autoCloseIfDue,
  createFromSubmission,
  deadlineOf,
  endLapsedConsultation,
  findPlaceholders,
  staffAlert,
  thirdPartyLetters,
  thirdPartyObjected,
  parseSubmission,
  type ActionType,
  type FeeBasis,
  type InfoRequest,
  type RequestAction,
  type RequestStatus,
} from '../../../shared/requests';
import { cal, entry, received, run } from './fixtures';

/** A request in each status (received 2026-03-02, a Monday; 7th working day 03-11, due date 03-30). */
function inStatus(status: RequestStatus): InfoRequest {
  switch (status) {
    case 'submitted': {
      const { receivedDate: _r, ...fields } = entry({ channel: 'online' });
      const parsed = parseSubmission(fields);
      if (!parsed.ok) throw new Error(parsed.message);
      return createFromSubmission(
        parsed.data,
        { id: 's1', applicationNo: '2026-0900', queryCode: 'ABCDE23456' },
        '2026-03-02',
      );
    }
    case 'received':
      return received();
    case 'correctionRequested':
      return run(received(), [
        [{ type: 'requestCorrection', items: '请写明工程名称', correctBy: '2026-03-20' }, '2026-03-03'],
      ]);
    case 'consulting':
      return run(received(), [[{ type: 'startConsultation', party: '某建筑公司' }, '2026-03-03']]);
    case 'extended':
      return run(received(), [
        [{ type: 'extend', workdays: 20, approverId: 'head-1', reason: '需调取档案' }, '2026-03-03'],
      ]);
    case 'feeNoticed':
      return run(received(), [
        [{ type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 11 }, amountYuan: 100 }, '2026-03-03'],
      ]);
    case 'answered':
      return run(received(), [[{ type: 'answer', outcome: 'disclosed' }, '2026-03-03']]);
    case 'closed':
      return run(inStatus('correctionRequested'), [[{ type: 'close' }, '2026-03-23']]);
  }
}

/** A valid action of each type and the day to apply it (close: after the applicant's deadline lapsed). */
const SAMPLE: Record<ActionType, readonly [RequestAction, string]> = {
  confirmReceipt: [{ type: 'confirmReceipt' }, '2026-03-04'],
  requestCorrection: [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2026-03-25' }, '2026-03-04'],
  receiveCorrection: [
    { type: 'receiveCorrection', description: '请公开2025年华城镇新华路硬化工程的招标文件' },
    '2026-03-10',
  ],
  startConsultation: [{ type: 'startConsultation', party: '某建筑公司' }, '2026-03-04'],
  endConsultation: [{ type: 'endConsultation', opinion: 'objected' }, '2026-03-10'],
  extend: [{ type: 'extend', workdays: 15, approverId: 'head-1', reason: '需调取档案' }, '2026-03-04'],
  noticeFee: [{ type: 'noticeFee', feeBasis: { method: 'pages', pages: 40 }, amountYuan: 100 }, '2026-03-04'],
  payFee: [{ type: 'payFee' }, '2026-03-10'],
  answer: [{ type: 'answer', outcome: 'disclosed' }, '2026-03-10'],
  close: [{ type: 'close' }, '2026-04-15'],
  recordDelivery: [{ type: 'recordDelivery', notice: 'correction', via: 'post', date: '2026-03-05' }, '2026-03-06'],
  askReasons: [{ type: 'askReasons', items: '请说明申请用途' }, '2026-03-04'],
  receiveReasons: [{ type: 'receiveReasons', answer: '用于课题研究' }, '2026-03-05'],
  setLaterDate: [{ type: 'setLaterDate', date: '2026-05-29', reason: '需逐件检索' }, '2026-03-06'],
};

/** The request to start from and the action for a row: some rows need the steps before them. */
function prepare(action: ActionType, from: RequestStatus): [InfoRequest, RequestAction, string] {
  const [sample, date] = SAMPLE[action];
  const base = inStatus(from);
  if (action === 'recordDelivery') {
    const notice = ({ correctionRequested: 'correction', consulting: 'consultation', feeNoticed: 'fee' } as const)[
      from as 'correctionRequested' | 'consulting' | 'feeNoticed'
    ];
    return [base, { type: 'recordDelivery', notice, via: 'post', date: '2026-03-05' }, date];
  }
  if (action === 'receiveReasons') return [run(base, [SAMPLE.askReasons]), sample, date];
  if (action === 'setLaterDate') return [run(base, [SAMPLE.askReasons, SAMPLE.receiveReasons]), sample, date];
  return [base, sample, date];
}

const codeOf = (request: InfoRequest, action: unknown, today: string) => {
  const r = applyAction(request, action, today, cal);
  return r.ok ? 'ok' : r.code;
};

describe('the transition table: every row, from every from-status', () => {
  const cases = TRANSITION_TABLE.flatMap((t) => t.from.map((from) => [t.action, from] as const));

  it('covers every action once and lists statuses that exist', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(TRANSITION_TABLE.map((t) => t.action).sort());
    for (const t of TRANSITION_TABLE) for (const s of t.from) expect(REQUEST_STATUSES).toContain(s);
    expect(cases).toHaveLength(27);
  });

  it.each(cases)('%s from %s', (action, from) => {
    const [before, sample, date] = prepare(action, from);
    const frozen = JSON.stringify(before);
    const result = applyAction(before, sample, date, cal);
    if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
    const after = result.data;
    const row = TRANSITIONS[action];
    const expected = row.to === 'resume' ? 'received' : row.to === 'same' ? from : row.to; // pauses start from 'received'
    expect(after.status).toBe(expected);
    expect(after.history.at(-1)).toEqual({ date, action: sample });
    if (row.event === null) expect(after.events).toEqual(before.events);
    else expect(after.events.at(-1)?.type).toBe(row.event);
    expect(JSON.stringify(before)).toBe(frozen); // never mutated
  });

  it('resumes to extended after a pause when the limit was extended', () => {
    const extended = inStatus('extended');
    const afterConsult = run(extended, [
      [{ type: 'startConsultation', party: '某公司' }, '2026-03-04'],
      [{ type: 'endConsultation', opinion: 'noReply' }, '2026-03-25'],
    ]);
    expect(afterConsult.status).toBe('extended');
    const afterFee = run(extended, [SAMPLE.noticeFee, SAMPLE.payFee]);
    expect(afterFee.status).toBe('extended');
  });

  it('refuses every action outside its from-statuses with ILLEGAL_TRANSITION', () => {
    let refused = 0;
    for (const status of REQUEST_STATUSES) {
      for (const t of TRANSITION_TABLE) {
        if (t.from.includes(status)) continue;
        const [sample, date] = SAMPLE[t.action];
        expect([status, t.action, codeOf(inStatus(status), sample, date)]).toEqual([
          status,
          t.action,
          'ILLEGAL_TRANSITION',
        ]);
        refused += 1;
      }
    }
    expect(refused).toBe(REQUEST_STATUSES.length * TRANSITION_TABLE.length - 27);
    expect(applyAction(inStatus('answered'), SAMPLE.answer[0], '2026-03-10', cal)).toMatchObject({
      message: '申请处于「已答复」状态，不能「作出答复」',
    });
  });

  it('lists the actions of a status for the staff page', () => {
    expect(actionsFrom('submitted')).toEqual(['confirmReceipt']);
    expect(actionsFrom('correctionRequested')).toEqual(['receiveCorrection', 'recordDelivery', 'close']);
    expect(actionsFrom('closed')).toEqual([]);
  });
});

describe('confirmReceipt (条例 第三十一条) and the online submission', () => {
  it('sets the receipt date to the day of confirmation; the clock starts then', () => {
    const submitted = inStatus('submitted');
    expect(deadlineOf(cal, submitted, '2026-03-02')).toBeNull();
    const confirmed = run(submitted, [[{ type: 'confirmReceipt' }, '2026-03-04']]);
    expect(confirmed.receivedDate).toBe('2026-03-04');
    expect(deadlineOf(cal, confirmed, '2026-03-04')?.dueDate).toBe('2026-04-01');
    expect(codeOf(submitted, { type: 'confirmReceipt' }, '2026-03-01')).toBe('DATE_ORDER');
  });
});

describe('guards', () => {
  const correction = (correctBy: string): RequestAction => ({ type: 'requestCorrection', items: '请补充', correctBy });

  it('补正: once only, with a later deadline, within 7 working days, received in time (条例 第三十条)', () => {
    const corrected = run(inStatus('correctionRequested'), [[{ type: 'receiveCorrection' }, '2026-03-10']]);
    expect(codeOf(corrected, correction('2026-03-30'), '2026-03-11')).toBe('CORRECTION_TWICE');
    expect(codeOf(received(), correction('2026-03-04'), '2026-03-04')).toBe('CORRECTION_DEADLINE_INVALID');
    expect(codeOf(received(), correction('2026-03-31'), '2026-03-12')).toBe('CORRECTION_NOTICE_LATE');
    expect(codeOf(received(), correction('2026-03-31'), '2026-03-11')).toBe('ok');
    expect(codeOf(inStatus('correctionRequested'), { type: 'receiveCorrection' }, '2026-03-23')).toBe(
      'CORRECTION_LATE',
    );
  });

  it('the corrected description replaces the old one, and the period restarts (条例 第三十条)', () => {
    const after = run(inStatus('correctionRequested'), [SAMPLE.receiveCorrection]);
    expect(after.content.description).toBe('请公开2025年华城镇新华路硬化工程的招标文件');
    expect(deadlineOf(cal, after, '2026-03-10')).toMatchObject({ daysUsed: 0, dueDate: '2026-04-08' });
  });

  it('consultation: names a third party and starts within the period (条例 第三十二条)', () => {
    expect(codeOf(received(), { type: 'startConsultation', party: ' ' }, '2026-03-04')).toBe('PARTY_REQUIRED');
    expect(codeOf(received(), { type: 'startConsultation', party: '某公司' }, '2026-03-31')).toBe('CONSULTATION_LATE');
  });

  it('extension: 1–20 working days, an approver, decided within the period (条例 第三十三条)', () => {
    const extend = (workdays: number, approverId = 'head-1'): RequestAction => ({
      type: 'extend',
      workdays,
      approverId,
      reason: '需调取档案',
    });
    expect(codeOf(received(), extend(21), '2026-03-04')).toBe('EXTENSION_TOO_LONG');
    expect(codeOf(received(), extend(0), '2026-03-04')).toBe('EXTENSION_TOO_LONG');
    expect(codeOf(received(), extend(20, '  '), '2026-03-04')).toBe('EXTENSION_NO_APPROVER');
    expect(codeOf(received(), extend(20), '2026-03-31')).toBe('EXTENSION_LATE');
    const extended = run(received(), [[extend(20), '2026-03-30']]);
    expect(deadlineOf(cal, extended, '2026-03-30')).toMatchObject({ limit: 40, dueDate: '2026-04-28' });
    expect(extended.events.at(-1)).toEqual({ type: 'extended', date: '2026-03-30', workdays: 20, approver: 'head-1' });
  });

  it('fee notice: the 109号 amount, something to charge, a method fitting the delivery, once, in time', () => {
    const fee = (basis: FeeBasis, amountYuan: number): RequestAction => ({
      type: 'noticeFee',
      feeBasis: basis,
      amountYuan,
    });
    expect(codeOf(received(), fee({ method: 'count', nthThisMonth: 11 }, 200), '2026-03-04')).toBe(
      'FEE_AMOUNT_MISMATCH',
    );
    expect(codeOf(received(), fee({ method: 'count', nthThisMonth: 31 }, 200), '2026-03-04')).toBe('ok');
    expect(codeOf(received(), fee({ method: 'count', nthThisMonth: 10 }, 0), '2026-03-04')).toBe('FEE_NOT_DUE');
    expect(codeOf(received(), fee({ method: 'pages', pages: 30 }, 0), '2026-03-04')).toBe('FEE_NOT_DUE');
    expect(codeOf(received(), fee({ method: 'count', nthThisMonth: 0 }, 0), '2026-03-04')).toBe('INVALID_ACTION');
    expect(codeOf(received(), fee({ method: 'pages', pages: -1 }, 0), '2026-03-04')).toBe('INVALID_ACTION');
    expect(codeOf(received({ deliveryForm: 'online' }), fee({ method: 'pages', pages: 40 }, 100), '2026-03-04')).toBe(
      'FEE_METHOD_NOT_ALLOWED',
    );
    const paid = run(inStatus('feeNoticed'), [SAMPLE.payFee]);
    expect(codeOf(paid, fee({ method: 'count', nthThisMonth: 11 }, 100), '2026-03-11')).toBe('FEE_TWICE');
    expect(codeOf(received(), fee({ method: 'count', nthThisMonth: 11 }, 100), '2026-03-31')).toBe('FEE_NOTICE_LATE');
    expect(codeOf(inStatus('feeNoticed'), { type: 'payFee' }, '2026-04-01')).toBe('FEE_PAID_LATE');
  });

  it('answer: exactly one of the 21 rows, not a close-only row, with a reason where the row needs one', () => {
    const answer = (outcome: string, reason?: string) => ({ type: 'answer', outcome, ...(reason ? { reason } : {}) });
    expect(codeOf(received(), answer('approved'), '2026-03-10')).toBe('OUTCOME_INVALID');
    expect(codeOf(received(), { type: 'answer' }, '2026-03-10')).toBe('OUTCOME_INVALID');
    expect(codeOf(received(), { type: 'answer', outcome: ['disclosed', 'partlyDisclosed'] }, '2026-03-10')).toBe(
      'OUTCOME_INVALID',
    );
    expect(codeOf(received(), answer('otherNoCorrection'), '2026-03-10')).toBe('OUTCOME_RESERVED');
    expect(codeOf(received(), answer('otherFeeUnpaid'), '2026-03-10')).toBe('OUTCOME_RESERVED');
    expect(codeOf(received(), answer('unavailableStillUnclear'), '2026-03-10')).toBe('OUTCOME_NEEDS_CORRECTION');
    const corrected = run(inStatus('correctionRequested'), [[{ type: 'receiveCorrection' }, '2026-03-10']]);
    expect(codeOf(corrected, answer('unavailableStillUnclear'), '2026-03-12')).toBe('ok');
    expect(codeOf(received(), answer('withheldStateSecret'), '2026-03-10')).toBe('REASON_REQUIRED');
    expect(codeOf(received(), answer('otherOther'), '2026-03-10')).toBe('REASON_REQUIRED');
    expect(codeOf(received(), answer('otherOther', '申请人撤回申请'), '2026-03-10')).toBe('ok');
    const answered = run(received(), [[{ type: 'answer', outcome: 'unavailableNotHeld' }, '2026-04-02']]);
    expect(answered).toMatchObject({ outcome: 'unavailableNotHeld', answeredDate: '2026-04-02', status: 'answered' });
    expect(deadlineOf(cal, answered, '2026-04-10')).toMatchObject({ status: 'answered', overdue: true });
  });

  it('close: only once the applicant’s deadline has lapsed', () => {
    expect(codeOf(inStatus('correctionRequested'), { type: 'close' }, '2026-03-20')).toBe('NOT_LAPSED');
    expect(codeOf(inStatus('feeNoticed'), { type: 'close' }, '2026-03-31')).toBe('NOT_LAPSED');
  });

  it('input and dates: bad action, bad today, out of order', () => {
    expect(codeOf(received(), { type: 'approve' }, '2026-03-04')).toBe('INVALID_ACTION');
    expect(codeOf(received(), { type: 'extend', workdays: '20', approverId: 'x', reason: 'y' }, '2026-03-04')).toBe(
      'INVALID_ACTION',
    );
    expect(codeOf(received(), { type: 'payFee', extra: 1 }, '2026-03-04')).toBe('INVALID_ACTION');
    expect(codeOf(received(), SAMPLE.answer[0], '2026-02-30')).toBe('INVALID_DATE');
    expect(codeOf(inStatus('consulting'), { type: 'endConsultation', opinion: 'agreed' }, '2026-03-02')).toBe(
      'DATE_ORDER',
    );
    expect(codeOf(received(), SAMPLE.answer[0], '2026-03-01')).toBe('DATE_ORDER');
  });
});

describe('auto-close (条例 第三十条; 109号)', () => {
  it('closes an uncorrected request as otherNoCorrection from the day after the correction deadline', () => {
    const waiting = inStatus('correctionRequested');
    expect(autoCloseIfDue(waiting, '2026-03-20', cal)).toBeNull();
    const closed = autoCloseIfDue(waiting, '2026-03-25', cal);
    expect(closed).toMatchObject({ status: 'closed', outcome: 'otherNoCorrection', answeredDate: '2026-03-21' });
    expect(closed?.events.at(-1)).toEqual({ type: 'answered', date: '2026-03-21' });
    expect(closed && deadlineOf(cal, closed, '2026-03-25')).toMatchObject({ status: 'closed' });
  });

  it('closes an unpaid fee as otherFeeUnpaid after 20 working days', () => {
    expect(autoCloseIfDue(inStatus('feeNoticed'), '2026-03-31', cal)).toBeNull();
    expect(autoCloseIfDue(inStatus('feeNoticed'), '2026-04-01', cal)).toMatchObject({
      status: 'closed',
      outcome: 'otherFeeUnpaid',
      answeredDate: '2026-04-01',
    });
  });

  it('leaves requests in other statuses alone, and uses the official calendar by default', () => {
    expect(autoCloseIfDue(received(), '2026-12-01')).toBeNull();
    expect(autoCloseIfDue(inStatus('correctionRequested'), '2026-03-25')?.status).toBe('closed');
  });
});

describe('deadlineOf', () => {
  it('delegates to computeDeadline with the request’s receipt date and events', () => {
    const r = inStatus('consulting');
    expect(deadlineOf(cal, r, '2026-03-10', { atRiskDays: 5 })).toEqual(
      computeDeadline(cal, { receivedDate: '2026-03-02', events: r.events }, '2026-03-10', { atRiskDays: 5 }),
    );
  });
});

describe('issue 13: the rules a court would check', () => {
  const open = () => received();

  it('fee by count: the count comes from the records; only a 一事一申请 split with a reason raises it (109号)', () => {
    const fee = (nth: number, splitReason?: string) => ({
      type: 'noticeFee',
      feeBasis: { method: 'count', nthThisMonth: nth, ...(splitReason ? { splitReason } : {}) },
      amountYuan: nth <= 10 ? 0 : nth <= 30 ? 100 : 200,
    });
    const code = (action: unknown) => {
      const r = applyAction(open(), action, '2026-03-03', cal, { nthThisMonth: 12 });
      return r.ok ? 'ok' : r.code;
    };
    expect(code(fee(12))).toBe('ok');
    expect(code(fee(31))).toBe('FEE_COUNT_MISMATCH'); // raised without a reason
    expect(code(fee(11))).toBe('FEE_COUNT_MISMATCH'); // lowered: never
    expect(code(fee(31, '一份申请含21个互不相关的事项，按一事一申请拆分'))).toBe('ok');
  });

  it('a posted notice is delivered on the signed-for day; a returned one starts no period', () => {
    const sent = run(open(), [
      [{ type: 'noticeFee', feeBasis: { method: 'pages', pages: 40 }, amountYuan: 100, via: 'post' }, '2026-03-03'],
    ]);
    const delivered = run(sent, [
      [{ type: 'recordDelivery', notice: 'fee', via: 'post', date: '2026-03-06' }, '2026-03-09'],
    ]);
    expect(delivered.status).toBe('feeNoticed');
    expect(delivered.events.at(-1)).toEqual({
      type: 'noticeDelivered',
      date: '2026-03-06',
      notice: 'fee',
      via: 'post',
    });
    expect(
      computeDeadline(cal, { receivedDate: '2026-03-02', events: delivered.events }, '2026-03-09').pauseEndsBy,
    ).toBe(cal.addWorkdays('2026-03-06', 20).date);
    const wrong = applyAction(
      sent,
      { type: 'recordDelivery', notice: 'correction', via: 'post', date: '2026-03-06' },
      '2026-03-09',
      cal,
    );
    expect(wrong).toMatchObject({ ok: false, code: 'NOTHING_TO_DELIVER' });
    const returned = run(sent, [
      [{ type: 'recordDelivery', notice: 'fee', via: 'post', date: '2026-03-08', returned: true }, '2026-03-09'],
    ]);
    expect(autoCloseIfDue(returned, '2026-06-30', cal)).toBeNull();
  });

  it('a late correction with a 正当理由 is accepted and restarts the clock (第三十条)', () => {
    const asked = run(open(), [
      [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2026-03-10' }, '2026-03-03'],
    ]);
    const late = applyAction(asked, { type: 'receiveCorrection' }, '2026-03-12', cal);
    expect(late).toMatchObject({ ok: false, code: 'CORRECTION_LATE' });
    const withReason = applyAction(
      asked,
      { type: 'receiveCorrection', lateReason: '申请人住院，出院后即补正' },
      '2026-03-12',
      cal,
    );
    if (!withReason.ok) throw new Error(withReason.message);
    expect(withReason.data.status).toBe('received');
    expect(
      computeDeadline(cal, { receivedDate: '2026-03-02', events: withReason.data.events }, '2026-03-12').dueDate,
    ).toBe(cal.addWorkdays('2026-03-12', 20).date);
  });

  it('第三十五条: 不予处理 only after asking for reasons; a later date only after reasons came; no pause', () => {
    const code = (request: InfoRequest, action: unknown, day = '2026-03-05') => {
      const r = applyAction(request, action, day, cal);
      return r.ok ? 'ok' : r.code;
    };
    const massRepeated = { type: 'answer', outcome: 'notProcessedMassRepeated', reason: '理由不合理' };
    expect(code(open(), massRepeated)).toBe('REASONS_NOT_ASKED');
    expect(code(open(), { type: 'setLaterDate', date: '2026-05-29', reason: '需逐件检索' })).toBe('REASONS_NOT_ASKED');
    const asked = run(open(), [[{ type: 'askReasons' }, '2026-03-03']]);
    expect(asked.events).toEqual([]); // the clock runs on
    expect(code(asked, massRepeated)).toBe('ok');
    const answered = run(asked, [[{ type: 'receiveReasons', answer: '课题研究需要' }, '2026-03-04']]);
    expect(code(answered, { type: 'setLaterDate', date: '2026-05-29', reason: '需逐件检索' })).toBe('ok');
  });

  it("disclosing over the third party's objection needs the public-interest reasons (第三十二条)", () => {
    const objected = run(open(), [
      [{ type: 'startConsultation', party: '某建筑公司' }, '2026-03-03'],
      [{ type: 'endConsultation', opinion: 'objected' }, '2026-03-10'],
    ]);
    expect(applyAction(objected, { type: 'answer', outcome: 'disclosed' }, '2026-03-11', cal)).toMatchObject({
      ok: false,
      code: 'THIRD_PARTY_NOTICE_REQUIRED',
    });
    const ok = applyAction(
      objected,
      { type: 'answer', outcome: 'disclosed', publicInterestReason: '涉及财政资金使用' },
      '2026-03-11',
      cal,
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    const letters = thirdPartyLetters(
      ok.data,
      { organName: '华城镇人民政府', reviewOrgan: '五华县人民政府', court: '五华县人民法院', contact: '0753-1234567' },
      cal,
    );
    expect(letters.map((l) => l.kind)).toEqual(['consultation', 'disclosureOverObjection']);
    expect(letters[0]?.text).toContain('自收到本函之日起15个工作日内');
    expect(letters[1]?.text).toContain('理由：涉及财政资金使用。');
    expect(letters[1]?.text).toContain('如对本决定不服');
    expect(letters.every((l) => findPlaceholders(l.text).length === 0)).toBe(true);
  });

  it('only the 要求确认 row takes an edited basis', () => {
    expect(applyAction(open(), { type: 'answer', outcome: 'disclosed', basis: 'x' }, '2026-03-05', cal)).toMatchObject({
      ok: false,
      code: 'BASIS_NOT_EDITABLE',
    });
    expect(
      applyAction(
        open(),
        { type: 'answer', outcome: 'notProcessedConfirmation', basis: '某规定第十条' },
        '2026-03-05',
        cal,
      ).ok,
    ).toBe(true);
  });
});

describe('the daily sweep on provisional dates and lapsed consultations', () => {
  it('never closes on a provisional date: it alerts staff instead', () => {
    // Received late 2026, 补正 deadline in January 2027 (no announced table for 2027 in chinese-days).
    const late = run(received({ receivedDate: '2026-12-21' }), [
      [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2027-01-08' }, '2026-12-22'],
    ]);
    expect(autoCloseIfDue(late, '2027-01-12', cal)).toBeNull();
    expect(staffAlert(late, '2027-01-12', cal)).toMatchObject({ status: '待人工确认' });
    // The same lapse inside a year with its table is closed.
    const known = run(received(), [
      [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2026-03-10' }, '2026-03-03'],
    ]);
    expect(autoCloseIfDue(known, '2026-03-12', cal)?.status).toBe('closed');
  });

  it("ends a consultation after the third party's 15 working days and warns before", () => {
    const consulting = run(received(), [[{ type: 'startConsultation', party: '某公司' }, '2026-03-03']]);
    const lapse = cal.addWorkdays('2026-03-03', 15).date;
    expect(staffAlert(consulting, cal.addWorkdays('2026-03-03', 13).date, cal)?.status).toBe('第三方意见即将到期');
    expect(endLapsedConsultation(consulting, lapse, cal)).toBeNull();
    const ended = endLapsedConsultation(consulting, cal.addWorkdays(lapse, 1).date, cal);
    expect(ended?.status).toBe('received');
    expect(ended?.history.at(-1)?.action).toEqual({ type: 'endConsultation', opinion: 'noReply' });
  });
});

describe('thirdPartyObjected', () => {
  const ended = (opinion: 'agreed' | 'objected' | 'noReply') => ({
    date: '2026-03-10',
    action: { type: 'endConsultation' as const, opinion },
  });
  it('is the last endConsultation’s opinion being an objection', () => {
    expect(thirdPartyObjected({ history: [] })).toBe(false);
    expect(thirdPartyObjected({ history: [ended('objected')] })).toBe(true);
    expect(thirdPartyObjected({ history: [ended('objected'), ended('agreed')] })).toBe(false);
    expect(thirdPartyObjected({ history: [ended('noReply'), ended('objected')] })).toBe(true);
    expect(
      thirdPartyObjected({ history: [ended('objected'), { date: '2026-03-11', action: { type: 'askReasons' } }] }),
    ).toBe(true);
  });
});
