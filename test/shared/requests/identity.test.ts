import fc from 'fast-check';
import {
  checkIdCard,
  idCardCheckChar,
  idNumberProblem,
  isCreditCode,
  isPhone,
  normalizeIdNumber,
  normalizePhone,
  phoneLast4,
} from '../../../shared/requests';
import { GOOD_IDS } from './fixtures';

describe('身份证 (GB 11643-1999)', () => {
  it.each(GOOD_IDS)('accepts %s', (id) => {
    expect(checkIdCard(id)).toBeNull();
    expect(idNumberProblem('idCard', id)).toBeNull();
  });

  it('computes the check character of the standard sample (…002 → X)', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(() => idCardCheckChar('1101051949123100')).toThrow(RangeError);
  });

  it('accepts a lowercase x after normalisation, and blanks around it', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(checkIdCard('11010519491231002x')).toBe('format'); // only the normalised form is valid
  });

  it('refuses a wrong check character', () => {
    expect(checkIdCard('440304198001010018')).toBe('checksum');
    expect(checkIdCard('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('idCard', '440304198001010018')).toMatch(/校验位不正确/);
  });

  it.each([
    ['110105190002290017', '1900-02-29, not a leap year'],
    ['110105202302300016', '2023-02-30'],
    ['110105189912310015', 'before 1900'],
    ['110105199013010018', 'month 13'],
  ])('refuses %s (birth date %s) though its check character is right', (id) => {
    expect(checkIdCard(id)).toBe('birthDate');
    expect(idNumberProblem('idCard', id)).toMatch(/出生日期/);
  });

  it('refuses wrong lengths, letters and address codes starting 0 or 9', () => {
    for (const id of [
      '44030419800101001',
      '4403041980010100171',
      '44030419800101A017',
      '040304198001010017',
      '940304198001010017',
    ]) {
      expect(checkIdCard(id)).toBe('format');
    }
  });

  it('exactly one check character fits any body (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-8]\d{5}19[5-9]\d(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}$/), (body) => {
        const valid = [...'0123456789X'].filter((c) => checkIdCard(body + c) === null);
        expect(valid).toEqual([idCardCheckChar(body)]);
      }),
    );
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts real codes and refuses a changed check character', () => {
    expect(isCreditCode('11441700007280420Y')).toBe(true);
    expect(isCreditCode('91350100M000100Y43')).toBe(true);
    expect(isCreditCode('91350100M000100Y44')).toBe(false);
    expect(isCreditCode('91350100M000100Y4')).toBe(false);
    expect(idNumberProblem('creditCode', '11441700007280420Y')).toBeNull();
    expect(idNumberProblem('creditCode', '11441700007280420A')).toMatch(/统一社会信用代码/);
  });
});

describe('other documents (looser patterns)', () => {
  it('accepts passports and permits of letters and digits, refuses others', () => {
    expect(idNumberProblem('passport', 'E12345678')).toBeNull();
    expect(idNumberProblem('hkMacauPass', 'H1234567801')).toBeNull();
    expect(idNumberProblem('taiwanPass', '1234')).toMatch(/5–20/);
    expect(idNumberProblem('passport', 'E1234567$')).not.toBeNull();
    expect(idNumberProblem('other', 'JG-2024-001')).toBeNull();
    expect(idNumberProblem('other', '-12')).not.toBeNull();
  });
});

describe('phone (条例 第二十九条: 联系方式)', () => {
  it.each([
    ['13812345678', '13812345678', '5678'],
    ['138 1234 5678', '13812345678', '5678'],
    ['+86 138-1234-5678', '13812345678', '5678'],
    ['0086 19912345678', '19912345678', '5678'],
    ['010-62345678', '010-62345678', '5678'],
    ['(0753) 2234567', '0753-2234567', '4567'],
    ['075388889999', '0753-88889999', '9999'],
    ['021-61234567-801', '021-61234567-801', '4567'],
  ])('%s → %s (last 4: %s)', (raw, normal, last4) => {
    const phone = normalizePhone(raw);
    expect(phone).toBe(normal);
    expect(isPhone(phone)).toBe(true);
    expect(phoneLast4(phone)).toBe(last4);
  });

  it.each(['12812345678', '1381234567', '138123456789', '12345678', '010-02345678', '0001-2345678', 'abc'])(
    'refuses %s',
    (raw) => {
      expect(isPhone(normalizePhone(raw))).toBe(false);
    },
  );
});
