/** One-time codes (setup, invitations): random, shown once, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

// No 0/O/1/I/L: codes are read aloud and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function newCode(length = 10): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHABET[b % ALPHABET.length] ?? '';
    }
  }
  return out;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}
