import { CASE_RULES, REQUEST_RULES, type CaseFacts, type RequestFacts, type Rule } from '../../../shared/report/rules';

const request = (receivedYear: number, answeredYear: number | null): RequestFacts => ({
  applicantType: 'natural',
  outcome: answeredYear === null ? null : 'disclosed',
  receivedYear,
  answeredYear,
  n: 1,
});
const kase = (filedYear: number, closedYear: number | null): CaseFacts => ({
  kind: 'review',
  result: closedYear === null ? null : 'upheld',
  filedYear,
  closedYear,
  n: 1,
});
function ruleOf<F>(rules: readonly Rule<F>[], key: string): Rule<F> {
  const found = rules.find((r) => r.key === key);
  if (!found) throw new Error(`no rule ${key}`);
  return found;
}

describe('rules: open on 31 Dec', () => {
  const forward = ruleOf(REQUEST_RULES, 'carriedForward');
  const over = ruleOf(REQUEST_RULES, 'carriedOver');
  const pending = ruleOf(CASE_RULES, 'pending');

  it('carries forward a request received by 31 Dec and not answered by then', () => {
    expect(forward.counts(request(2024, null), 2024)).toBe(true);
    expect(forward.counts(request(2024, 2025), 2024)).toBe(true);
    expect(forward.counts(request(2023, 2025), 2024)).toBe(true);
    expect(forward.counts(request(2024, 2024), 2024)).toBe(false);
    expect(forward.counts(request(2025, null), 2024)).toBe(false);
    expect(forward.where(2024)).toEqual([
      { field: 'receivedDate', lte: '2024-12-31' },
      { field: 'answeredDate', gte: '2025-01-01', orNull: true },
    ]);
  });

  it('carries over into a year what was carried forward from the year before (上年结转 = 上年的结转下年度)', () => {
    for (const received of [2022, 2023, 2024])
      for (const answered of [null, 2023, 2024, 2025]) {
        const f = request(received, answered);
        expect(over.counts(f, 2024)).toBe(forward.counts(f, 2023));
      }
    expect(over.where(2024)).toEqual([
      { field: 'receivedDate', lte: '2023-12-31' },
      { field: 'answeredDate', gte: '2024-01-01', orNull: true },
    ]);
  });

  it('counts a case filed by 31 Dec and not closed by then as pending (尚未审结)', () => {
    expect(pending.counts(kase(2024, null), 2024)).toBe(true);
    expect(pending.counts(kase(2023, 2025), 2024)).toBe(true);
    expect(pending.counts(kase(2024, 2024), 2024)).toBe(false);
    expect(pending.counts(kase(2025, null), 2024)).toBe(false);
    expect(pending.where(2024)).toEqual([
      { field: 'filedDate', lte: '2024-12-31' },
      { field: 'closedDate', gte: '2025-01-01', orNull: true },
    ]);
  });
});
