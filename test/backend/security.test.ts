/**
 * The functions' side of issue #14: the audit hash chain (and `npm run audit-verify` catching an edit made to the
 * SQLite file), concurrent writes of one organ on one chain, rate limits that never lock the owner out, expiring
 * setup codes, text fields without control characters, the submission's audit entry in its organ's chain.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, verifyChains } from '../../backend/audit';
import { COLLECTIONS } from '../../backend/collections';
import { LIMITS } from '../../backend/limits';
import { createSetupCode } from '../../backend/organ';
import { requestsFunction } from '../../backend/requests';
import { num, rows } from '../../backend/sdk';
import { transactionStats } from '../../backend/transaction';
import { DB_FILE_NAME } from '../../server/store/sqlite';
import type { Result } from '../../shared/errors';
import { itemContent, ORGAN, seedOrgan, startBackend, type Backend } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
jest.setTimeout(60_000);
const T0 = new Date('2026-03-02T09:00:00+08:00');
let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;

beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
}, 30_000);
afterAll(() => b.stop());

const auditEntries = async () => {
  const out = [];
  for (let page = 0; ; page += 1) {
    const list = rows(
      await b.db
        .collection(COLLECTIONS.audit)
        .skip(page * 1000)
        .limit(1000)
        .get(),
    );
    out.push(...list);
    if (list.length < 1000) return out;
  }
};

/** `npm run audit-verify` on the test server's data directory (asynchronously: the server runs in this process). */
function verifyCli(): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/audit-verify.ts', '--data-dir', b.local.dataDir],
      { cwd: ROOT, env: { ...process.env } },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (status) => resolve({ status, out }));
  });
}

