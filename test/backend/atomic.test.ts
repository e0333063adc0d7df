/**
 * All-or-nothing writes: every transactional action commits its writes, its audit entries and its idempotency
 * record together, so a refusal, a lost race or a failed commit leaves nothing behind — in particular no gap in
 * the 索引号 sequence. Real SDK against the local server; the only stand-in is a handle whose commit fails once.
 */
import { COLLECTIONS } from '../../backend/collections';
import { itemsFunction } from '../../backend/items';
import { num, one, rows, type Db } from '../../backend/sdk';
import { transactionStats, type Transaction } from '../../backend/transaction';
import type { Result } from '../../shared/errors';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from './harness';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b, '-atomic');
});
afterAll(() => b.stop());

const count = async (collection: string, where: object = {}) =>
  num(await b.db.collection(collection).where(where).count(), 'total');
const raw = async (id: string) => one(await b.db.collection(COLLECTIONS.items).doc(id).get());
const year = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
);
const counter = async (): Promise<number> =>
  Number(one(await b.db.collection(COLLECTIONS.counters).doc(`indexNo-${o.organId}-${year}`).get())?.n ?? 0);

async function atLeaderStep(title: string): Promise<string> {
  const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(title) });
  await b.ok(o.editor, 'items', 'submit', { id });
  await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
  return id;
}

/** The same database, except that the next `failures` commits fail as a dropped connection would. */
function failingCommits(db: Db, failures: { left: number }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'startTransaction') return Reflect.get(target, prop, receiver) as unknown;
      return async (): Promise<Transaction> => {
        const start: () => Promise<Transaction> = target.startTransaction.bind(target);
        const tx = await start();
        return {
          collection: (name) => tx.collection(name),
          rollback: (reason) => tx.rollback(reason),
          commit: async () => {
            if (failures.left <= 0) return tx.commit();
            failures.left -= 1;
            await tx.rollback();
            throw Object.assign(new Error('injected'), { code: 'SYS_ERR' });
          },
        };
      };
    },
  });
}

describe('索引号 under concurrency', () => {
  it('twenty leaders’ approvals at once publish 00001..00020 of this organ and year: unique, gapless', async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => atLeaderStep(`同时发布 ${i}`)));
    const conflictsBefore = transactionStats.conflicts;
    const started = Date.now();
    const results = await Promise.all(ids.map((id) => b.call(o.leader, 'items', 'approve', { id }, `leader-${id}`)));
    const ms = Date.now() - started;
    const indexNos = results.map((r) =>
      r.ok ? String((r.data as { indexNo: string }).indexNo) : `failed: ${r.message}`,
    );
    const serials = indexNos.map((n) => n.slice(-5)).sort();
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(5, '0')));
    expect(new Set(indexNos).size).toBe(20);
    expect(indexNos.every((n) => n.startsWith(`11632323MB12345670/${year}-`))).toBe(true);
    expect(await counter()).toBe(20);
    expect(await count(COLLECTIONS.audit, { action: 'items.publish', organId: o.organId })).toBe(20);
    console.log(
      `20 publishes at once: ${ms} ms, ${transactionStats.conflicts - conflictsBefore} conflicting attempts re-run`,
    );
  }, 300_000); // 26 s at a load average of 21 (7 Dec 2026)

  it('a publish whose commit fails leaves no gap and no trace; the next one takes the next number', async () => {
    const id = await atLeaderStep('提交失败的发布');
    const before = await raw(id);
    const auditBefore = await count(COLLECTIONS.audit);
    const n = await counter();
    const failed = await itemsFunction(
      { action: 'approve', payload: { id } },
      { db: failingCommits(b.db, { left: 1 }), openid: o.leader, log: () => undefined },
    );
    expect(failed).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(await counter()).toBe(n);
    expect(await raw(id)).toEqual(before);
    expect(await count(COLLECTIONS.audit)).toBe(auditBefore);
    const published = await b.ok<{ indexNo: string }>(o.leader, 'items', 'approve', { id });
    expect(published.indexNo.slice(-5)).toBe(String(n + 1).padStart(5, '0'));
  });
});

