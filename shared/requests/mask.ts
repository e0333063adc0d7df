/**
 * Masking personal data for display to the applicant (who proved the 查询码 and phone digits, but whose
 * screen others may see). Every mask stars part of the value, so the full value is never shown
 * (《个人信息保护法》 第五十一条: 去标识化 among the protective measures).
 */
import { LANDLINE_PATTERN, MOBILE_PATTERN } from './identity';

const stars = (n: number) => '*'.repeat(Math.max(n, 1));

/** Keeps `head` leading and `tail` trailing characters (of code points), stars in between. */
function keepEnds(value: string, head: number, tail: number): string {
  const chars = [...value];
  return `${chars.slice(0, head).join('')}${stars(chars.length - head - tail)}${chars.slice(chars.length - tail).join('')}`;
}

/** 110***********1234: first 3 and last 4 of a long number; 8–14 characters keep 1 and 3; 4–7 the last 2. */
export function maskIdNumber(id: string): string {
  const length = [...id].length;
  if (length >= 15) return keepEnds(id, 3, 4);
  if (length >= 8) return keepEnds(id, 1, 3);
  if (length >= 4) return keepEnds(id, 0, 2);
  return stars(length);
}

/** 138****5678 for a mobile; 010-****5678 for a landline (area code kept); other text: all but the last 2 starred. */
export function maskPhone(phone: string): string {
  if (MOBILE_PATTERN.test(phone)) return keepEnds(phone, 3, 4);
  const m = LANDLINE_PATTERN.exec(phone);
  if (m && m[1] && m[2]) return `${m[1]}-${keepEnds(m[2], 0, 4)}`;
  return keepEnds(phone, 0, Math.min(2, Math.floor([...phone].length / 2)));
}

/** 张* / 欧** : the first character only. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return stars(1);
  return `${chars[0] ?? ''}${stars(chars.length - 1)}`;
}

/** The first 6 characters then ***, but never more than half of the address. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  const keep = Math.min(6, Math.floor(chars.length / 2));
  return `${chars.slice(0, keep).join('')}***`;
}

/** z***@example.com: the first character of the mailbox name, the domain kept. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return stars(3);
  return `${email.charAt(0)}***${email.slice(at)}`;
}
