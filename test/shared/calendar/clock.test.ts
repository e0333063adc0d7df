import fc from 'fast-check';
import { addDays, computeDeadline, createCalendar, type ClockEvent, type ClockOptions } from '../../../shared/calendar';

const cal = createCalendar();
const run = (receivedDate: string, events: ClockEvent[], today: string, options?: ClockOptions) =>
  computeDeadline(cal, { receivedDate, events }, today, options);

describe('plain 20 working days (条例 第三十三条), 国庆 2025', () => {
  it('is due 2025-10-29, counting the 调休 09-28 and 10-11 and skipping 10-01..08', () => {
    expect(run('2025-09-25', [], '2025-09-25')).toEqual({
      dueDate: '2025-10-29',
      projected: false,
      limit: 20,
      daysUsed: 0,
      daysRemaining: 20,
      daysOverdue: 0,
      status: 'running',
      atRisk: false,
      overdue: false,
      correctionDueBy: '2025-10-11', // 7th working day is the 调休 Saturday
      provisional: false,
      provisionalYears: [],
    });
  });

  it('is at risk with 3 working days left, a threshold the caller can change', () => {
    expect(run('2025-09-25', [], '2025-10-24')).toMatchObject({ daysUsed: 17, daysRemaining: 3, atRisk: true });
    expect(run('2025-09-25', [], '2025-10-24', { atRiskDays: 2 }).atRisk).toBe(false);
    expect(run('2025-09-25', [], '2025-10-23', { atRiskDays: 5 }).atRisk).toBe(true);
  });

  it('on the due date is at risk with 0 days left; the day after it is overdue', () => {
    expect(run('2025-09-25', [], '2025-10-29')).toMatchObject({ daysRemaining: 0, atRisk: true, overdue: false });
    expect(run('2025-09-25', [], '2025-10-30')).toMatchObject({
      daysUsed: 21,
      daysRemaining: 0,
      daysOverdue: 1,
      atRisk: false,
      overdue: true,
    });
    expect(run('2025-09-25', [], '2025-11-04')).toMatchObject({ daysOverdue: 4, overdue: true });
    // A weekend after the due date is already late, though no working day was used.
    expect(run('2025-09-25', [], '2025-10-31')).toMatchObject({ overdue: true });
  });

  it('answered in time or late', () => {
    const onTime = run('2025-09-25', [{ type: 'answered', date: '2025-10-29' }], '2025-12-01');
    expect(onTime).toMatchObject({
      status: 'answered',
      answeredDate: '2025-10-29',
      daysUsed: 20,
      overdue: false,
      atRisk: false,
    });
    expect(onTime.correctionDueBy).toBeUndefined();
    const late = run('2025-09-25', [{ type: 'answered', date: '2025-10-30' }], '2025-12-01');
    expect(late).toMatchObject({ status: 'answered', daysUsed: 21, overdue: true, daysOverdue: 1 });
    expect(onTime.daysOverdue).toBe(0);
  });
});

describe('春节', () => {
  it('2025: received 01-20, due 02-21 (01-26 Sunday and 02-08 Saturday count)', () => {
    expect(run('2025-01-20', [], '2025-01-20')).toMatchObject({ dueDate: '2025-02-21', correctionDueBy: '2025-02-05' });
  });

  it('2026: received 02-10, due 03-16 (02-14 and 02-28 Saturdays count)', () => {
    expect(run('2026-02-10', [], '2026-02-10')).toMatchObject({ dueDate: '2026-03-16', correctionDueBy: '2026-02-26' });
  });
});

