/**
 * The audit log: every write appends who (OPENID, role), what (function.action), on what, when, and a SHA-256
 * of the target before and after. Append-only: this module has no update or remove, and no action reaches one
 * (test/backend/audit.test.ts also checks the sources). Transactional actions append their entries inside the
 * same transaction as their writes, so a write without its entry, or an entry without its write, cannot commit.
 */
import { createHash } from 'node:crypto';
import { COLLECTIONS } from './collections';
import type { Caller } from './caller';
import type { Db } from './sdk';

export interface AuditEntry {
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
  /** The organ concerned, when the caller is not (yet) its staff: setup, bind. */
  organId?: string;
}

/** JSON with object keys sorted at every level (Dates as ISO strings), so equal documents hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

export function hashOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** The stored form of one entry. */
export function auditRow(
  caller: Caller,
  fn: string,
  entry: AuditEntry,
  at: Date,
  idempotencyKey: string | null = null,
): Record<string, unknown> {
  return {
    openid: caller.openid,
    role: caller.role,
    organId: entry.organId ?? caller.staff?.organId ?? null,
    action: `${fn}.${entry.action}`,
    target: entry.target,
    at,
    idempotencyKey,
    beforeHash: hashOf(entry.before),
    afterHash: hashOf(entry.after),
  };
}

export async function appendAudit(db: Db, caller: Caller, fn: string, entry: AuditEntry, at: Date): Promise<void> {
  await db.collection(COLLECTIONS.audit).add(auditRow(caller, fn, entry, at));
}
