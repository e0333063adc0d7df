import { CalendarError } from '../../../shared/calendar';
import { cellAddress } from '../../../shared/format';
import { requestRecordSchema } from '../../../shared/records';
import { buildReport } from '../../../shared/report/build';
import { fromCalendarError, toFailure, toRequestRecord, refuse } from '../../../shared/requests';
import { received, run } from './fixtures';

const cell = (row: string, column = 'natural') => cellAddress('applications', row, column);
const report = (year: number, records: ReturnType<typeof toRequestRecord>[]) =>
  buildReport(year, {
    organ: '华城镇人民政府',
    requests: records.flatMap((r) => (r ? [r] : [])),
    statEntries: [],
    cases: [],
    items: [],
  }).report.cells;

describe('toRequestRecord → the annual report', () => {
  it('a request received 12-28 and answered 01-15 is carried forward, then carried over and counted next year', () => {
    const request = run(received({ receivedDate: '2025-12-28', channel: 'post' }), [
      [{ type: 'answer', outcome: 'disclosed' }, '2026-01-15'],
    ]);
    const record = toRequestRecord(request);
    expect(record).toEqual({
      id: request.id,
      applicantType: 'natural',
      receivedDate: '2025-12-28',
      outcome: 'disclosed',
      answeredDate: '2026-01-15',
    });
    expect(requestRecordSchema.safeParse(record).success).toBe(true);
    const y2025 = report(2025, [record]);
    expect([y2025[cell('newReceived')], y2025[cell('disclosed')], y2025[cell('carriedForward')]]).toEqual([1, 0, 1]);
    const y2026 = report(2026, [record]);
    expect([
      y2026[cell('newReceived')],
      y2026[cell('carriedOver')],
      y2026[cell('disclosed')],
      y2026[cell('carriedForward')],
    ]).toEqual([0, 1, 1, 0]);
  });

  it('an abandoned request counts under its outcome at the date it closed', () => {
    const closed = run(
      received({
        receivedDate: '2025-12-22',
        applicantType: 'commercial',
        name: undefined,
        organisationName: '某公司',
        contactName: '王五',
        idType: 'creditCode',
        idNumber: '91350100M000100Y43',
      }),
      [
        [{ type: 'requestCorrection', items: '请写明年份', correctBy: '2025-12-30' }, '2025-12-23'],
        [{ type: 'close' }, '2026-01-05'],
      ],
    );
    expect(toRequestRecord(closed)).toMatchObject({
      applicantType: 'commercial',
      outcome: 'otherNoCorrection',
      answeredDate: '2025-12-31',
    });
    const y2025 = report(2025, [toRequestRecord(closed)]);
    expect([y2025[cell('otherNoCorrection', 'commercial')], y2025[cell('carriedForward', 'commercial')]]).toEqual([
      1, 0,
    ]);
  });

  it('an open request has no outcome yet; an unconfirmed online submission is not a record', () => {
    expect(toRequestRecord(received())).toMatchObject({ outcome: null, answeredDate: null });
    expect(toRequestRecord({ ...received(), receivedDate: null, status: 'submitted' })).toBeNull();
  });
});

describe('errors for the function envelope', () => {
  it('state conflicts become CONFLICT, input problems VALIDATION; the code stays in the message', () => {
    expect(toFailure(refuse('ILLEGAL_TRANSITION', '不能'))).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '不能（ILLEGAL_TRANSITION）',
    });
    expect(toFailure(refuse('INVALID_ACTION', '无效', [{ path: 'type', message: 'x' }]))).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: 'type' }],
    });
  });

  it('re-codes the clock’s refusals', () => {
    expect(fromCalendarError(new CalendarError('EVENT_AFTER_CLOSE', '已过期限'))).toEqual({
      ok: false,
      code: 'LAPSED',
      message: '已过期限',
    });
    expect(fromCalendarError(new CalendarError('PAUSE_OVERLAP', '重叠')).code).toBe('CLOCK_REFUSED');
  });
});