describe('correction (条例 第三十条)', () => {
  const notice: ClockEvent = { type: 'correctionRequested', date: '2026-02-12', correctBy: '2026-03-06' };

  it('pauses; the due date is projected as if the correction came today', () => {
    expect(run('2026-02-10', [notice], '2026-02-27')).toEqual({
      dueDate: '2026-03-26',
      projected: true,
      limit: 20,
      daysUsed: 0,
      daysRemaining: 20,
      daysOverdue: 0,
      status: 'paused',
      pausedBy: 'correction',
      pauseEndsBy: '2026-03-06',
      pauseEndingSoon: false,
      atRisk: false,
      overdue: false,
      provisional: false,
      provisionalYears: [],
    });
  });

  it('restarts from zero the day after the correction arrives', () => {
    const r = run('2026-02-10', [notice, { type: 'correctionReceived', date: '2026-03-02' }], '2026-03-02');
    expect(r).toMatchObject({
      dueDate: '2026-03-30',
      daysUsed: 0,
      daysRemaining: 20,
      status: 'running',
      projected: false,
    });
    expect(r.correctionDueBy).toBeUndefined();
  });

  it('closes as otherNoCorrection the day after the applicant\u2019s deadline', () => {
    expect(run('2026-02-10', [notice], '2026-03-06')).toMatchObject({ status: 'paused' });
    const r = run('2026-02-10', [notice], '2026-03-09');
    expect(r).toMatchObject({
      status: 'closed',
      autoClose: { outcome: 'otherNoCorrection', date: '2026-03-07' },
      overdue: false,
      atRisk: false,
    });
  });

  it('an answer after the lapse is the closing notice: status stays closed', () => {
    const r = run('2026-02-10', [notice, { type: 'answered', date: '2026-03-10' }], '2026-03-20');
    expect(r).toMatchObject({
      status: 'closed',
      answeredDate: '2026-03-10',
      autoClose: { outcome: 'otherNoCorrection' },
    });
  });

  it('an answer while waiting for the correction ends the clock', () => {
    const r = run('2026-02-10', [notice, { type: 'answered', date: '2026-02-20' }], '2026-03-20');
    expect(r).toMatchObject({ status: 'answered', daysUsed: 0, overdue: false });
  });
});

describe('consultation (条例 第三十二条、第三十三条第二款)', () => {
  const started: ClockEvent = { type: 'consultationStarted', date: '2025-10-09', party: '某公司' };

  it('pauses: 5 days used, 15 left, third party to reply by 10-29', () => {
    expect(run('2025-09-25', [started], '2025-10-15')).toMatchObject({
      status: 'paused',
      pausedBy: 'consultation',
      pauseEndsBy: '2025-10-29',
      daysUsed: 5,
      daysRemaining: 15,
      dueDate: '2025-11-05',
      projected: true,
    });
  });

  it('after the reply the 15 remaining days run from the next day', () => {
    const r = run('2025-09-25', [started, { type: 'consultationEnded', date: '2025-10-20' }], '2025-10-20');
    expect(r).toMatchObject({ status: 'running', dueDate: '2025-11-10', daysUsed: 5, daysRemaining: 15 });
    expect(cal.addWorkdays('2025-10-20', 15).date).toBe('2025-11-10');
  });

  it('consultations may follow one another', () => {
    const r = run(
      '2025-09-25',
      [
        started,
        { type: 'consultationEnded', date: '2025-10-20' },
        { type: 'consultationStarted', date: '2025-10-21' },
        { type: 'consultationEnded', date: '2025-10-28' },
      ],
      '2025-10-28',
    );
    // 10-21 counts (day 6); 14 left from 10-29.
    expect(r).toMatchObject({ daysUsed: 6, dueDate: cal.addWorkdays('2025-10-28', 14).date });
  });

  it('is at risk while paused with few days left', () => {
    const r = run('2025-09-25', [{ type: 'consultationStarted', date: '2025-10-24' }], '2025-10-27');
    expect(r).toMatchObject({ status: 'paused', daysRemaining: 3, atRisk: true, overdue: false });
  });
});

