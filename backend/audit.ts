/**
 * The audit log: every write appends who (OPENID, role), what (function.action), on what, when, and a SHA-256
 * of the target before and after. Append-only: this module has no update or remove, and no action reaches one.
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
}

export function hashOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

export async function appendAudit(db: Db, caller: Caller, fn: string, entry: AuditEntry, at: Date): Promise<void> {
  await db.collection(COLLECTIONS.audit).add({
    openid: caller.openid,
    role: caller.role,
    organId: caller.staff?.organId ?? null,
    action: `${fn}.${entry.action}`,
    target: entry.target,
    at,
    beforeHash: hashOf(entry.before),
    afterHash: hashOf(entry.after),
  });
}