describe('audit hash chain', () => {
  it('links every entry of an organ to the one before with the keyed hash; a direct edit of the file is reported', async () => {
    await b.ok(o.editor, 'items', 'create', { content: itemContent('链上的一条') });
    const entries = await auditEntries();
    const mine = entries.filter((e) => e.chain === o.organId).sort((x, y) => Number(x.seq) - Number(y.seq));
    expect(mine.length).toBeGreaterThan(3);
    expect(mine[0]).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    for (let i = 1; i < mine.length; i += 1) expect(mine[i]?.prevHash).toBe(mine[i - 1]?.hash);
    const report = verifyChains(entries, process.env.AUDIT_HMAC_KEY ?? '');
    expect(report.broken).toBeNull();
    expect(report.heads[o.organId]?.hash).toBe(mine[mine.length - 1]?.hash);
    // Recomputed with another key (what an editor of the file without the key could do), nothing verifies.
    expect(verifyChains(entries, 'another-key-0123456789').broken).not.toBeNull();

    const clean = await verifyCli();
    expect(clean.status).toBe(0);
    expect(clean.out).toContain(`链头 ${report.heads[o.organId]?.hash ?? ''}`);

    // Edit the SQLite file directly: the second entry of the organ's chain now says someone else did it.
    const victim = mine[1];
    const file = new Database(path.join(b.local.dataDir, DB_FILE_NAME));
    try {
      const row = file
        .prepare<[string, string], { json: string }>('SELECT json FROM documents WHERE collection = ? AND id = ?')
        .get(COLLECTIONS.audit, String(victim?._id));
      expect(row).toBeDefined();
      const edited = (row?.json ?? '').replace(String(victim?.openid), 'oSomeoneElse');
      expect(edited).not.toBe(row?.json);
      file
        .prepare('UPDATE documents SET json = ? WHERE collection = ? AND id = ?')
        .run(edited, COLLECTIONS.audit, String(victim?._id));
    } finally {
      file.close();
    }
    const tampered = await verifyCli();
    expect(tampered.status).toBe(1);
    expect(tampered.out).toContain(`链 ${o.organId} 第 2 条`);
  });

  it('the server refuses to change an entry through /admin', async () => {
    const [entry] = rows(await b.db.collection(COLLECTIONS.audit).limit(1).get());
    await expect(
      b.db.collection(COLLECTIONS.audit).doc(String(entry?._id)).update({ openid: 'x' }),
    ).rejects.toMatchObject({ code: 'DATABASE_PERMISSION_DENIED' });
  });

  it('concurrent writes of one organ all succeed on its one chain, with few retries', async () => {
    const other = await seedOrgan(b, '-busy');
    const before = transactionStats.conflicts;
    const writers = 20;
    const results = await Promise.all(
      Array.from({ length: writers }, (_, i) =>
        b.call(other.editor, 'items', 'create', { content: itemContent(`并发 ${i}`) }),
      ),
    );
    const retries = transactionStats.conflicts - before;
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const chain = (await auditEntries()).filter((e) => e.chain === other.organId);
    const seqs = chain.map((e) => Number(e.seq)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(verifyChains(chain, process.env.AUDIT_HMAC_KEY ?? '').broken).toBeNull();
    // The figure for the README (not an assertion on time): retries per write under 20 concurrent writers.
    console.log(`audit chain: ${writers} concurrent writes of one organ, ${retries} transaction retries`);
    // Writers of one organ take turns in this process (audit.ts withChainTurn): without them, 135 retries here.
    expect(retries).toBeLessThan(writers);
  });
});

describe('rate limits', () => {
  const submission = submissionOf();
  const call = (openid: string | null, action: string, payload: unknown, at = T0, client: string | null = null) =>
    requestsFunction({ action, payload }, { db: b.db, openid, now: () => at, client, log: () => undefined });

  it('others’ wrong tries never lock out the owner signed in with the filing OPENID; anonymous callers are kept apart by address', async () => {
    const filed = (await call('oOwnerX', 'submit', {
      organId: o.organId,
      submission,
      idempotencyKey: 'sec-owner-0001',
    })) as Result<{ queryCode: string }>;
    if (!filed.ok) throw new Error(filed.message);
    const code = filed.data.queryCode;
    // Strangers from many addresses guess the 4 digits of this one code, past the per-target limit.
    for (let i = 0; i < LIMITS.trackTarget.max + 3; i += 1)
      await call(null, 'track', { queryCode: code, phoneLast4: String(1000 + i) }, T0, `198.51.100.${i}`);
    expect(await call('oStranger', 'track', { queryCode: code, phoneLast4: '5678' })).toMatchObject({
      ok: false,
      code: 'RATE_LIMITED',
    });
    // The owner still gets in, with the right digits.
    expect(await call('oOwnerX', 'track', { queryCode: code, phoneLast4: '5678' })).toMatchObject({ ok: true });
    // One anonymous address locked out does not lock out another.
    for (let i = 0; i < LIMITS.trackCaller.max + 1; i += 1)
      await call(null, 'track', { queryCode: `ZZZZZZZZZ${i % 10}`, phoneLast4: '0000' }, T0, '203.0.113.7');
    expect(await call(null, 'track', { queryCode: 'ZZZZZZZZZZ', phoneLast4: '0000' }, T0, '203.0.113.7')).toMatchObject(
      { code: 'RATE_LIMITED' },
    );
    expect(await call(null, 'track', { queryCode: 'ZZZZZZZZZZ', phoneLast4: '0000' }, T0, '203.0.113.8')).toMatchObject(
      { code: 'NOT_FOUND' },
    );
  });

  it('attempts expire: a later lookup deletes those past their window', async () => {
    const attempts = () => b.db.collection(COLLECTIONS.trackAttempts).count();
    expect(num(await attempts(), 'total')).toBeGreaterThan(10);
    const later = new Date(T0.getTime() + 24 * 60 * 60_000);
    await call(null, 'track', { queryCode: 'ZZZZZZZZZZ', phoneLast4: '0000' }, later, '203.0.113.9');
    expect(num(await attempts(), 'total')).toBe(2); // this lookup's own two
  });

  it('limits submissions per caller', async () => {
    const results = [];
    for (let i = 0; i <= LIMITS.submit.max; i += 1)
      results.push(
        await call('oBusyCitizen', 'submit', {
          organId: o.organId,
          submission,
          idempotencyKey: `sec-busy-${String(i).padStart(4, '0')}`,
        }),
      );
    expect(results.slice(0, LIMITS.submit.max).every((r) => r.ok)).toBe(true);
    expect(results[LIMITS.submit.max]).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(
      (await call('oQuietCitizen', 'submit', { organId: o.organId, submission, idempotencyKey: 'sec-quiet-0001' })).ok,
    ).toBe(true);
  });

  it('limits wrong setup and invitation codes per caller', async () => {
    for (let i = 0; i < LIMITS.bind.max; i += 1)
      expect(
        await b.call('oCodeGuesser', 'organ', 'bind', { code: `WRONG${i}CODE`, displayName: '某人' }),
      ).toMatchObject({
        code: 'VALIDATION',
      });
    const invite = await b.ok<{ code: string }>(o.admin, 'organ', 'invite', { role: 'editor' });
    expect(await b.call('oCodeGuesser', 'organ', 'bind', { code: invite.code, displayName: '某人' })).toMatchObject({
      code: 'RATE_LIMITED',
    });
    expect(await b.call('oHonest', 'organ', 'bind', { code: invite.code, displayName: '某人' })).toMatchObject({
      ok: true,
    });
  });
});

describe('setup codes and text fields', () => {
  it('a setup code expires after its days (default 7)', async () => {
    const old = await createSetupCode(b.db, undefined, new Date(Date.now() - 8 * 24 * 60 * 60_000));
    expect(await b.call('oLate', 'organ', 'setup', { code: old, organ: ORGAN, displayName: '管理员' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'code' }],
    });
    const fresh = await createSetupCode(b.db, undefined, new Date(Date.now() - 6 * 24 * 60 * 60_000));
    expect(
      await b.call('oOnTime', 'organ', 'setup', { code: fresh, organ: ORGAN, displayName: '管理员' }),
    ).toMatchObject({ ok: true });
  });

  it('refuses control characters and unpaired surrogates in any text field, and stores text as NFC', async () => {
    const bell = await b.call(o.editor, 'items', 'create', { content: itemContent('通知\u0007') });
    expect(bell).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: expect.arrayContaining([expect.objectContaining({ path: 'content.title' })]),
    });
    const lone = await b.call(o.editor, 'items', 'create', { content: itemContent('通知', { body: 'a\ud800b' }) });
    expect(lone).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'content.body' }] });
    const name = await b.call('oNfc', 'requests', 'submit', {
      organId: o.organId,
      submission: { ...submissionOf(), name: 'Zoe\u0301' },
      idempotencyKey: 'sec-nfc-000001',
    });
    expect(name.ok).toBe(true);
    const stored = rows(await b.db.collection(COLLECTIONS.requests).where({ ownerOpenid: 'oNfc' }).get())[0];
    expect(JSON.stringify(stored)).toContain('Zo\u00e9');
    // Multi-line text keeps its line breaks.
    expect(
      (await b.call(o.editor, 'items', 'create', { content: itemContent('多行', { body: '第一行\n第二行' }) })).ok,
    ).toBe(true);
  });

  it('the submission’s audit entry names its organ', async () => {
    const entry = rows(
      await b.db.collection(COLLECTIONS.audit).where({ action: 'requests.submit', openid: 'oNfc' }).get(),
    )[0];
    expect(entry).toMatchObject({ organId: o.organId, chain: o.organId });
  });
});

function submissionOf() {
  return {
    applicantType: 'natural',
    name: '卓玛措',
    idType: 'idCard',
    idNumber: '440304198001010017',
    phone: '13912345678',
    address: '扎毛乡德吉村',
    description: '请公开本乡草原生态保护补助奖励资金的发放标准',
    deliveryForm: 'online',
    channel: 'online',
  };
}
