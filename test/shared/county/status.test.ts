/** The county's status flow (shared/county/status.ts): what each move may do from each state, the due date, overdue. */
import {
  COUNTY_FLOW,
  COUNTY_MOVES,
  COUNTY_STATES,
  MOVE_ACTOR,
  dueDateOf,
  isOverdue,
  moveCounty,
} from '../../../shared/county/status';

describe('moveCounty', () => {
  it('follows the township through its chain to the county, and the county returns or publishes', () => {
    const path = [
      ['notStarted', 'write', 'drafting'],
      ['drafting', 'submit', 'inApproval'],
      ['inApproval', 'reject', 'drafting'],
      ['drafting', 'submit', 'inApproval'],
      ['inApproval', 'approveLast', 'submitted'],
      ['submitted', 'return', 'returned'],
      ['returned', 'write', 'returned'],
      ['returned', 'submit', 'inApproval'],
      ['inApproval', 'approveLast', 'submitted'],
      ['submitted', 'publish', 'published'],
      ['published', 'write', 'drafting'],
    ] as const;
    for (const [from, move, to] of path) expect(moveCounty(from, move)).toEqual({ ok: true, state: to });
  });

  it('lets only the county move a submitted report, and the county nothing else but pasting', () => {
    for (const move of COUNTY_MOVES) {
      const r = moveCounty('submitted', move);
      expect(r.ok).toBe(move === 'return' || move === 'publish');
    }
    for (const state of COUNTY_STATES)
      for (const move of ['return', 'publish'] as const)
        expect(moveCounty(state, move)).toMatchObject({ ok: state === 'submitted' });
    // Every move the county makes is named as the county's, every other as the township's.
    expect(COUNTY_MOVES.filter((m) => MOVE_ACTOR[m] === 'county')).toEqual(['return', 'publish', 'import']);
  });

  it('never skips the organ’s own chain: only its last approval reaches submitted', () => {
    for (const state of COUNTY_STATES)
      for (const [move, to] of Object.entries(COUNTY_FLOW[state]))
        if (to === 'submitted') expect([state, move]).toEqual(['inApproval', 'approveLast']);
  });

  it('refuses to paste over an organ on the product, and names the state it is in otherwise', () => {
    expect(moveCounty('notStarted', 'import', { onProduct: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(moveCounty('notStarted', 'import', { onProduct: false })).toEqual({ ok: true, state: 'published' });
    expect(moveCounty('drafting', 'publish')).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有已报送的报告可以代为发布或退回（当前：编制中），请刷新',
    });
  });
});

describe('due date and overdue', () => {
  it('is the county’s month-day of the year after, 01-31 by default, 02-29 only in a leap year', () => {
    expect(dueDateOf(2025)).toBe('2026-01-31');
    expect(dueDateOf(2025, '02-15')).toBe('2026-02-15');
    expect(dueDateOf(2023, '02-29')).toBe('2024-02-29');
    expect(dueDateOf(2024, '02-29')).toBe('2025-02-28');
  });

  it('is overdue after the due date until published', () => {
    expect(isOverdue('submitted', '2026-01-31', '2026-01-31')).toBe(false);
    expect(isOverdue('submitted', '2026-01-31', '2026-02-01')).toBe(true);
    expect(isOverdue('published', '2026-01-31', '2026-02-01')).toBe(false);
  });
});
