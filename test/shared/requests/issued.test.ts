/** The notices a request was sent, read back from its history (shared/requests/letters/issued.ts). */
import { issuedNotices, latestNotice } from '../../../shared/requests';
import { cal, received, run } from './fixtures';

const organ = { organName: '扎毛乡人民政府', howToPay: '银行转账至扎毛乡财政所账户' };

describe('issuedNotices', () => {
  it('a received request with no action has no notice', () => {
    expect(issuedNotices(received(), organ, cal)).toEqual([]);
  });

  it('reads the 补正, 延期 and 收费 notices back in the order they were issued, dated the day of the action', () => {
    const r = run(received({ receivedDate: '2025-09-22' }), [
      [{ type: 'requestCorrection', items: '请写明道路名称和年份', correctBy: '2025-10-17' }, '2025-09-24'],
      [{ type: 'receiveCorrection' }, '2025-10-09'],
      [{ type: 'extend', workdays: 10, approverId: 's-head', reason: '需调取档案' }, '2025-10-20'],
      [{ type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 12 }, amountYuan: 100 }, '2025-10-22'],
    ]);
    const notices = issuedNotices(r, organ, cal);
    expect(notices.map((n) => [n.kind, n.date])).toEqual([
      ['correction', '2025-09-24'],
      ['extension', '2025-10-20'],
      ['fee', '2025-10-22'],
    ]);
    expect(notices[0]?.text).toContain('请写明道路名称和年份');
    expect(notices[0]?.text).toContain('2025年10月17日前');
    // Corrected on 10-09, after 国庆: 20 working days counting the 调休 Saturday 10-11 → 11-05, plus 10 → 11-19.
    expect(notices[1]?.text).toContain('延长10个工作日');
    expect(notices[1]?.text).toContain('2025年11月19日前');
    expect(notices[2]?.text).toContain('银行转账至扎毛乡财政所账户');
    expect(notices[2]?.text).toContain(r.applicationNo);
  });

  it('latestNotice picks the newest of a kind, null when none; a missing payment method is a 请填写 marker', () => {
    const r = run(received({ receivedDate: '2026-03-02' }), [
      [{ type: 'noticeFee', feeBasis: { method: 'count', nthThisMonth: 12 }, amountYuan: 100 }, '2026-03-03'],
    ]);
    expect(latestNotice(r, 'correction', organ, cal)).toBeNull();
    const fee = latestNotice(r, 'fee', { organName: organ.organName }, cal);
    expect(fee?.title).toBe('信息处理费缴纳通知书');
    expect(fee?.text).toContain('【请填写：缴费方式】');
  });

  it('names the last day to pay when the fee notice is handed over the day it is issued, none when it is posted', () => {
    const feeText = (via: 'inPerson' | 'post') => {
      const feeBasis = { method: 'count', nthThisMonth: 12 } as const;
      const r = run(received({ receivedDate: '2026-03-02' }), [
        [{ type: 'noticeFee', feeBasis, amountYuan: 100, via }, '2026-03-03'],
      ]);
      return latestNotice(r, 'fee', organ, cal)?.text ?? '';
    };
    expect(feeText('inPerson')).toContain('20个工作日内（2026年3月31日前）缴纳');
    expect(feeText('post')).toContain('20个工作日内缴纳');
  });
});
