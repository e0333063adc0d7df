import { EQUATIONS, equationsWithin, type Equation } from '../../../shared/import/equations';
import { feasible, propagate } from '../../../shared/import/propagate';

const eq = (left: string[], right: string[]): Equation => ({
  check: 'applicantTotal',
  table: 'applications',
  per: 'row',
  along: 'x',
  left,
  right,
});
const values = (o: Record<string, number | null>) => new Map(Object.entries(o));
const solved = (o: Record<string, number | null>, eqs: Equation[]) =>
  Object.fromEntries([...propagate(values(o), eqs)].map(([c, f]) => [c, f.value]));

describe('propagate', () => {
  const total = eq(['t'], ['a', 'b', 'c']);

  it('solves an equation with one unknown, on either side', () => {
    expect(solved({ t: 5, a: 2, b: null, c: 1 }, [total])).toEqual({ b: 2 });
    expect(solved({ t: null, a: 2, b: 0, c: 1 }, [total])).toEqual({ t: 3 });
  });

  it('makes every part 0 when the known cells already balance', () => {
    expect(solved({ t: 0, a: null, b: null, c: null }, [total])).toEqual({ a: 0, b: 0, c: 0 });
    expect(solved({ t: 2, a: 2, b: null, c: null }, [total])).toEqual({ b: 0, c: 0 });
  });

  it('chains equations until nothing changes', () => {
    const rows = [eq(['t'], ['a', 'b']), eq(['a'], ['x', 'y'])];
    expect(solved({ t: 4, a: null, b: 1, x: null, y: 3 }, rows)).toEqual({ a: 3, x: 0 });
  });

  it('does not guess: two unknowns with a non-zero remainder, or on both sides, stay unknown', () => {
    expect(solved({ t: 3, a: null, b: null, c: 0 }, [total])).toEqual({});
    expect(solved({ l1: 2, l2: null, r1: 2, r2: null }, [eq(['l1', 'l2'], ['r1', 'r2'])])).toEqual({});
  });

  it('never fills a negative or fractional value', () => {
    expect(solved({ t: 1, a: 2, b: null, c: 0 }, [total])).toEqual({});
    expect(solved({ t: 1.5, a: 1, b: null, c: 0 }, [total])).toEqual({});
  });

  it('leaves a cell two equations give differently unfilled', () => {
    expect(solved({ t: 5, a: 2, b: null, c: 1, u: 9 }, [total, eq(['u'], ['b'])])).toEqual({});
    expect(solved({ t: 3, a: 2, b: null, c: 0, s: 4, w: 1 }, [total, eq(['s'], ['b', 'w'])])).toEqual({});
  });

  it('withdraws a value that breaks a later equation, but not for one the print already broke', () => {
    // b = 1 from the row; the column then says s(5) ≠ b + w(1): b is withdrawn.
    const row = eq(['t'], ['a', 'b']);
    const col = eq(['s'], ['b', 'w', 'z']);
    expect(solved({ t: 3, a: 2, b: null, s: 5, w: 1, z: 0 }, [row, col])).toEqual({});
    // The print breaks q = p on its own: the fill elsewhere stands.
    expect(solved({ t: 3, a: 2, b: null, p: 1, q: 2 }, [row, eq(['p'], ['q'])])).toEqual({ b: 1 });
  });

  it('feasible: a broken equation, and unknowns that would have to be negative', () => {
    const get = (o: Record<string, number | null>) => (c: string) => o[c] ?? null;
    expect(feasible(total, get({ t: 3, a: 1, b: 1, c: 1 }))).toBe(true);
    expect(feasible(total, get({ t: 3, a: 1, b: 1, c: 2 }))).toBe(false);
    expect(feasible(total, get({ t: 1, a: 2, b: null, c: null }))).toBe(false);
    expect(feasible(eq(['l', 'm'], ['r']), get({ l: 1, m: null, r: null }))).toBe(true);
  });
});

describe('equations', () => {
  it('are the checks engine’s: 25 row totals, 7 outcome totals, 7 balances, 3 review totals', () => {
    expect(
      EQUATIONS.map((e) => e.check).reduce<Record<string, number>>((n, c) => ({ ...n, [c]: (n[c] ?? 0) + 1 }), {}),
    ).toEqual({
      balance: 7,
      resultTotal: 7,
      applicantTotal: 25,
      reviewTotal: 3,
    });
  });

  it('equationsWithin picks the equations of one row', () => {
    const cells = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `reviewLitigation.review.${c}`);
    expect(equationsWithin(cells).map((e) => e.check)).toEqual(['reviewTotal']);
  });
});
