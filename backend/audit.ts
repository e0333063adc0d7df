/**
 * The audit log: every write appends who (OPENID, role), what (function.action), on what, when, and a SHA-256
 * of the target before and after. Append-only: this module has no update or remove, and no action reaches one
 * (test/backend/audit.test.ts also checks the sources; the local server refuses both on the collection).
 * Transactional actions append their entries inside the same transaction as their writes, so a write without its
 * entry, or an entry without its write, cannot commit.
 *
 * Tamper-evident: the entries of one organ form a hash chain. Each carries its organ's `chain`, a gapless `seq`, the
 * `prevHash` of the entry before it and its own `hash` = HMAC-SHA256(AUDIT_HMAC_KEY, canonical JSON of the entry
 * without `_id` and `hash`). The chain's head (seq, hash) is a document read and written in the same transaction as
 * the entry, so two writers of one organ cannot both extend the same head (one retries), and the chain holds on
 * CloudBase too, where no server can refuse an update. The key lives outside the database (the environment), so an
 * entry edited in the database file — and the chain recomputed after it — does not verify. One chain per organ keeps
 * different organs' writes from colliding.
 */
import { createHash, createHmac } from 'node:crypto';
import { COLLECTIONS } from './collections';
import { backendEnv } from './env';
import type { Caller } from './caller';
import { one, type Db } from './sdk';
import { inTransaction, type Transaction } from './transaction';

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

/** The environment variable holding the chain's HMAC key (at least 16 characters). */
export const AUDIT_KEY_ENV = 'AUDIT_HMAC_KEY';
/** The `prevHash` of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64);
/** The chain of entries without an organ (none today: every entry names one where there is one). */
export const NO_ORGAN_CHAIN = '-';

export function auditKey(key: string | undefined = backendEnv.auditKey()): string {
  if (!key || key.length < 16)
    throw new Error(`${AUDIT_KEY_ENV} is not set (at least 16 characters): the audit chain cannot be written`);
  return key;
}

export const chainOf = (row: Record<string, unknown>): string =>
  typeof row.organId === 'string' && row.organId !== '' ? row.organId : NO_ORGAN_CHAIN;

/** The HMAC of an entry as stored, over everything but its `_id` and `hash`. */
export function entryHash(key: string, row: Record<string, unknown>): string {
  const { _id: _ignoredId, hash: _ignoredHash, ...body } = row;
  return createHmac('sha256', key).update(canonicalJson(body)).digest('hex');
}

/**
 * Writers of one organ in this process take turns, each for its whole transaction: a transaction conflicts when a
 * document it reads (the chain's head) changed after it STARTED, so without turns every concurrent writer of the
 * organ but one would retry. Writers in other processes (other CloudBase instances) still meet as conflicts and
 * retry; the chain stays correct either way.
 */
const chainTurns = new Map<string, Promise<unknown>>();

export async function withChainTurn<T>(chain: string, work: () => Promise<T>): Promise<T> {
  const before = chainTurns.get(chain) ?? Promise.resolve();
  const mine = before.then(work, work);
  const tail = mine.then(
    () => undefined,
    () => undefined,
  );
  chainTurns.set(chain, tail);
  try {
    return await mine;
  } finally {
    if (chainTurns.get(chain) === tail) chainTurns.delete(chain);
  }
}

/** Appends rows to their organs' chains inside `tx` (the caller's transaction: committed with its writes or not at all). */
export async function appendChained(tx: Transaction, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const key = auditKey();
  const heads = tx.collection(COLLECTIONS.auditHeads);
  const tips = new Map<string, { seq: number; hash: string }>();
  for (const row of rows) {
    const chain = chainOf(row);
    let tip = tips.get(chain);
    if (!tip) {
      const head = one(await heads.doc(chain).get());
      tip = {
        seq: typeof head?.seq === 'number' ? head.seq : 0,
        hash: typeof head?.hash === 'string' ? head.hash : GENESIS_HASH,
      };
    }
    const entry = { ...row, chain, seq: tip.seq + 1, prevHash: tip.hash };
    const hash = entryHash(key, entry);
    // Two writers that read the same head conflict on it at commit (DATABASE_TRANSACTION_CONFLICT): one re-runs.
    await tx.collection(COLLECTIONS.audit).add({ ...entry, hash });
    tips.set(chain, { seq: entry.seq, hash });
  }
  for (const [chain, tip] of tips) await heads.doc(chain).set({ ...tip, at: rows[rows.length - 1]?.at ?? null });
}

export async function appendAudit(db: Db, caller: Caller, fn: string, entry: AuditEntry, at: Date): Promise<void> {
  const row = auditRow(caller, fn, entry, at);
  await inTransaction(db, (tx) => appendChained(tx, [row]));
}

export interface ChainReport {
  /** Entries checked. */
  entries: number;
  /** Each chain's last seq and hash (keep these somewhere safe: a truncated chain still verifies otherwise). */
  heads: Record<string, { seq: number; hash: string }>;
  /** The first broken link of the first chain that has one, or null when every chain verifies. */
  broken: { chain: string; seq: number; id: string; reason: string } | null;
}

/** Verifies every chain in `entries` (any order) with `key`. */
export function verifyChains(entries: readonly Record<string, unknown>[], key: string): ChainReport {
  const byChain = new Map<string, Record<string, unknown>[]>();
  for (const e of entries) {
    const chain = typeof e.chain === 'string' ? e.chain : chainOf(e);
    byChain.set(chain, [...(byChain.get(chain) ?? []), e]);
  }
  const heads: ChainReport['heads'] = {};
  let broken: ChainReport['broken'] = null;
  for (const [chain, list] of [...byChain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    list.sort((a, b) => Number(a.seq) - Number(b.seq));
    let prev = GENESIS_HASH;
    let expected = 1;
    for (const e of list) {
      const id = String(e._id);
      const seq = Number(e.seq);
      const reason =
        e.chain !== chain || !Number.isInteger(seq)
          ? 'entry is not in a chain (written without its hash)'
          : seq !== expected
            ? `entry ${expected} is missing`
            : e.prevHash !== prev
              ? 'prevHash does not match the entry before'
              : e.hash !== entryHash(key, e)
                ? 'hash does not match the entry (changed after it was written, or another key)'
                : null;
      if (reason) {
        broken ??= { chain, seq: Number.isInteger(seq) ? seq : expected, id, reason };
        break;
      }
      prev = String(e.hash);
      expected += 1;
      heads[chain] = { seq, hash: prev };
    }
  }
  return { entries: entries.length, heads, broken };
}
