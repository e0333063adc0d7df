import { num, one } from '../helpers/sdk';
import type { Collection, Row } from '../helpers/sdk';
import type { ContractContext } from './context';

export function updateContract(ctx: ContractContext): void {
  describe('update operators', () => {
    let col: Collection;
    let seq = 0;
    beforeAll(async () => {
      col = await ctx.fresh('updates');
    });
    const _ = () => ctx.db().command;
    /** Adds `doc`, applies `update` by id, returns the stored result without _id. */
    async function after(doc: Row, update: Row): Promise<Row | null> {
      seq += 1;
      const id = `u${seq}`;
      await col.add({ _id: id, ...doc });
      // Not asserting `updated`: a no-op such as addToSet of a present value may count 0.
      await col.doc(id).update(update);
      const stored = one(await col.doc(id).get());
      if (!stored) return null;
      const { _id: _ignored, ...rest } = stored;
      return rest;
    }

    it('_.inc and _.mul', async () => {
      expect(await after({ n: 1 }, { n: _().inc(2) })).toEqual({ n: 3 });
      expect(await after({ n: 1 }, { n: _().inc(-5) })).toEqual({ n: -4 });
      expect(await after({ n: 1.5 }, { n: _().mul(4) })).toEqual({ n: 6 });
      expect(await after({ o: { n: 2 } }, { 'o.n': _().inc(1) })).toEqual({ o: { n: 3 } });
    });

    it('_.push, _.pop, _.shift, _.unshift', async () => {
      expect(await after({ a: [1] }, { a: _().push([2, 3]) })).toEqual({ a: [1, 2, 3] });
      expect(await after({ a: [1] }, { a: _().push(2) })).toEqual({ a: [1, 2] });
      expect(await after({ a: [1, 2] }, { a: _().push({ each: [0], position: 0 }) })).toEqual({ a: [0, 1, 2] });
      expect(await after({ a: [1, 2, 3] }, { a: _().pop() })).toEqual({ a: [1, 2] });
      expect(await after({ a: [1, 2, 3] }, { a: _().shift() })).toEqual({ a: [2, 3] });
      expect(await after({ a: [3] }, { a: _().unshift([1, 2]) })).toEqual({ a: [1, 2, 3] });
    });

    it('_.remove, _.set and plain nested updates', async () => {
      expect(await after({ a: 1, b: 2 }, { b: _().remove() })).toEqual({ a: 1 });
      // _.set replaces the whole value; a plain object merges into it.
      expect(await after({ o: { x: 1, y: 2 } }, { o: _().set({ z: 3 }) })).toEqual({ o: { z: 3 } });
      expect(await after({ o: { x: 1, y: 2 } }, { o: { z: 3 } })).toEqual({ o: { x: 1, y: 2, z: 3 } });
      expect(await after({ a: 1 }, { list: [1, { b: 2 }] })).toEqual({ a: 1, list: [1, { b: 2 }] });
    });

    it('_.addToSet, _.pull, _.max, _.min, _.rename', async () => {
      expect(await after({ s: [1, 2] }, { s: _().addToSet(2) })).toEqual({ s: [1, 2] });
      expect(await after({ s: [1, 2] }, { s: _().addToSet(3) })).toEqual({ s: [1, 2, 3] });
      expect(await after({ s: [1, 2, 1] }, { s: _().pull(1) })).toEqual({ s: [2] });
      expect(await after({ n: 5 }, { n: _().max(9) })).toEqual({ n: 9 });
      expect(await after({ n: 5 }, { n: _().min(2) })).toEqual({ n: 2 });
      expect(await after({ old: 1 }, { old: _().rename('renamed') })).toEqual({ renamed: 1 });
    });

    it('where().update() changes every match and reports how many', async () => {
      const many = await ctx.fresh('update_many');
      await many.add([
        { g: 1, v: 0 },
        { g: 1, v: 0 },
        { g: 2, v: 0 },
      ]);
      expect(num(await many.where({ g: 1 }).update({ v: _().inc(10) }), 'updated')).toBe(2);
      expect(num(await many.where({ v: 10 }).count(), 'total')).toBe(2);
      expect(num(await many.where({ v: 0 }).count(), 'total')).toBe(1);
    });
  });
}
