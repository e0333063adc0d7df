import { feeByCount } from '../../../shared/calendar';
import {
  applicantKey,
  applyAction,
  describeFee,
  nthRequestThisMonth,
  priceFee,
  type InfoRequest,
} from '../../../shared/requests';
import { cal, received } from './fixtures';

const OTHER_ID = '11010519491231002X';

/** `count` requests of one applicant on consecutive March days, plus noise: another applicant, April, February. */
function month(count: number): InfoRequest[] {
  const mine = Array.from({ length: count }, (_, i) =>
    received({ receivedDate: `2026-03-${String(i + 1).padStart(2, '0')}` }, `2026-${String(100 + i).padStart(4, '0')}`),
  );
  return [
    ...mine,
    received({ idNumber: OTHER_ID, receivedDate: '2026-03-01' }),
    received({ receivedDate: '2026-02-28' }),
    received({ receivedDate: '2026-04-01' }),
  ];
}

describe('fees by count: per applicant, per calendar month (国办函〔2020〕109号 第四条)', () => {
  const all = month(12);

  it('numbers the applicant’s requests of the month in receipt order, ignoring others and other months', () => {
    const mine = all.slice(0, 12);
    expect(mine.map((r) => nthRequestThisMonth(r, all))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const other = all[12];
    const april = all[14];
    expect(other && nthRequestThisMonth(other, all)).toBe(1);
    expect(april && nthRequestThisMonth(april, all)).toBe(1);
  });

  it('the 11th and 12th cost 100元, the first ten nothing; the notice must state that amount', () => {
    const mine = all.slice(0, 12);
    expect(mine.map((r) => feeByCount(nthRequestThisMonth(r, all)))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100, 100]);
    const eleventh = mine[10];
    if (!eleventh) throw new Error('fixture');
    const nth = nthRequestThisMonth(eleventh, all);
    const ok = applyAction(
      eleventh,
      {
        type: 'noticeFee',
        feeBasis: { method: 'count', nthThisMonth: nth },
        amountYuan: priceFee({ method: 'count', nthThisMonth: nth }),
      },
      '2026-03-12',
      cal,
    );
    expect(ok).toMatchObject({ ok: true, data: { status: 'feeNoticed' } });
  });

  it('orders same-day requests by 申请编号, counts one not in the list as its own, skips unconfirmed ones', () => {
    const a = received({ receivedDate: '2026-05-06' }, '2026-0201');
    const b = received({ receivedDate: '2026-05-06' }, '2026-0202');
    expect([nthRequestThisMonth(a, [a, b]), nthRequestThisMonth(b, [b, a]), nthRequestThisMonth(b, [a])]).toEqual([
      1, 2, 2,
    ]);
    const unconfirmed: InfoRequest = { ...a, id: 'x', receivedDate: null, status: 'submitted' };
    expect(nthRequestThisMonth(b, [a, unconfirmed])).toBe(2);
    expect(nthRequestThisMonth(unconfirmed, [a, b])).toBe(0);
  });

  it('knows the same applicant by document type and number', () => {
    expect(applicantKey({ idType: 'idCard', idNumber: OTHER_ID })).toBe(`idCard:${OTHER_ID}`);
  });
});

describe('describeFee (the 收费通知 explains the amount)', () => {
  it('by count', () => {
    expect(describeFee({ method: 'count', nthThisMonth: 31 })).toMatch(/第 31 件申请.*应缴 200 元/);
  });

  it('by pages, band by band', () => {
    expect(describeFee({ method: 'pages', pages: 250 })).toBe(
      '按量计收：共 250 页，30 页以内免费；第 31–100 页 70 页 × 10 元 = 700 元；第 101–200 页 100 页 × 20 元 = 2000 元；第 201–250 页 50 页 × 40 元 = 2000 元；合计 4700 元。',
    );
    expect(describeFee({ method: 'pages', pages: 12 })).toBe('按量计收：共 12 页，30 页以内免费；合计 0 元。');
  });
});
