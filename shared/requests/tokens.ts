/**
 * The two handles of a request: the 申请编号 printed on every letter (readable, not secret) and the 查询码
 * the applicant keeps to follow the request online (secret, checked together with the phone's last 4
 * digits). Random bytes come in as an argument: shared/ never draws them itself.
 */
import { phoneLast4 } from './identity';

/** An optional organ prefix: 1–10 upper-case letters or digits, e.g. 'ZMZ'. */
const PREFIX_PATTERN = /^[A-Z0-9]{1,10}$/;
const APPLICATION_NO = /^(?:([A-Z0-9]{1,10})-)?(\d{4})-(\d{4,})$/;

/** 申请编号: `2026-0007`, or `ZMZ-2026-0007` with an organ prefix. Serials run per organ and year from 1. */
export function makeApplicationNo(organPrefix: string, year: number, serial: number): string {
  if (organPrefix !== '' && !PREFIX_PATTERN.test(organPrefix)) {
    throw new RangeError('机关编号前缀须为 1–10 位大写字母或数字');
  }
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`年份须为四位整数，收到：${year}`);
  if (!Number.isSafeInteger(serial) || serial < 1) throw new RangeError(`流水号须为正整数，收到：${serial}`);
  const body = `${year}-${String(serial).padStart(4, '0')}`;
  return organPrefix ? `${organPrefix}-${body}` : body;
}

export function parseApplicationNo(no: string): { organPrefix: string; year: number; serial: number } | null {
  const m = APPLICATION_NO.exec(no.trim().toUpperCase());
  if (!m) return null;
  return { organPrefix: m[1] ?? '', year: Number(m[2]), serial: Number(m[3]) };
}

/** No 0/O, 1/I/L: 8 digits + 23 letters = 31 symbols, log2(31) ≈ 4.95 bits each. */
export const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;
/** 10 × log2(31) ≈ 49.5 bits. */
export const QUERY_CODE_BITS = QUERY_CODE_LENGTH * Math.log2(QUERY_CODE_ALPHABET.length);
/** Bytes to pass to makeQueryCode: rejection sampling discards about 3 % of them. */
export const QUERY_CODE_RANDOM_BYTES = 32;

/** Largest multiple of 31 below 256: bytes at or above it are discarded, so every symbol is equally likely. */
const ACCEPT_BELOW = 256 - (256 % QUERY_CODE_ALPHABET.length);

/**
 * 查询码 from random bytes (e.g. crypto.getRandomValues / wx.getRandomValues at the edge), unbiased by
 * rejection sampling. Throws when the bytes run out: pass QUERY_CODE_RANDOM_BYTES fresh bytes.
 */
export function makeQueryCode(randomBytes: Uint8Array): string {
  let code = '';
  for (const byte of randomBytes) {
    if (byte >= ACCEPT_BELOW) continue;
    code += QUERY_CODE_ALPHABET.charAt(byte % QUERY_CODE_ALPHABET.length);
    if (code.length === QUERY_CODE_LENGTH) return code;
  }
  throw new RangeError(`随机字节不足，无法生成查询码：请提供至少 ${QUERY_CODE_RANDOM_BYTES} 个随机字节`);
}

/** What the applicant types: case, blanks and hyphens are ignored. */
export function normalizeQueryCode(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** Shown as `ABCDE-FGHJK` for reading aloud; normalizeQueryCode accepts either form. */
export function formatQueryCode(code: string): string {
  return code.length === QUERY_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

/** Compares every character whatever the first difference, so timing does not reveal a prefix. */
function sameText(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i += 1) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

export interface TrackingSecret {
  queryCode: string;
  /** The applicant's phone as stored (normalised). */
  phone: string;
}

/**
 * The applicant's check to see their request: the 查询码 and the last 4 digits of the phone given in the
 * request. Both are always compared (no early exit). Rate limiting is the function's job.
 */
export function verifyTracking(stored: TrackingSecret, input: { queryCode: string; phoneLast4: string }): boolean {
  const codeOk = sameText(stored.queryCode, normalizeQueryCode(input.queryCode));
  const phoneOk = sameText(phoneLast4(stored.phone), input.phoneLast4.trim());
  return codeOk && phoneOk && stored.queryCode.length === QUERY_CODE_LENGTH;
}
