import * as calendar from '../../../shared/calendar';

describe('shared/calendar index', () => {
  it('exports the public API', () => {
    for (const name of [
      'createCalendar',
      'computeDeadline',
      'feeByCount',
      'totalFeeByCount',
      'feeByPages',
      'parseOrganCalendar',
      'CalendarError',
      'toFailure',
      'CLOCK_RULES',
    ]) {
      expect(calendar).toHaveProperty(name);
    }
  });

  it('cites an article for every time rule', () => {
    for (const rule of Object.values(calendar.CLOCK_RULES)) expect(rule.basis).toMatch(/条例|109号/);
  });
});
