import { rows } from '../helpers/sdk';
import type { Collection } from '../helpers/sdk';
import type { ContractContext } from './context';

const SALES = [
  { _id: 's1', item: 'pen', qty: 2, price: 1.5, tags: ['office', 'cheap'], store: 'a' },
  { _id: 's2', item: 'pen', qty: 5, price: 1.25, tags: ['office'], store: 'b' },
  { _id: 's3', item: 'book', qty: 1, price: 20, tags: ['paper'], store: 'a' },
  { _id: 's4', item: 'book', qty: 3, price: 18, tags: [], store: 'a' },
  { _id: 's5', item: 'ink', qty: 10, price: 4, tags: ['office', 'cheap', 'liquid'], store: 'c' },
];

export function aggregateContract(ctx: ContractContext): void {
  describe('aggregate', () => {
    let sales: Collection;
    beforeAll(async () => {
      sales = await ctx.fresh('sales');
      await sales.add(SALES);
      const stores = await ctx.fresh('stores');
      await stores.add([
        { _id: 'a', city: 'Lhasa' },
        { _id: 'b', city: 'Nyingchi' },
      ]);
    });
    const $ = () => ctx.db().command.aggregate;

    it('match + group with $sum/$avg/$max/$min/$push, then sort', async () => {
      const out = rows(
        await sales
          .aggregate()
          .match({ qty: ctx.db().command.gte(2) })
          .group({
            _id: '$item',
            total: $().sum('$qty'),
            n: $().sum(1),
            avgPrice: $().avg('$price'),
            maxQty: $().max('$qty'),
            minQty: $().min('$qty'),
            ids: $().push('$_id'),
          })
          .sort({ total: -1 })
          .end(),
      );
      expect(out).toEqual([
        { _id: 'ink', total: 10, n: 1, avgPrice: 4, maxQty: 10, minQty: 10, ids: ['s5'] },
        { _id: 'pen', total: 7, n: 2, avgPrice: 1.375, maxQty: 5, minQty: 2, ids: ['s1', 's2'] },
        { _id: 'book', total: 3, n: 1, avgPrice: 18, maxQty: 3, minQty: 3, ids: ['s4'] },
      ]);
    });

    it('project, skip and limit', async () => {
      const out = rows(
        await sales.aggregate().sort({ qty: 1 }).skip(1).limit(2).project({ _id: 0, item: 1, qty: 1 }).end(),
      );
      expect(out).toEqual([
        { item: 'pen', qty: 2 },
        { item: 'book', qty: 3 },
      ]);
    });

    it('lookup joins another collection', async () => {
      const out = rows(
        await sales
          .aggregate()
          .match({ item: 'book' })
          .lookup({ from: ctx.name('stores'), localField: 'store', foreignField: '_id', as: 'storeInfo' })
          .project({ _id: 1, storeInfo: 1 })
          .sort({ _id: 1 })
          .end(),
      );
      expect(out).toEqual([
        { _id: 's3', storeInfo: [{ _id: 'a', city: 'Lhasa' }] },
        { _id: 's4', storeInfo: [{ _id: 'a', city: 'Lhasa' }] },
      ]);
    });

    it('count and unwind', async () => {
      expect(rows(await sales.aggregate().match({ item: 'pen' }).count('pens').end())).toEqual([{ pens: 2 }]);
      const tagCounts = rows(
        await sales
          .aggregate()
          .unwind('$tags')
          .group({ _id: '$tags', n: $().sum(1) })
          .sort({ n: -1, _id: 1 })
          .end(),
      );
      expect(tagCounts).toEqual([
        { _id: 'office', n: 3 },
        { _id: 'cheap', n: 2 },
        { _id: 'liquid', n: 1 },
        { _id: 'paper', n: 1 },
      ]);
    });
  });
}