describe('extension (条例 第三十三条第一款)', () => {
  const ext: ClockEvent = { type: 'extended', date: '2026-10-20', workdays: 20, approver: '党政办主任' };

  it('adds up to 20 working days once, recording the approver', () => {
    expect(run('2026-09-18', [], '2026-10-20').dueDate).toBe('2026-10-22');
    const r = run('2026-09-18', [ext], '2026-10-23');
    expect(r).toMatchObject({
      dueDate: '2026-11-19',
      limit: 40,
      overdue: false,
      extension: { date: '2026-10-20', workdays: 20, approver: '党政办主任' },
    });
  });

  it('may be decided on the last day, even during a consultation', () => {
    const r = run(
      '2026-09-18',
      [
        { type: 'consultationStarted', date: '2026-10-21' },
        { ...ext, date: '2026-10-22', workdays: 5 },
      ],
      '2026-10-22',
    );
    expect(r).toMatchObject({ status: 'paused', limit: 25, daysUsed: 19 });
  });
});

describe('fee (条例 第四十二条, 国办函〔2020〕109号)', () => {
  const noticed: ClockEvent = { type: 'feeNoticed', date: '2026-04-08', amountYuan: 200 };

  it('without a fee the request received 2026-04-01 is due 04-30 (清明 04-04..06 skipped)', () => {
    expect(run('2026-04-01', [], '2026-04-01').dueDate).toBe('2026-04-30');
  });

  it('paid: the time from notice to payment is not counted', () => {
    expect(run('2026-04-01', [noticed], '2026-04-15')).toMatchObject({
      status: 'paused',
      pausedBy: 'fee',
      pauseEndsBy: '2026-05-09',
      daysUsed: 4,
    });
    const r = run('2026-04-01', [noticed, { type: 'feePaid', date: '2026-04-20' }], '2026-04-20');
    // 16 left after 04-20: 劳动节 05-01..05 skipped, 05-09 (Saturday) counts.
    expect(r).toMatchObject({ status: 'running', daysUsed: 4, daysRemaining: 16, dueDate: '2026-05-14' });
  });

  it('unpaid: the payment deadline falls on the 调休 Saturday 05-09; closes as otherFeeUnpaid from 05-10', () => {
    expect(run('2026-04-01', [noticed], '2026-05-09')).toMatchObject({ status: 'paused', pauseEndsBy: '2026-05-09' });
    expect(run('2026-04-01', [noticed], '2026-05-11')).toMatchObject({
      status: 'closed',
      autoClose: { outcome: 'otherFeeUnpaid', date: '2026-05-10' },
      daysUsed: 4,
      overdue: false,
    });
  });

  it('a notice sent on the last day carries the deadline to the payment day', () => {
    const events: ClockEvent[] = [
      { type: 'feeNoticed', date: '2025-10-29' },
      { type: 'feePaid', date: '2025-11-05' },
    ];
    expect(run('2025-09-25', events, '2025-11-05')).toMatchObject({
      dueDate: '2025-11-05',
      daysRemaining: 0,
      atRisk: true,
      overdue: false,
    });
    expect(run('2025-09-25', [...events, { type: 'answered', date: '2025-11-05' }], '2025-11-05').overdue).toBe(false);
    expect(run('2025-09-25', [...events, { type: 'answered', date: '2025-11-06' }], '2025-11-06').overdue).toBe(true);
    // While still unpaid the deadline is today: not yet overdue.
    expect(run('2025-09-25', [events[0] as ClockEvent], '2025-11-03')).toMatchObject({
      dueDate: '2025-11-03',
      overdue: false,
      status: 'paused',
    });
  });
});

describe('provisional years', () => {
  it('a deadline reaching into 2027 without an entered calendar is provisional, with a prompt', () => {
    const r = run('2026-12-15', [], '2026-12-15');
    // 元旦 2027 (statutory) is not counted even without the year's table: 1-13, not 1-12.
    expect(r).toMatchObject({ dueDate: '2027-01-13', provisional: true, provisionalYears: [2027] });
    expect(r.prompt).toContain('请录入2027年');
  });

  it('with the organ\u2019s 2027 table it is not', () => {
    const organ = createCalendar({ years: { '2027': { holidays: ['2027-01-01'], workdays: [] } } });
    const r = computeDeadline(organ, { receivedDate: '2026-12-15', events: [] }, '2026-12-15');
    expect(r).toMatchObject({ dueDate: '2027-01-13', provisional: false, provisionalYears: [] });
    expect(r.prompt).toBeUndefined();
  });

  it('a fee deadline in 2027 makes the state provisional too', () => {
    const r = run('2026-12-01', [{ type: 'feeNoticed', date: '2026-12-20' }], '2026-12-21');
    expect(r).toMatchObject({ status: 'paused', provisional: true, provisionalYears: [2027] });
  });
});

