import { errorCode, isRow, num, one, rows, str } from '../helpers/sdk';
import type { ContractContext } from './context';

export function crudContract(ctx: ContractContext): void {
  describe('collections', () => {
    it('createCollection twice fails with DATABASE_COLLECTION_ALREADY_EXIST', async () => {
      await ctx.fresh('twice');
      expect(await errorCode(ctx.db().createCollection(ctx.name('twice')))).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    });

    it('every action on a missing collection fails with DATABASE_COLLECTION_NOT_EXIST', async () => {
      const missing = ctx.db().collection(ctx.name('never_created'));
      const _ = ctx.db().command;
      const calls: Promise<unknown>[] = [
        missing.get(),
        missing.doc('x').get(),
        missing.add({ a: 1 }),
        missing.count(),
        missing.where({ a: 1 }).update({ b: 2 }),
        missing.doc('x').update({ b: 2 }),
        missing.doc('x').set({ b: 2 }),
        missing.where({ a: 1 }).updateAndReturn({ b: _.inc(1) }),
        missing.where({ a: 1 }).remove(),
        missing.doc('x').remove(),
        missing.aggregate().match({ a: 1 }).end(),
      ];
      for (const call of calls) expect(await errorCode(call)).toBe('DATABASE_COLLECTION_NOT_EXIST');
    });
  });

  describe('CRUD', () => {
    it('adds, reads, updates and removes single documents', async () => {
      const col = await ctx.fresh('crud');
      const id = str(await col.add({ title: '年报', year: 2023, meta: { a: 1, b: 2 } }), 'id');
      expect(id.length).toBeGreaterThan(0);
      expect(one(await col.doc(id).get())).toEqual({ _id: id, title: '年报', year: 2023, meta: { a: 1, b: 2 } });

      expect(num(await col.doc(id).update({ year: 2024, meta: { b: 3 } }), 'updated')).toBe(1);
      // Plain nested objects in update() merge field by field; untouched fields stay.
      expect(one(await col.doc(id).get())).toEqual({ _id: id, title: '年报', year: 2024, meta: { a: 1, b: 3 } });

      expect(num(await col.doc(id).remove(), 'deleted')).toBe(1);
      expect(rows(await col.doc(id).get())).toEqual([]);
      expect(num(await col.doc(id).update({ year: 1 }), 'updated')).toBe(0);
    });

    it('keeps a given _id, adds arrays and rejects duplicate ids', async () => {
      const col = await ctx.fresh('ids');
      expect(str(await col.add({ _id: 'fixed-1', v: 1 }), 'id')).toBe('fixed-1');
      const reply: unknown = await col.add([{ v: 2 }, { _id: 'fixed-3', v: 3 }]);
      const ids = reply && typeof reply === 'object' && 'ids' in reply ? reply.ids : undefined;
      expect(Array.isArray(ids) && ids.length === 2 && ids[1] === 'fixed-3').toBe(true);
      expect(await errorCode(col.add({ _id: 'fixed-1', v: 9 }))).toBe('DATABASE_DUPLICATE_WRITE');
      expect(one(await col.doc('fixed-1').get())).toEqual({ _id: 'fixed-1', v: 1 });
      expect(num(await col.count(), 'total')).toBe(3);
    });

    it('set() creates a missing document (upsert) and replaces an existing one', async () => {
      const col = await ctx.fresh('set');
      await col.doc('s1').set({ a: 1, b: { c: 2 } });
      expect(one(await col.doc('s1').get())).toEqual({ _id: 's1', a: 1, b: { c: 2 } });
      expect(num(await col.doc('s1').set({ z: true }), 'updated')).toBe(1);
      expect(one(await col.doc('s1').get())).toEqual({ _id: 's1', z: true });
    });

    it('updateAndReturn() returns the updated document, or null when nothing matches', async () => {
      const col = await ctx.fresh('uar');
      const _ = ctx.db().command;
      await col.add({ _id: 'counter', seq: 41, name: 'n' });
      const reply: unknown = await col.where({ name: 'n' }).updateAndReturn({ seq: _.inc(1) });
      expect(num(reply, 'updated')).toBe(1);
      expect(reply).toMatchObject({ doc: { _id: 'counter', seq: 42, name: 'n' } });
      const none: unknown = await col.where({ name: 'nobody' }).updateAndReturn({ seq: _.inc(1) });
      expect(num(none, 'updated')).toBe(0);
      expect(isRow(none) ? (none.doc ?? null) : 'not a reply').toBeNull();
    });

    it('where().remove() deletes every match and only those', async () => {
      const col = await ctx.fresh('remove');
      await col.add([{ k: 'a' }, { k: 'a' }, { k: 'b' }, { k: 'a' }]);
      expect(num(await col.where({ k: 'a' }).remove(), 'deleted')).toBe(3);
      expect(rows(await col.get()).map((r) => r.k)).toEqual(['b']);
    });
  });
}
