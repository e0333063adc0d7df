import { resolveRow, slotValue } from '../../../shared/import/align';
import { equationsWithin } from '../../../shared/import/equations';
import { lineTokens, type ValueToken } from '../../../shared/import/tokens';

const COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const cells = COLUMNS.map((c) => `applications.disclosed.${c}`);
const equations = equationsWithin(cells);
const vals = (line: string): ValueToken[] => lineTokens(line, 0).filter((t): t is ValueToken => t.kind !== 'text');
const resolve = (line: string) => {
  const r = resolveRow({ cells, values: vals(line), equations, isDecimal: () => false });
  return COLUMNS.map((_, i) => {
    const c = r.cells.get(cells[i] ?? '');
    return c?.value === null || c === undefined
      ? '?'
      : `${c.value}${c.source === 'read' ? '' : c.source === 'aligned' ? 'a' : 'i'}`;
  }).join(' ');
};

describe('resolveRow', () => {
  it('reads a full row in order, and only the first values of a longer one', () => {
    expect(resolve('1 2 0 0 0 0 3')).toBe('1 2 0 0 0 0 3');
    expect(resolve('1 2 0 0 0 0 3 9')).toBe('1 2 0 0 0 0 3');
  });

  it('keeps markers and blanks in their place, unreadable', () => {
    expect(resolve('1\t—\t0\t\t0\t0\t1')).toBe('1 ? 0 ? 0 0 1');
  });

  it('short row, all values equal: every placement gives the same cells', () => {
    expect(resolve('0 0 0 0 0 0')).toBe('0i 0i 0i 0i 0i 0i 0i');
  });

  it('short row, one placement fits the total: the values stand there, the total is computed', () => {
    expect(resolve('2 1 0 0 0 1')).toBe('2a 1a 0a 0a 0a 1a 4i');
  });

  it('short row, several placements fit: only the cells they agree on are taken', () => {
    expect(resolve('1 0 0 0 0 1')).toBe('? ? 0i 0i 0i ? ?');
  });

  it('short row that no placement makes consistent (a misprint besides the gap): all unreadable', () => {
    const review = ['review', 'directSuit'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `reviewLitigation.${g}.${c}`),
    );
    const r = resolveRow({
      cells: review,
      values: vals('9 9 9 9 1 9 9 9 9'),
      equations: equationsWithin(review),
      isDecimal: () => false,
    });
    expect([...r.cells.values()].every((c) => c.value === null)).toBe(true);
    expect(r.shortBy).toEqual({ printed: 9, expected: 10 });
  });

  it('a missing row is unreadable', () => {
    const r = resolveRow({ cells, values: undefined, equations, isDecimal: () => false });
    expect(r.cells.get(cells[0] ?? '')).toEqual({ value: null, reason: '未找到该行的数字' });
  });

  it('too many placements to try: unreadable', () => {
    const wide = Array.from({ length: 40 }, (_, i) => `x.y.c${i}`);
    const r = resolveRow({
      cells: wide,
      values: vals('1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20'),
      equations: [],
      isDecimal: () => false,
    });
    expect([...r.cells.values()].every((c) => c.value === null)).toBe(true);
  });
});

describe('slotValue', () => {
  it('reads counts, the fee decimal, and refuses negatives and fractions of counts', () => {
    const [n, f, neg] = vals('3 0.35 -1');
    expect(n && slotValue(n, false)).toEqual({ value: 3 });
    expect(f && slotValue(f, true)).toEqual({ value: 0.35 });
    expect(f && slotValue(f, false)).toEqual({ value: null, reason: '印为“0.35”，不是非负整数' });
    expect(neg && slotValue(neg, true)).toEqual({ value: null, reason: '印为“-1”，不是非负数' });
  });
});