describe('properties', () => {
  const received = fc.integer({ min: 0, max: 700 }).map((i) => addDays('2025-01-01', i));

  it('a pause keeps the remaining days: they land right after the pause ends', () => {
    fc.assert(
      fc.property(
        received,
        fc.integer({ min: 0, max: 35 }),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('consultation', 'fee'),
        (rec, offset, length, kind) => {
          const start = addDays(rec, offset);
          const end = addDays(start, length);
          fc.pre(start <= cal.addWorkdays(rec, 20).date); // a later pause is refused
          if (kind === 'fee')
            fc.pre(end <= cal.addWorkdays(start, 20).date); // paid in time
          else fc.pre(end <= cal.addWorkdays(start, 15).date); // answered within the third party's 15 days
          const events: ClockEvent[] =
            kind === 'fee'
              ? [
                  { type: 'feeNoticed', date: start },
                  { type: 'feePaid', date: end },
                ]
              : [
                  { type: 'consultationStarted', date: start },
                  { type: 'consultationEnded', date: end },
                ];
          const used = cal.workdaysBetween(rec, start).count;
          const remaining = 20 - used;
          const r = run(rec, events, end);
          expect(r.daysUsed).toBe(Math.min(used, 20));
          expect(r.dueDate).toBe(remaining > 0 ? cal.addWorkdays(end, remaining).date : end);
        },
      ),
    );
  });

  it('without events: due = addWorkdays(received, 20); used + remaining = 20 until the due date', () => {
    fc.assert(
      fc.property(received, fc.integer({ min: 0, max: 45 }), (rec, after) => {
        const today = addDays(rec, after);
        const r = run(rec, [], today);
        expect(r.dueDate).toBe(cal.addWorkdays(rec, 20).date);
        expect(r.overdue).toBe(today > r.dueDate);
        if (!r.overdue) expect(r.daysUsed + r.daysRemaining).toBe(20);
        expect(r.atRisk).toBe(!r.overdue && r.daysRemaining <= 3);
      }),
    );
  });
});

