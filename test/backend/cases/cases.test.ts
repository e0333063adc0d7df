/**
 * The cases writes are transactional: a double tap with one idempotency key makes one case (and one audit entry),
 * and a refused write — another organ's id, a close dated before the filing — changes nothing.
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
const CASE = { kind: 'review', filedDate: '2025-02-01' };

describe('cases: transactional, idempotent writes', () => {
  it('the same idempotency key twice makes one case', async () => {
    const before = await count(COLLECTIONS.cases, { organId: o.organId });
    const first = await b.call(o.editor, 'cases', 'create', { case: CASE }, 'rq-case-once-1');
    expect(await b.call(o.editor, 'cases', 'create', { case: CASE }, 'rq-case-once-1')).toEqual(first);
    expect(await count(COLLECTIONS.cases, { organId: o.organId })).toBe(before + 1);
  });

  it('closing another organ’s case, or before it was filed, changes nothing; a proper close records result and date', async () => {
    const { id } = await b.ok<{ id: string }>(o.editor, 'cases', 'create', { case: CASE }, 'rq-case-close-0');
    const auditBefore = await audits('cases.close');
    expect(
      await b.call(other.editor, 'cases', 'close', { id, result: 'upheld', closedDate: '2025-05-01' }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await b.call(o.editor, 'cases', 'close', { id, result: 'upheld', closedDate: '2025-01-01' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'closedDate' }],
    });
    expect(one(await b.db.collection(COLLECTIONS.cases).doc(id).get())).toMatchObject({
      result: null,
      closedDate: null,
    });
    expect(await audits('cases.close')).toBe(auditBefore);

    expect(
      await b.call(
        o.editor,
        'cases',
        'close',
        { id, result: 'corrected', closedDate: '2025-06-30' },
        'rq-case-close-1',
      ),
    ).toEqual({ ok: true, data: { id } });
    expect(one(await b.db.collection(COLLECTIONS.cases).doc(id).get())).toMatchObject({
      result: 'corrected',
      closedDate: '2025-06-30',
    });
    expect(await audits('cases.close')).toBe(auditBefore + 1);
  });

  it('a reviewer may list but not write', async () => {
    expect(await b.call(o.reviewer, 'cases', 'create', { case: CASE })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await b.call(o.reviewer, 'stats', 'create', { entry: ENTRY })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const list = await b.ok<{ id: string }[]>(o.reviewer, 'cases', 'list', { year: 2025 });
    expect(list.length).toBeGreaterThan(0);
  });
});
