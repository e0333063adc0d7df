import { COLLECTIONS } from '../../../backend/collections';
import { num, one, rows } from '../../../backend/sdk';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

const count = async (collection: string, where: object = {}) =>
  num(await b.db.collection(collection).where(where).count(), 'total');

async function draft(title: string): Promise<string> {
  return (await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(title) })).id;
}

async function toLeader(id: string): Promise<void> {
  await b.ok(o.editor, 'items', 'submit', { id });
  await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
}

describe('items: drafts and the 三审 chain', () => {
  it('an editor drafts, the reviewer (with 保密审查) and the leader approve, and the item is published with a 索引号', async () => {
    const id = await draft('关于春耕备耕的通知');
    expect(await b.ok(o.editor, 'items', 'submit', { id })).toMatchObject({
      status: 'inReview',
      step: 0,
      waitingFor: 'reviewer',
    });
    const noChecklist = await b.call(o.reviewer, 'items', 'approve', { id });
    expect(noChecklist).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'checklist' }] });
    const halfChecked = await b.call(o.reviewer, 'items', 'approve', {
      id,
      checklist: { ...CHECKLIST, noPrivacy: false },
    });
    expect(halfChecked).toMatchObject({ ok: false, code: 'VALIDATION' });
    expect(await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      step: 1,
      waitingFor: 'leader',
    });
    // A reviewer cannot publish past the leader.
    expect(await b.call(o.reviewer, 'items', 'approve', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const published = await b.ok<{ indexNo: string; publishedDate: string }>(o.leader, 'items', 'approve', {
      id,
      comment: '同意发布',
    });
    expect(published.indexNo).toMatch(/^11632323MB12345670\/\d{4}-00001$/);
    const citizenView = await b.ok<Record<string, unknown>>('oCitizen', 'items', 'get', { id });
    expect(citizenView).toMatchObject({ title: '关于春耕备耕的通知', status: 'published' });
    expect(citizenView.trail).toBeUndefined();
    const history = await b.ok<{ trail: { decision: string }[] }>(o.leader, 'items', 'history', { id });
    expect(history.trail.map((t) => t.decision)).toEqual(['submit', 'approve', 'approve']);
  });

  it('a citizen cannot draft, and never sees drafts', async () => {
    expect(await b.call('oCitizen', 'items', 'create', { content: itemContent('x') })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.call(null, 'items', 'create', { content: itemContent('x') })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    const id = await draft('内部草稿');
    expect(await b.call('oCitizen', 'items', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('a stale edit gets CONFLICT and the stored draft is untouched', async () => {
    const id = await draft('原标题');
    await b.ok(o.editor, 'items', 'update', { id, version: 1, content: itemContent('第二版标题') });
    const stale = await b.call(o.editor, 'items', 'update', { id, version: 1, content: itemContent('过时的修改') });
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' });
    const stored = one(await b.db.collection(COLLECTIONS.items).doc(id).get());
    expect(stored).toMatchObject({ title: '第二版标题', version: 2 });
  });

  it('a bad payload is refused with the field named and writes nothing', async () => {
    const before = await count(COLLECTIONS.items);
    const auditBefore = await count(COLLECTIONS.audit);
    const r = await b.call(o.editor, 'items', 'create', { content: itemContent('', { writtenDate: '2026-02-30' }) });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!r.ok) expect(r.fieldErrors?.map((e) => e.path)).toEqual(['content.title', 'content.writtenDate']);
    expect(await count(COLLECTIONS.items)).toBe(before);
    expect(await count(COLLECTIONS.audit)).toBe(auditBefore);
  });

  it('a category outside the catalogue list is refused on create and update, naming 分类, and writes nothing', async () => {
    const before = await count(COLLECTIONS.items);
    const raw = await b.call(o.editor, 'items', 'create', {
      content: itemContent('分类是键名', { category: 'socialAssistance' }),
    });
    expect(raw).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'content.category' }] });
    if (!raw.ok) expect(raw.fieldErrors?.[0]?.message).toContain('分类');
    expect(await count(COLLECTIONS.items)).toBe(before);
    const id = await draft('分类正确');
    const update = await b.call(o.editor, 'items', 'update', {
      id,
      version: 1,
      content: itemContent('分类正确', { category: 'socialAssistance' }),
    });
    expect(update).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'content.category' }] });
    expect(one(await b.db.collection(COLLECTIONS.items).doc(id).get())).toMatchObject({ version: 1 });
  });

  it('a double tap on submit with one idempotency key acts once', async () => {
    const id = await draft('重复点击');
    const [a, c] = await Promise.all([
      b.call(o.editor, 'items', 'submit', { id }, 'req-submit-0001'),
      b.call(o.editor, 'items', 'submit', { id }, 'req-submit-0001'),
    ]);
    expect(a).toEqual(c);
    expect(a).toMatchObject({ ok: true });
    expect(await count(COLLECTIONS.audit, { action: 'items.submit', target: id })).toBe(1);
  });

  it('two approvals of the same item at once: exactly one wins', async () => {
    const id = await draft('同时审批');
    await toLeader(id);
    const results = await Promise.all([
      b.call(o.leader, 'items', 'approve', { id }),
      b.call(o.leader, 'items', 'approve', { id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT' });
    expect(await count(COLLECTIONS.audit, { action: 'items.publish', target: id })).toBe(1);
  });

  it('twenty publishes at once get unique, gapless 索引号', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await draft(`并发发布 ${i}`));
    for (const id of ids) await toLeader(id);
    const before = rows(
      await b.db.collection(COLLECTIONS.items).where({ status: 'published' }).limit(1000).get(),
    ).length;
    const results = await Promise.all(ids.map((id) => b.ok<{ indexNo: string }>(o.leader, 'items', 'approve', { id })));
    const serials = results.map((r) => Number(r.indexNo.slice(-5))).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => before + i + 1));
  }, 60_000);

  it('withdraw and correct: a correction keeps the 索引号 and replaces the original when published', async () => {
    const id = await draft('待更正');
    await toLeader(id);
    const { indexNo } = await b.ok<{ indexNo: string }>(o.leader, 'items', 'approve', { id });
    const fix = await b.ok<{ id: string }>(o.editor, 'items', 'correct', {
      id,
      reason: '文号有误',
      content: itemContent('待更正（更正版）'),
    });
    expect(await b.ok('oCitizen', 'items', 'get', { id })).toMatchObject({ status: 'published' });
    await toLeader(fix.id);
    expect(await b.ok(o.leader, 'items', 'approve', { id: fix.id })).toMatchObject({ indexNo });
    expect(await b.call('oCitizen', 'items', 'get', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await b.ok(o.leader, 'items', 'withdraw', { id: fix.id, reason: '政策调整' })).toMatchObject({
      status: 'withdrawn',
    });
    expect(await b.call(o.editor, 'items', 'withdraw', { id: fix.id, reason: '再次' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('rejecting returns the item to draft; the same reviewer cannot approve twice in a round', async () => {
    const id = await draft('退回测试');
    await b.ok(o.editor, 'items', 'submit', { id });
    expect(await b.call(o.leader, 'items', 'reject', { id, comment: '越级退回' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.ok(o.reviewer, 'items', 'reject', { id, comment: '请补充依据' })).toMatchObject({ status: 'draft' });
    expect(
      await b.ok(o.editor, 'items', 'update', { id, version: 1, content: itemContent('退回测试（已补充）') }),
    ).toMatchObject({ version: 2 });
  });
});

describe('items: catalogue', () => {
  it('lists and searches what was published through the chain, a page at a time (paging.test.ts: 130 items)', async () => {
    const other = await seedOrgan(b, '-catalogue');
    const editor = other.editor;
    for (let i = 0; i < 5; i++) {
      const { id } = await b.ok<{ id: string }>(editor, 'items', 'create', {
        content: itemContent(i % 2 === 0 ? `低保公示 第${i}期` : `工作动态 ${i}`),
      });
      await b.ok(editor, 'items', 'submit', { id });
      await b.ok(other.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
      await b.ok(other.leader, 'items', 'approve', { id });
    }
    type Page = { items: { id: string; title: string }[]; more: boolean; cursor: string | null };
    const first = await b.ok<Page>(null, 'items', 'list', { organId: other.organId, pageSize: 3 });
    expect(first).toMatchObject({ more: true, cursor: expect.any(String) as unknown });
    const second = await b.ok<Page>(null, 'items', 'list', {
      organId: other.organId,
      pageSize: 3,
      cursor: first.cursor,
    });
    expect(second).toMatchObject({ more: false, cursor: null });
    expect(new Set([...first.items, ...second.items].map((x) => x.id)).size).toBe(5);
    const found = await b.ok<Page>(null, 'items', 'list', { organId: other.organId, keyword: '低保' });
    expect(found.items.map((x) => x.title).sort()).toEqual(['低保公示 第0期', '低保公示 第2期', '低保公示 第4期']);
  });

  it('the audit log has an entry for every write and no action can change it', async () => {
    const entries = rows(await b.db.collection(COLLECTIONS.audit).where({ organId: o.organId }).limit(1000).get());
    expect(entries.length).toBeGreaterThan(50);
    expect(
      entries.every((e) => typeof e.openid === 'string' && typeof e.action === 'string' && e.at instanceof Date),
    ).toBe(true);
    const snapshot = JSON.stringify(entries.slice(0, 5));
    const id = await draft('审计');
    await b.ok(o.editor, 'items', 'update', { id, version: 1, content: itemContent('审计2') });
    const again = rows(await b.db.collection(COLLECTIONS.audit).where({ organId: o.organId }).limit(1000).get());
    expect(JSON.stringify(again.slice(0, 5))).toBe(snapshot);
    expect(again.length).toBe(entries.length + 2);
  });
});