describe("periods from the addressee's receipt (送达)", () => {
  const R0 = '2026-03-02'; // a Monday, no holidays until 清明 (04-04..04-06)

  it('fee by post: 20 working days from the signed-for day, not from sending (109号)', () => {
    const sent = '2026-03-04';
    const signed = cal.addWorkdays(sent, 5).date; // received five working days after sending
    const events: ClockEvent[] = [
      { type: 'feeNoticed', date: sent, via: 'post' },
      { type: 'noticeDelivered', date: signed, notice: 'fee', via: 'post' },
    ];
    const bySending = cal.addWorkdays(sent, 20).date;
    const dayAfter = addDays(bySending, 1);
    const r = run(R0, events, dayAfter);
    expect(r).toMatchObject({ status: 'paused', pausedBy: 'fee', pauseEndsBy: cal.addWorkdays(signed, 20).date });
    expect(r.autoClose).toBeUndefined();
    const late = addDays(cal.addWorkdays(signed, 20).date, 1);
    expect(run(R0, events, late).autoClose).toEqual({ outcome: 'otherFeeUnpaid', date: late });
  });

  it('online: received the day it is sent (available in the mini program, message sent)', () => {
    const r = run(R0, [{ type: 'feeNoticed', date: '2026-03-04', via: 'online' }], '2026-03-05');
    expect(r.pauseEndsBy).toBe(cal.addWorkdays('2026-03-04', 20).date);
  });

  it('posted and not yet signed for, or returned: no period runs, nothing closes', () => {
    const posted: ClockEvent[] = [
      { type: 'correctionRequested', date: '2026-03-04', correctBy: '2026-03-18', via: 'post' },
    ];
    const r = run(R0, posted, '2026-06-30');
    expect(r).toMatchObject({ status: 'paused', awaitingDelivery: true });
    expect(r.pauseEndsBy).toBeUndefined();
    expect(r.autoClose).toBeUndefined();
    const returned: ClockEvent[] = [
      { type: 'feeNoticed', date: '2026-03-04', via: 'post' },
      { type: 'noticeDelivered', date: '2026-03-06', notice: 'fee', via: 'post' },
      { type: 'noticeReturned', date: '2026-03-09', notice: 'fee' },
    ];
    expect(run(R0, returned, '2026-06-30')).toMatchObject({ awaitingDelivery: true, status: 'paused' });
  });

  it("补正 by post keeps the notice's period, counted from the signed-for day", () => {
    // The notice of 03-04 gave until 03-18 (10 working days); signed for on 03-09 → 03-23.
    const events: ClockEvent[] = [
      { type: 'correctionRequested', date: '2026-03-04', correctBy: '2026-03-18', via: 'post' },
      { type: 'noticeDelivered', date: '2026-03-09', notice: 'correction', via: 'post' },
    ];
    expect(run(R0, events, '2026-03-19').pauseEndsBy).toBe('2026-03-23');
    expect(run(R0, events, '2026-03-24').autoClose).toEqual({ outcome: 'otherNoCorrection', date: '2026-03-24' });
  });

  it('a late correction with a 正当理由 is accepted and restarts the clock; without one it is refused', () => {
    const notice: ClockEvent = { type: 'correctionRequested', date: '2026-03-04', correctBy: '2026-03-11' };
    const late = '2026-03-16';
    expect(() => run(R0, [notice, { type: 'correctionReceived', date: late }], late)).toThrow(
      expect.objectContaining({ code: 'CORRECTION_LATE' }),
    );
    const r = run(R0, [notice, { type: 'correctionReceived', date: late, lateReason: '住院治疗' }], late);
    expect(r).toMatchObject({ status: 'running', daysUsed: 0, lateCorrectionReason: '住院治疗' });
    expect(r.dueDate).toBe(cal.addWorkdays(late, 20).date);
  });
});

describe('third-party consultation ends (条例 第三十二条)', () => {
  const R0 = '2026-05-06';
  const start: ClockEvent = { type: 'consultationStarted', date: '2026-05-07', via: 'post' };
  const signed = '2026-05-11';
  const delivered: ClockEvent = { type: 'noticeDelivered', date: signed, notice: 'consultation', via: 'post' };
  const lapse = cal.addWorkdays(signed, 15).date;

  it("runs 15 working days from the third party's receipt, with a reminder before the lapse", () => {
    const before = cal.addWorkdays(signed, 13).date;
    expect(run(R0, [start, delivered], before)).toMatchObject({
      status: 'paused',
      pausedBy: 'consultation',
      pauseEndsBy: lapse,
      pauseEndingSoon: true,
    });
    expect(run(R0, [start, delivered], cal.addWorkdays(signed, 5).date).pauseEndingSoon).toBe(false);
  });

  it('ends by itself on the 15th working day: the clock runs again from the next day', () => {
    const today = cal.addWorkdays(lapse, 2).date;
    const r = run(R0, [start, delivered], today);
    expect(r).toMatchObject({ status: 'running', consultationLapsed: lapse });
    // one day counted before the consultation (05-07 itself), then two after the lapse
    expect(r.daysUsed).toBe(3);
    // a late reply does not stretch the pause
    const withReply = run(R0, [start, delivered, { type: 'consultationEnded', date: today }], today);
    expect(withReply.dueDate).toBe(r.dueDate);
  });

  it("ends on the third party's answer when it comes first", () => {
    const answer = cal.addWorkdays(signed, 3).date;
    const r = run(R0, [start, delivered, { type: 'consultationEnded', date: answer }], answer);
    expect(r.status).toBe('running');
    expect(r.consultationLapsed).toBeUndefined();
  });
});
