import { num, rows } from '../helpers/sdk';
import type { Collection } from '../helpers/sdk';
import type { ContractContext } from './context';

const N = 1234;
const BATCH = 200;

export function scaleContract(ctx: ContractContext): void {
  describe(`a collection of ${N} documents (more than the 1000 cap)`, () => {
    let col: Collection;
    beforeAll(async () => {
      col = await ctx.fresh('big');
      for (let start = 0; start < N; start += BATCH) {
        const batch = [];
        for (let i = start; i < Math.min(N, start + BATCH); i += 1) batch.push({ i, bucket: i % 7, w: i * 2 });
        await col.add(batch);
      }
    });

    it('get() returns 100 by default and limit() is capped at 1000', async () => {
      expect(rows(await col.get())).toHaveLength(100);
      expect(rows(await col.limit(1000).get())).toHaveLength(1000);
      expect(rows(await col.limit(5000).get())).toHaveLength(1000);
    });

    it('paging with skip covers every document exactly once', async () => {
      for (const pageSize of [100, 1000]) {
        const seen: number[] = [];
        for (let skip = 0; skip < N; skip += pageSize) {
          const page = rows(await col.orderBy('i', 'asc').skip(skip).limit(pageSize).get());
          seen.push(...page.map((r) => Number(r.i)));
        }
        expect(seen).toEqual(Array.from({ length: N }, (_, i) => i));
      }
    });

    it('count() and aggregate group sums see all documents', async () => {
      expect(num(await col.count(), 'total')).toBe(N);
      const inBucket = (b: number): number => Array.from({ length: N }, (_v, i) => i).filter((i) => i % 7 === b).length;
      expect(num(await col.where({ bucket: 3 }).count(), 'total')).toBe(inBucket(3));
      const $ = ctx.db().command.aggregate;
      const [all] = rows(
        await col
          .aggregate()
          .group({ _id: null, sum: $.sum('$w'), n: $.sum(1) })
          .end(),
      );
      expect(all).toEqual({ _id: null, sum: N * (N - 1), n: N });
      const buckets = rows(
        await col
          .aggregate()
          .group({ _id: '$bucket', n: $.sum(1) })
          .sort({ _id: 1 })
          .end(),
      );
      expect(buckets.map((b) => b.n)).toEqual(Array.from({ length: 7 }, (_v, b) => inBucket(b)));
    });
  });
}
