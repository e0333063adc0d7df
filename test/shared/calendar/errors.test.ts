import { CalendarError, toFailure } from '../../../shared/calendar';

describe('CalendarError', () => {
  it('is an Error with a stable code, and maps to the project Failure shape', () => {
    const e = new CalendarError('EVENT_ORDER', '事件须按发生顺序排列', { eventIndex: 2 });
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CalendarError');
    expect(e.eventIndex).toBe(2);
    expect(toFailure(e)).toEqual({ ok: false, code: 'VALIDATION', message: '事件须按发生顺序排列' });
    const withFields = new CalendarError('INVALID_EVENT', 'x', {
      fieldErrors: [{ path: 'events.0.date', message: 'm' }],
    });
    expect(toFailure(withFields).fieldErrors).toEqual([{ path: 'events.0.date', message: 'm' }]);
  });
});
