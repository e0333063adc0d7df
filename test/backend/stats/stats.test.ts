/**
 * The stats writes are transactional: a double tap with one idempotency key makes one entry (and one audit entry), and
 * a refused write — another organ's id — changes nothing.
 */
import { COLLECTIONS } from '../../../backend/collections';
import { num, one } from '../../../backend/sdk';
import { seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
let other: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b, '-rec');
  other = await seedOrgan(b, '-rec2');
});
afterAll(() => b.stop());

const count = async (collection: string, where: object) =>
  num(await b.db.collection(collection).where(where).count(), 'total');
const audits = (action: string) => count(COLLECTIONS.audit, { action });
const ENTRY = { kind: 'count', metric: 'licensing.decisions', date: '2025-03-31', count: 4 };

describe('stats: transactional, idempotent writes', () => {
  it('the same idempotency key twice (also at once) makes one entry and one audit entry, and answers the same id', async () => {
    const before = await count(COLLECTIONS.statEntries, { organId: o.organId });
    const auditBefore = await audits('stats.create');
    const first = await b.call(o.editor, 'stats', 'create', { entry: ENTRY }, 'rq-stats-once-1');
    const again = await b.call(o.editor, 'stats', 'create', { entry: ENTRY }, 'rq-stats-once-1');
    expect(first).toMatchObject({ ok: true, data: { id: expect.any(String) as unknown } });
    expect(again).toEqual(first);
    const racing = await Promise.all(
      [1, 2, 3].map(() => b.call(o.editor, 'stats', 'create', { entry: ENTRY }, 'rq-stats-race-1')),
    );
    expect(new Set(racing.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(await count(COLLECTIONS.statEntries, { organId: o.organId })).toBe(before + 2);
    expect(await audits('stats.create')).toBe(auditBefore + 2);
    // A new idempotency key is a new entry.
    await b.ok(o.editor, 'stats', 'create', { entry: ENTRY }, 'rq-stats-once-2');
    expect(await count(COLLECTIONS.statEntries, { organId: o.organId })).toBe(before + 3);
  });

  it('removing another organ’s entry is refused as absent and changes nothing; the organ’s own goes once', async () => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'stats', 'create', { entry: ENTRY }, 'rq-stats-remove-1');
    const auditBefore = await audits('stats.remove');
    expect(await b.call(other.editor, 'stats', 'remove', { id }, 'rq-stats-remove-x')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(one(await b.db.collection(COLLECTIONS.statEntries).doc(id).get())).toMatchObject({ count: 4 });
    expect(await audits('stats.remove')).toBe(auditBefore);

    const removed = await b.call(o.editor, 'stats', 'remove', { id }, 'rq-stats-remove-2');
    expect(removed).toEqual({ ok: true, data: { id } });
    // A retry after a lost answer gets the same answer, not NOT_FOUND.
    expect(await b.call(o.editor, 'stats', 'remove', { id }, 'rq-stats-remove-2')).toEqual(removed);
    expect(one(await b.db.collection(COLLECTIONS.statEntries).doc(id).get())).toBeNull();
    expect(await audits('stats.remove')).toBe(auditBefore + 1);
  });
});
