import {
  CalendarError,
  computeDeadline,
  createCalendar,
  DayCounter,
  replay,
  type ClockEvent,
} from '../../../shared/calendar';

const cal = createCalendar();
const R = '2025-09-25'; // due 2025-10-29; 补正 notice by 2025-10-11

function errorOf(events: unknown[], today = '2025-12-31', receivedDate = R): CalendarError {
  try {
    computeDeadline(cal, { receivedDate, events: events as ClockEvent[] }, today);
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

const correction = { type: 'correctionRequested', date: '2025-09-29', correctBy: '2025-10-20' };
const fee = { type: 'feeNoticed', date: '2025-09-29' };
const consult = { type: 'consultationStarted', date: '2025-09-29' };

describe('event sequence checks', () => {
  it.each([
    [
      'before receipt',
      [{ type: 'answered', date: '2025-09-24' }],
      'EVENT_BEFORE_RECEIPT',
      '早于收到申请日期 2025-09-25',
    ],
    [
      'out of order',
      [
        { ...consult, date: '2025-10-10' },
        { type: 'consultationEnded', date: '2025-10-09' },
      ],
      'EVENT_ORDER',
      '事件须按发生顺序排列',
    ],
    ['in the future', [{ type: 'answered', date: '2026-01-05' }], 'EVENT_AFTER_TODAY', '晚于今天'],
    [
      'after the answer',
      [
        { type: 'answered', date: '2025-10-09' },
        { ...consult, date: '2025-10-10' },
      ],
      'EVENT_AFTER_ANSWER',
      '申请已于 2025-10-09 答复',
    ],
    [
      'end without start',
      [{ type: 'consultationEnded', date: '2025-10-09' }],
      'UNEXPECTED_EVENT',
      '没有进行中的征求第三方意见',
    ],
    [
      'correction received without notice',
      [{ type: 'correctionReceived', date: '2025-10-09' }],
      'UNEXPECTED_EVENT',
      '没有待补正的告知',
    ],
    ['payment without notice', [{ type: 'feePaid', date: '2025-10-09' }], 'UNEXPECTED_EVENT', '没有进行中的缴费'],
    [
      'fee during consultation',
      [consult, { ...fee, date: '2025-10-09' }],
      'PAUSE_OVERLAP',
      '征求第三方意见（自 2025-09-29 起）尚未结束',
    ],
    [
      'extension while awaiting correction',
      [correction, { type: 'extended', date: '2025-10-09', workdays: 5, approver: '主任' }],
      'UNEXPECTED_EVENT',
      '补正期间',
    ],
    [
      'second correction',
      [correction, { type: 'correctionReceived', date: '2025-10-09' }, { ...correction, date: '2025-10-10' }],
      'CORRECTION_TWICE',
      '一次性告知',
    ],
    [
      'late correction notice',
      [{ ...correction, date: '2025-10-13' }],
      'CORRECTION_NOTICE_LATE',
      '7 个工作日内（2025-10-11 前）',
    ],
    [
      'correctBy before the notice',
      [{ ...correction, correctBy: '2025-09-28' }],
      'INVALID_EVENT',
      '补正期限 2025-09-28 早于告知日期',
    ],
    [
      'correction after its deadline',
      [correction, { type: 'correctionReceived', date: '2025-10-21' }],
      'CORRECTION_LATE',
      '申请视为放弃',
    ],
    [
      'second extension',
      [
        { type: 'extended', date: '2025-10-09', workdays: 5, approver: '主任' },
        { type: 'extended', date: '2025-10-10', workdays: 5, approver: '主任' },
      ],
      'EXTENSION_TWICE',
      '只能延长一次',
    ],
    [
      'late extension',
      [{ type: 'extended', date: '2025-10-30', workdays: 5, approver: '主任' }],
      'EXTENSION_LATE',
      '答复期限已于 2025-10-29 届满',
    ],
    ['late consultation', [{ ...consult, date: '2025-10-30' }], 'CONSULTATION_LATE', '征求第三方意见须在期限内作出'],
    ['late fee notice', [{ ...fee, date: '2025-10-30' }], 'FEE_NOTICE_LATE', '收费通知须在期限内作出'],
    [
      'second fee notice',
      [fee, { type: 'feePaid', date: '2025-10-09' }, { ...fee, date: '2025-10-10' }],
      'FEE_TWICE',
      '已发出过收费通知',
    ],
    [
      'payment after its deadline',
      [fee, { type: 'feePaid', date: '2025-11-04' }],
      'FEE_PAID_LATE',
      '晚于缴费期限 2025-11-03',
    ],
    [
      'other event after a lapse',
      [fee, { type: 'extended', date: '2025-11-04', workdays: 5, approver: '主任' }],
      'EVENT_AFTER_CLOSE',
      '只能登记答复',
    ],
  ])('%s', (_label, events, code, text) => {
    const e = errorOf(events);
    expect(e.code).toBe(code);
    expect(e.message).toContain(text);
  });

  it('names the event by position, label and date', () => {
    const e = errorOf([consult, { type: 'feePaid', date: '2025-10-09' }]);
    expect(e.message).toBe('第 2 个事件（缴纳信息处理费，2025-10-09）：没有进行中的缴费');
    expect(e.eventIndex).toBe(1);
  });
});

describe('input checks', () => {
  it.each([
    ['unknown event type', [{ type: 'withdrawn', date: '2025-10-09' }], '事件类型无效'],
    ['bad event date', [{ type: 'answered', date: '2025-10-32' }], '事件日期须为 YYYY-MM-DD 格式的有效日期'],
    [
      'extension beyond 20 days',
      [{ type: 'extended', date: '2025-10-09', workdays: 21, approver: '主任' }],
      '不得超过 20 个工作日',
    ],
    [
      'extension without approver',
      [{ type: 'extended', date: '2025-10-09', workdays: 5, approver: ' ' }],
      '批准人不能为空',
    ],
    ['fractional extension', [{ type: 'extended', date: '2025-10-09', workdays: 2.5, approver: '主任' }], '须为整数'],
  ])('%s', (_label, events, text) => {
    const e = errorOf(events);
    expect(e.code).toBe('INVALID_EVENT');
    expect(e.message).toContain(text);
    expect(e.fieldErrors?.length).toBeGreaterThan(0);
  });

  it('checks today, the receipt date and the atRisk threshold', () => {
    expect(errorOf([], '2025-09-24').code).toBe('TODAY_BEFORE_RECEIPT');
    expect(errorOf([], '2025-9-30').code).toBe('INVALID_DATE');
    expect(errorOf([], '2025-10-01', '2025-02-30').message).toContain('收到申请日期');
    expect(() => computeDeadline(cal, { receivedDate: R, events: [] }, R, { atRiskDays: -1 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('replay', () => {
  it('leaves the state the clock needs', () => {
    const state = replay(
      new DayCounter(cal),
      {
        receivedDate: R,
        events: [
          { type: 'consultationStarted', date: '2025-09-29' },
          { type: 'consultationEnded', date: '2025-10-09' },
          { type: 'extended', date: '2025-10-10', workdays: 10, approver: '主任' },
          { type: 'feeNoticed', date: '2025-10-13' },
        ],
      },
      '2025-10-14',
    );
    expect(state).toEqual({
      base: R,
      limit: 30,
      pauses: [{ start: '2025-09-29', end: '2025-10-09' }],
      open: {
        kind: 'fee',
        start: '2025-10-13',
        deliveredOn: '2025-10-13',
        deadline: cal.addWorkdays('2025-10-13', 20).date,
      },
      correctionDueBy: '2025-10-11',
      extension: { date: '2025-10-10', workdays: 10, approver: '主任' },
    });
  });
});
