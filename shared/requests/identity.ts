/**
 * Identity proof and contact checks for a request (条例 第二十九条: 身份证明、联系方式). Pure string checks; the
 * messages that use them never repeat the value, so no personal data reaches an error or a log line.
 */

import type { IdType } from './id-types';

/** GB 11643-1999 第8.2条: weights 2^(17−i) mod 11 of the 17 body digits, and the check character for sum mod 11. */
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECK = '10X98765432';

/** The check character (0–9 or X) of the first 17 digits of a 身份证 number. */
export function idCardCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('身份证号码本体须为 17 位数字');
  let sum = 0;
  ID_CARD_WEIGHTS.forEach((w, i) => {
    sum += w * Number(body17[i]);
  });
  return ID_CARD_CHECK.charAt(sum % 11);
}

/** Whether YYYYMMDD is a real calendar date from 1900 on (GB 11643: 出生日期码). */
function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month
  return d <= last;
}

export type IdCardProblem = 'format' | 'birthDate' | 'checksum';

/**
 * Checks an 18-digit 居民身份证号码 (GB 11643-1999): address code starting 1–8, a real birth date, a
 * sequence code and the ISO 7064 MOD 11-2 check character. Expects the normalised (upper-case) form.
 */
export function checkIdCard(id: string): IdCardProblem | null {
  if (!/^[1-8]\d{16}[\dX]$/.test(id)) return 'format';
  if (!isBirthDate(id.slice(6, 14))) return 'birthDate';
  return idCardCheckChar(id.slice(0, 17)) === id.charAt(17) ? null : 'checksum';
}

/** GB 32100-2015 统一社会信用代码: 31-character alphabet without I, O, S, V, Z; weights 3^i mod 31. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export function isCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  CREDIT_WEIGHTS.forEach((w, i) => {
    sum += w * CREDIT_ALPHABET.indexOf(code.charAt(i));
  });
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_ALPHABET.charAt(check) === code.charAt(17);
}

/** Passports and travel permits: letters and digits, 5–20 characters (formats differ by issuer). */
const LOOSE_DOCUMENT = /^[A-Z0-9]{5,20}$/;
/** Any other document: letters, digits and '-', 4–30 characters. */
const OTHER_DOCUMENT = /^[A-Z0-9][A-Z0-9-]{2,28}[A-Z0-9]$/;

/** Upper-cases and removes blanks, so '11010519491231002x ' and '11010519491231002X' are the same number. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** Chinese problem text for an identity number of a type, or null when valid. Never contains the number. */
export function idNumberProblem(idType: IdType, id: string): string | null {
  switch (idType) {
    case 'idCard': {
      const problem = checkIdCard(id);
      if (problem === 'format') return '身份证号码须为 18 位，前 17 位为数字，末位为数字或 X';
      if (problem === 'birthDate') return '身份证号码中的出生日期不是有效日期';
      if (problem === 'checksum') return '身份证号码校验位不正确，请核对';
      return null;
    }
    case 'creditCode':
      return isCreditCode(id) ? null : '统一社会信用代码须为 18 位且校验位正确';
    case 'passport':
    case 'hkMacauPass':
    case 'taiwanPass':
      return LOOSE_DOCUMENT.test(id) ? null : '证件号码须为 5–20 位字母或数字';
    case 'other':
      return OTHER_DOCUMENT.test(id) ? null : '证件号码须为 4–30 位字母、数字或连字符';
  }
}

/** Mainland mobile numbers (工信部 号段 13x–19x). */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Landline: area code 010, 02x or 0xxx (x ≠ 0–2 first), local number of 7–8 digits not starting 0/1, optional extension. */
export const LANDLINE_PATTERN = /^(0(?:10|2\d|[3-9]\d{2}))-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;

/** Removes blanks and a leading +86 / 0086; keeps the hyphens of a landline. Returns the normalised text. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s()（）]/g, '');
  const national = compact.replace(/^(?:\+86|0086)-?/, '');
  if (MOBILE_PATTERN.test(national.replace(/-/g, ''))) return national.replace(/-/g, '');
  const m = LANDLINE_PATTERN.exec(national);
  if (!m) return national;
  return `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}`;
}

export function isPhone(normalized: string): boolean {
  return MOBILE_PATTERN.test(normalized) || LANDLINE_PATTERN.test(normalized);
}

/** Last four digits of the subscriber number (the extension ignored): the second factor for tracking. */
export function phoneLast4(phone: string): string {
  const m = LANDLINE_PATTERN.exec(phone);
  const digits = m ? `${m[1]}${m[2]}` : phone.replace(/\D/g, '');
  return digits.slice(-4);
}