describe('idempotency and refusals', () => {
  it('a double tap on approve (one idempotency key, at the same moment) approves once and answers both alike', async () => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent('双击审核') });
    await b.ok(o.editor, 'items', 'submit', { id });
    const taps = await Promise.all(
      [1, 2, 3].map(() => b.call(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST }, 'tap-approve-0001')),
    );
    expect(taps[0]).toMatchObject({ ok: true, data: { status: 'inReview', step: 1, waitingFor: 'leader' } });
    expect(taps[1]).toEqual(taps[0]);
    expect(taps[2]).toEqual(taps[0]);
    const trail = (await raw(id))?.trail;
    expect(
      Array.isArray(trail) ? trail.filter((t) => (t as { decision?: string }).decision === 'approve') : [],
    ).toHaveLength(1);
    expect(await count(COLLECTIONS.audit, { action: 'items.approve', target: id })).toBe(1);
    expect(await count(COLLECTIONS.idempotency)).toBeGreaterThan(0);
  });

  it('a refused approval writes nothing: no item change, no audit entry, no stored answer', async () => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent('拒绝不留痕') });
    await b.ok(o.editor, 'items', 'submit', { id });
    const before = await raw(id);
    const [audit, answers] = [await count(COLLECTIONS.audit), await count(COLLECTIONS.idempotency)];
    const refusals: Result<unknown>[] = [
      await b.call(o.reviewer, 'items', 'approve', { id }, 'no-checklist-01'),
      await b.call(o.leader, 'items', 'approve', { id }, 'wrong-step-0001'),
      await b.call(o.editor, 'items', 'approve', { id, checklist: CHECKLIST }, 'wrong-role-0001'),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['VALIDATION', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await raw(id)).toEqual(before);
    expect([await count(COLLECTIONS.audit), await count(COLLECTIONS.idempotency)]).toEqual([audit, answers]);
    // The refusal is not remembered: with the checklist, the same idempotency key now goes through.
    expect(await b.call(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST }, 'no-checklist-01')).toMatchObject(
      { ok: true },
    );
  });

  it('two reviewers approving one item at once: one wins, the other is told it moved on', async () => {
    const second = await b.ok<{ code: string }>(o.admin, 'organ', 'invite', { role: 'reviewer' });
    await b.ok('oReviewer2-atomic', 'organ', 'bind', { code: second.code, displayName: '第二位分管领导' });
    const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent('两位分管领导') });
    await b.ok(o.editor, 'items', 'submit', { id });
    const both = await Promise.all(
      [o.reviewer, 'oReviewer2-atomic'].map((who) => b.call(who, 'items', 'approve', { id, checklist: CHECKLIST })),
    );
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('第一负责人'),
    });
    expect(await count(COLLECTIONS.audit, { action: 'items.approve', target: id })).toBe(1);
  });

  it('a stale edit loses nothing: CONFLICT, the stored draft and the audit log untouched', async () => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', {
      content: itemContent('并发编辑', { docNo: '扎政〔2026〕1号' }),
    });
    await b.ok(o.editor, 'items', 'update', { id, version: 1, content: itemContent('并发编辑（甲）') });
    const stored = await raw(id);
    const audit = await count(COLLECTIONS.audit);
    const stale = await b.call(o.editor, 'items', 'update', { id, version: 1, content: itemContent('并发编辑（乙）') });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('他人修改') });
    expect(await raw(id)).toEqual(stored);
    expect(await count(COLLECTIONS.audit)).toBe(audit);
    // The accepted edit replaced the content whole: the 文号 it left out is gone.
    expect(stored?.docNo).toBeUndefined();
    expect(stored).toMatchObject({ title: '并发编辑（甲）', version: 2, status: 'draft' });
  });
});

describe('dates written inside transactions', () => {
  it('keeps timestamps as dates (trail, createdAt, updatedAt)', async () => {
    const id = await atLeaderStep('时间戳');
    const item = await raw(id);
    expect(item?.createdAt).toBeInstanceOf(Date);
    expect(item?.updatedAt).toBeInstanceOf(Date);
    const trail = rows({ data: item?.trail });
    expect(trail.map((t) => t.at instanceof Date)).toEqual([true, true]);
  });
});
