import { one, rows, str } from '../helpers/sdk';
import type { Collection } from '../helpers/sdk';
import type { ContractContext } from './context';

// A real server's clock may differ a little from ours.
const SKEW_MS = 60_000;

export function dateContract(ctx: ContractContext): void {
  describe('dates', () => {
    let col: Collection;
    beforeAll(async () => {
      col = await ctx.fresh('dates');
    });

    it('db.serverDate() becomes the server time, on add and on update', async () => {
      const db = ctx.db();
      const before = Date.now();
      const id = str(await col.add({ at: db.serverDate(), later: db.serverDate({ offset: 3_600_000 }) }), 'id');
      const stored = one(await col.doc(id).get());
      const at = stored?.at;
      const later = stored?.later;
      expect(at).toBeInstanceOf(Date);
      expect(later).toBeInstanceOf(Date);
      if (!(at instanceof Date) || !(later instanceof Date)) return;
      expect(Math.abs(at.getTime() - before)).toBeLessThan(SKEW_MS);
      expect(later.getTime() - at.getTime()).toBe(3_600_000);

      await col.doc(id).update({ touched: db.serverDate() });
      const touched = one(await col.doc(id).get())?.touched;
      expect(touched).toBeInstanceOf(Date);
    });

    it('Date values round-trip exactly and can be queried and sorted', async () => {
      const _ = ctx.db().command;
      const dates = [new Date('2023-01-31T16:00:00.000Z'), new Date('1969-07-20T20:17:40.123Z'), new Date(2024, 5, 1)];
      await col.add(dates.map((d, i) => ({ _id: `d${i}`, d, nested: { list: [d] } })));
      const back = one(await col.doc('d1').get());
      expect(back).toEqual({ _id: 'd1', d: dates[1], nested: { list: [dates[1]] } });
      const recent = rows(
        await col
          .where({ d: _.gte(new Date('2000-01-01')) })
          .orderBy('d', 'asc')
          .get(),
      );
      expect(recent.map((r) => r._id)).toEqual(['d0', 'd2']);
    });
  });
}
