import fc from 'fast-check';
import { feeByCount, feeByPages, totalFeeByCount } from '../../../shared/calendar';

describe('fees by count (109号 第四条)', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('request #%d costs %d元', (n, fee) => {
    expect(feeByCount(n)).toBe(fee);
  });

  it.each([
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [40, 4000],
    [41, 4300],
    [50, 7000],
  ])('a month of %d requests costs %d元 in total', (n, total) => {
    expect(totalFeeByCount(n)).toBe(total);
  });

  it('the total grows by exactly the fee of the next request', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (n) => {
        expect(totalFeeByCount(n) - totalFeeByCount(n - 1)).toBe(feeByCount(n));
      }),
    );
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => feeByCount(0)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => feeByCount(2.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => totalFeeByCount(-1)).toThrow(/本月申请件数须为不小于 0 的整数/);
  });
});

describe('fees by pages (109号 第五条)', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('%d pages cost %d元', (pages, fee) => {
    expect(feeByPages(pages)).toBe(fee);
  });

  it('each extra page costs its band rate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2000 }), (p) => {
        const rate = p <= 30 ? 0 : p <= 100 ? 10 : p <= 200 ? 20 : 40;
        expect(feeByPages(p) - feeByPages(p - 1)).toBe(rate);
      }),
    );
  });

  it('refuses negative or fractional pages', () => {
    expect(() => feeByPages(-1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => feeByPages(Number.NaN)).toThrow(/页数/);
  });
});
