import fc from 'fast-check';
import {
  QUERY_CODE_ALPHABET,
  QUERY_CODE_BITS,
  QUERY_CODE_LENGTH,
  QUERY_CODE_RANDOM_BYTES,
  formatQueryCode,
  makeApplicationNo,
  makeQueryCode,
  normalizeQueryCode,
  parseApplicationNo,
  verifyTracking,
} from '../../../shared/requests';

describe('申请编号', () => {
  it('is readable, zero-padded, with an optional organ prefix', () => {
    expect(makeApplicationNo('', 2026, 7)).toBe('2026-0007');
    expect(makeApplicationNo('ZMZ', 2026, 12345)).toBe('ZMZ-2026-12345');
    expect(parseApplicationNo('zmz-2026-0007')).toEqual({ organPrefix: 'ZMZ', year: 2026, serial: 7 });
    expect(parseApplicationNo('2026-0007')).toEqual({ organPrefix: '', year: 2026, serial: 7 });
    expect(parseApplicationNo('2026-7')).toBeNull();
  });

  it('refuses bad prefixes, years and serials', () => {
    expect(() => makeApplicationNo('zm-1', 2026, 1)).toThrow(RangeError);
    expect(() => makeApplicationNo('', 26, 1)).toThrow(/年份/);
    expect(() => makeApplicationNo('', 2026, 0)).toThrow(/流水号/);
  });
});

describe('查询码', () => {
  it('uses an unambiguous alphabet of 31 symbols and carries at least 40 bits', () => {
    expect(QUERY_CODE_ALPHABET).not.toMatch(/[01OIL]/);
    expect(new Set(QUERY_CODE_ALPHABET).size).toBe(QUERY_CODE_ALPHABET.length);
    expect(QUERY_CODE_LENGTH).toBeGreaterThanOrEqual(8);
    expect(QUERY_CODE_BITS).toBeGreaterThanOrEqual(40);
  });

  it('is always 10 symbols of the alphabet (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: QUERY_CODE_RANDOM_BYTES, maxLength: QUERY_CODE_RANDOM_BYTES }),
        (bytes) => {
          let code: string;
          try {
            code = makeQueryCode(bytes);
          } catch {
            return; // fast-check's biased arrays (all 255…) may run out: the refusal is tested below
          }
          expect(code).toMatch(new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`));
        },
      ),
    );
  });

  it('maps bytes without bias: each of 0..247 picks byte % 31, 248..255 are skipped', () => {
    const bytes = Uint8Array.from([0, 30, 31, 248, 255, 247, 62, 1, 2, 3, 4, 5]);
    expect(makeQueryCode(bytes)).toBe('2Z2Z234567');
  });

  it('spreads evenly over the alphabet for evenly spread bytes', () => {
    const counts = new Map<string, number>();
    const bytes = Uint8Array.from({ length: 248 * 10 }, (_, i) => i % 248);
    for (let i = 0; i < bytes.length; i += QUERY_CODE_LENGTH) {
      for (const c of makeQueryCode(bytes.subarray(i, i + QUERY_CODE_LENGTH))) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(counts.size).toBe(31);
    expect(new Set(counts.values())).toEqual(new Set([80]));
  });

  it('refuses when the random bytes run out', () => {
    expect(() => makeQueryCode(new Uint8Array(9))).toThrow(/随机字节不足/);
    expect(() => makeQueryCode(new Uint8Array(40).fill(250))).toThrow(RangeError);
  });

  it('formats in two groups and reads back case- and hyphen-insensitively', () => {
    expect(formatQueryCode('ABCDE23456')).toBe('ABCDE-23456');
    expect(formatQueryCode('ABC')).toBe('ABC');
    expect(normalizeQueryCode(' abcde-23456 ')).toBe('ABCDE23456');
  });
});

describe('verifyTracking', () => {
  const stored = { queryCode: 'ABCDE23456', phone: '13812345678' };

  it('needs both the 查询码 and the last 4 digits of the phone', () => {
    expect(verifyTracking(stored, { queryCode: 'abcde-23456', phoneLast4: '5678' })).toBe(true);
    expect(verifyTracking(stored, { queryCode: 'ABCDE23457', phoneLast4: '5678' })).toBe(false);
    expect(verifyTracking(stored, { queryCode: 'ABCDE23456', phoneLast4: '5679' })).toBe(false);
    expect(verifyTracking(stored, { queryCode: 'ABCDE2345', phoneLast4: '5678' })).toBe(false);
    expect(verifyTracking(stored, { queryCode: 'ABCDE234566', phoneLast4: '5678' })).toBe(false);
    expect(verifyTracking({ queryCode: '', phone: '13812345678' }, { queryCode: '', phoneLast4: '5678' })).toBe(false);
  });

  it('uses the subscriber number of a landline, ignoring an extension', () => {
    expect(
      verifyTracking({ ...stored, phone: '021-61234567-801' }, { queryCode: 'ABCDE23456', phoneLast4: '4567' }),
    ).toBe(true);
  });

  it('accepts exactly the stored code (property)', () => {
    const code = fc.stringMatching(new RegExp(`^[${QUERY_CODE_ALPHABET}]{${QUERY_CODE_LENGTH}}$`));
    fc.assert(
      fc.property(code, code, (a, b) => {
        expect(verifyTracking({ queryCode: a, phone: '13812345678' }, { queryCode: b, phoneLast4: '5678' })).toBe(
          a === b,
        );
      }),
    );
  });
});
