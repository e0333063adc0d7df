/**
 * redeemCode: the one use of a one-time code (setup, invitation, county link), through the real SDK and the local
 * server — unknown, used, expired and wrong-kind codes refused alike (and counted against the caller's limit), a
 * good one marked used once, and of two people typing one code at the same moment only one gets it.
 */
import type { AuditEntry } from '../../backend/audit';
import { hashCode } from '../../backend/codes';
import { COLLECTIONS, ensureCollections } from '../../backend/collections';
import { AppError } from '../../backend/errors';
import { attemptsOf, callerKey, LIMITS } from '../../backend/limits';
import { COUNTY_LINKS, createSetupCode, INVITES, SETUP_CODES, type CodeKind } from '../../backend/one-time-codes';
import { redeemCode } from '../../backend/redeem-code';
import type { TxContext } from '../../backend/runtime';
import { one } from '../../backend/sdk';
import { inTransaction } from '../../backend/transaction';
import { startBackend, type Backend } from './harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
  await ensureCollections(b.db);
});
afterAll(() => b.stop());

const NOW = new Date('2026-03-02T09:00:00+08:00');
const DAY = 24 * 60 * 60 * 1000;

/** Redeems `code` as `openid` in a transaction of its own; the audit entries it wrote, or the refusal. */
async function redeem<C extends { _id: string; used?: boolean | undefined }>(
  openid: string,
  kind: CodeKind<C>,
  code: string,
  accept?: (c: C) => Promise<unknown>,
): Promise<{ ok: true; code: C; audit: AuditEntry[] } | { ok: false; error: AppError }> {
  const audit: AuditEntry[] = [];
  try {
    const redeemed = await inTransaction(b.db, (tx) => {
      const ctx: TxContext = {
        tx,
        db: b.db,
        caller: { openid, role: 'citizen', staff: null },
        now: NOW,
        audit: (e) => void audit.push(e),
        afterCommit: () => undefined,
      };
      return redeemCode(ctx, kind, code, openid, accept);
    });
    return { ok: true, code: redeemed.code, audit };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e };
    throw e;
  }
}

async function stored(collection: string, code: string): Promise<Record<string, unknown> | null> {
  return one(await b.db.collection(collection).doc(hashCode(code)).get());
}

const tries = (openid: string) =>
  attemptsOf(b.db, LIMITS.bind, callerKey({ openid, role: 'citizen', staff: null }), NOW);

async function storeInvite(code: string, fields: Record<string, unknown>): Promise<void> {
  const invite = { organId: 'organ-1', role: 'editor', expiresAt: new Date(NOW.getTime() + DAY), used: false };
  await b.db.collection(COLLECTIONS.invites).add({ _id: hashCode(code), ...invite, ...fields });
}

describe('redeemCode', () => {
  it('refuses an unknown code naming the field and the kind, and counts the try against the caller', async () => {
    const r = await redeem('oUnknown', INVITES, 'NOSUCHCODE');
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '邀请码无效、已使用或已过期', fieldErrors: [{ path: 'code' }] },
    });
    expect(await tries('oUnknown')).toBe(1);
  });

  it('uses a good code once: marks it used by the caller, audits before and after, answers its record', async () => {
    const code = await createSetupCode(b.db, undefined, NOW, 7, 'county');
    const r = await redeem('oFirst', SETUP_CODES, code);
    if (!r.ok) throw r.error;
    expect(r.code).toMatchObject({ level: 'county', used: false });
    expect(await stored(COLLECTIONS.setupCodes, code)).toMatchObject({ used: true, usedBy: 'oFirst', usedAt: NOW });
    expect(r.audit).toEqual([
      {
        action: 'useSetupCode',
        target: hashCode(code),
        before: expect.objectContaining({ used: false }),
        after: expect.objectContaining({ used: true, usedBy: 'oFirst', usedAt: NOW }),
      },
    ]);
    expect(await tries('oFirst')).toBe(0);
    // Used: the same code again is refused like an unknown one, and counts.
    expect(await redeem('oSecond', SETUP_CODES, code)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '设置码无效、已使用或已过期' },
    });
    expect(await tries('oSecond')).toBe(1);
  });

  it('refuses an expired code, and a setup code from before codes expired 7 days after it was made', async () => {
    await storeInvite('EXPIREDINV', { expiresAt: new Date(NOW.getTime() - 1) });
    expect(await redeem('oLate', INVITES, 'EXPIREDINV')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // Usable up to (not at) its expiry.
    await storeInvite('EXPIRESNOW', { expiresAt: NOW });
    expect(await redeem('oLate', INVITES, 'EXPIRESNOW')).toMatchObject({ ok: false });
    const legacy = (code: string, at: Date) =>
      b.db.collection(COLLECTIONS.setupCodes).add({ _id: hashCode(code), used: false, at });
    await legacy('OLDSETUPCODE', new Date(NOW.getTime() - 8 * DAY));
    await legacy('NEWSETUPCODE', new Date(NOW.getTime() - 6 * DAY));
    expect(await redeem('oLate', SETUP_CODES, 'OLDSETUPCODE')).toMatchObject({ ok: false });
    expect(await redeem('oOnTime', SETUP_CODES, 'NEWSETUPCODE')).toMatchObject({ ok: true });
    expect(await stored(COLLECTIONS.invites, 'EXPIREDINV')).toMatchObject({ used: false });
  });

  it('refuses a code of another kind, one that no longer fits its kind, and one its action does not accept', async () => {
    const setup = await createSetupCode(b.db, undefined, NOW);
    expect(await redeem('oWrongKind', INVITES, setup)).toMatchObject({
      ok: false,
      error: { message: '邀请码无效、已使用或已过期' },
    });
    expect(await stored(COLLECTIONS.setupCodes, setup)).toMatchObject({ used: false });
    await storeInvite('MAYORROLE2', { role: 'mayor' });
    expect(await redeem('oWrongKind', INVITES, 'MAYORROLE2')).toMatchObject({ ok: false });
    const link = { countyId: 'not-a-county', used: false, expiresAt: new Date(NOW.getTime() + DAY) };
    await b.db.collection(COLLECTIONS.countyLinks).add({ _id: hashCode('LINKCODE23'), ...link });
    expect(await redeem('oJoin', COUNTY_LINKS, 'LINKCODE23', async () => null)).toMatchObject({
      ok: false,
      error: { message: '加入码无效、已使用或已过期' },
    });
    expect(await stored(COLLECTIONS.countyLinks, 'LINKCODE23')).toMatchObject({ used: false });
    expect(await tries('oWrongKind')).toBe(2);
    // Accepted, the same link serves, once; a link's use is audited by its action (joinCounty), not here.
    const joined = await redeem('oJoin', COUNTY_LINKS, 'LINKCODE23', async () => 'county');
    expect(joined).toMatchObject({ ok: true, audit: [] });
  });

  it('of two people typing one invitation at the same moment, only one gets it', async () => {
    await storeInvite('RACEDCODE2', {});
    const [a, c] = await Promise.all([
      redeem('oRaceA', INVITES, 'RACEDCODE2'),
      redeem('oRaceC', INVITES, 'RACEDCODE2'),
    ]);
    expect([a.ok, c.ok].sort()).toEqual([false, true]);
    const winner = a.ok ? 'oRaceA' : 'oRaceC';
    expect(await stored(COLLECTIONS.invites, 'RACEDCODE2')).toMatchObject({ used: true, usedBy: winner });
  });
});
