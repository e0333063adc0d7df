/** One-time codes (setup, invitations): random, shown once, stored only as a hash. */
import { createHash, randomBytes } from 'node:crypto';

// No 0/O/1/I/L: codes are read aloud and typed on phones.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A source of random bytes (crypto.randomBytes; tests may pass their own). */
export type RandomBytes = (size: number) => Uint8Array;

export function newCode(length = 10, random: RandomBytes = randomBytes): string {
  let out = '';
  while (out.length < length) {
    // 248 = 8 × 31: bytes above it are dropped so every letter is equally likely.
    for (const b of random(length * 2)) {
      if (b < 248 && out.length < length) out += ALPHABET[b % ALPHABET.length] ?? '';
    }
  }
  return out;
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase().replace(/[\s-]/g, '')).digest('hex');
}
