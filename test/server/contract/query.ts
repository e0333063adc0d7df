import { num, rows } from '../helpers/sdk';
import type { Collection } from '../helpers/sdk';
import { type ContractContext, idsOf } from './context';

const PEOPLE = [
  {
    _id: 'p0',
    i: 0,
    name: 'Alice',
    age: 30,
    tags: ['a', 'b'],
    city: { name: 'Lhasa' },
    pets: [{ kind: 'cat', age: 2 }],
    nick: 'al',
  },
  { _id: 'p1', i: 1, name: 'alan', age: 25, tags: ['b'], city: { name: 'Nyingchi' }, pets: [{ kind: 'dog', age: 5 }] },
  { _id: 'p2', i: 2, name: 'Bob', age: 35, tags: [], city: { name: 'Lhasa' }, pets: [], nick: null },
  {
    _id: 'p3',
    i: 3,
    name: 'Carol',
    age: 40,
    tags: ['c'],
    city: { name: 'Shigatse' },
    pets: [
      { kind: 'cat', age: 7 },
      { kind: 'dog', age: 1 },
    ],
  },
  { _id: 'p4', i: 4, name: 'dave', age: 25, tags: ['a'], city: { name: 'Lhasa' }, pets: [{ kind: 'fish', age: 1 }] },
];

export function queryContract(ctx: ContractContext): void {
  describe('query operators', () => {
    let col: Collection;
    beforeAll(async () => {
      col = await ctx.fresh('people');
      await col.add(PEOPLE);
    });
    const _ = () => ctx.db().command;

    it('eq / neq / gt / gte / lt / lte', async () => {
      expect(await idsOf(col.where({ age: 25 }))).toEqual(['p1', 'p4']);
      expect(await idsOf(col.where({ age: _().eq(25) }))).toEqual(['p1', 'p4']);
      expect(await idsOf(col.where({ age: _().neq(25) }))).toEqual(['p0', 'p2', 'p3']);
      expect(await idsOf(col.where({ age: _().gt(30) }))).toEqual(['p2', 'p3']);
      expect(await idsOf(col.where({ age: _().gte(30) }))).toEqual(['p0', 'p2', 'p3']);
      expect(await idsOf(col.where({ age: _().lt(30) }))).toEqual(['p1', 'p4']);
      expect(await idsOf(col.where({ age: _().lte(30) }))).toEqual(['p0', 'p1', 'p4']);
    });

    it('in / nin', async () => {
      expect(await idsOf(col.where({ name: _().in(['Bob', 'Carol', 'nobody']) }))).toEqual(['p2', 'p3']);
      expect(await idsOf(col.where({ age: _().nin([25, 30]) }))).toEqual(['p2', 'p3']);
      expect(await idsOf(col.where({ _id: _().in(['p1', 'p4', 'missing']) }))).toEqual(['p1', 'p4']);
    });

    it('and / or, top-level and per field', async () => {
      expect(await idsOf(col.where(_().or([{ age: _().lt(26) }, { name: 'Carol' }])))).toEqual(['p1', 'p3', 'p4']);
      expect(await idsOf(col.where(_().and([{ age: _().gte(30) }, { 'city.name': 'Lhasa' }])))).toEqual(['p0', 'p2']);
      expect(await idsOf(col.where({ age: _().gt(26).and(_().lt(40)) }))).toEqual(['p0', 'p2']);
      expect(await idsOf(col.where({ age: _().eq(30).or(_().eq(40)) }))).toEqual(['p0', 'p3']);
    });

    it('exists, array contains, elemMatch and nested fields', async () => {
      expect(await idsOf(col.where({ nick: _().exists(true) }))).toEqual(['p0', 'p2']);
      expect(await idsOf(col.where({ nick: _().exists(false) }))).toEqual(['p1', 'p3', 'p4']);
      expect(await idsOf(col.where({ tags: 'a' }))).toEqual(['p0', 'p4']);
      expect(await idsOf(col.where({ pets: _().elemMatch({ kind: 'cat', age: _().gt(5) }) }))).toEqual(['p3']);
      expect(await idsOf(col.where({ city: { name: 'Lhasa' } }))).toEqual(['p0', 'p2', 'p4']);
      expect(await idsOf(col.where({ 'city.name': 'Lhasa' }))).toEqual(['p0', 'p2', 'p4']);
    });

    it('regular expressions via db.RegExp and JS RegExp', async () => {
      const db = ctx.db();
      expect(await idsOf(col.where({ name: db.RegExp({ regexp: '^al', options: 'i' }) }))).toEqual(['p0', 'p1']);
      expect(await idsOf(col.where({ name: /^a/ }))).toEqual(['p1']);
      expect(await idsOf(col.where({ name: /^A/i }))).toEqual(['p0', 'p1']);
      expect(await idsOf(col.where({ name: /e$/ }))).toEqual(['p0', 'p4']);
    });

    it('orderBy / skip / limit', async () => {
      const ordered = rows(await col.orderBy('age', 'desc').orderBy('i', 'asc').get()).map((r) => r._id);
      expect(ordered).toEqual(['p3', 'p2', 'p0', 'p1', 'p4']);
      const page = rows(await col.orderBy('i', 'asc').skip(1).limit(2).get()).map((r) => r._id);
      expect(page).toEqual(['p1', 'p2']);
      const sortedNames = rows(await col.where({ age: 25 }).orderBy('name', 'asc').get()).map((r) => r.name);
      expect(sortedNames).toEqual(['alan', 'dave']);
    });

    it('field() projections include or exclude fields; _id stays', async () => {
      const included = rows(await col.where({ _id: 'p0' }).field({ name: true }).get());
      expect(included).toEqual([{ _id: 'p0', name: 'Alice' }]);
      const excluded = rows(await col.doc('p1').field({ pets: false, tags: false, city: false }).get());
      expect(excluded).toEqual([{ _id: 'p1', i: 1, name: 'alan', age: 25 }]);
    });

    it('count() with and without a query', async () => {
      expect(num(await col.count(), 'total')).toBe(5);
      expect(num(await col.where({ age: 25 }).count(), 'total')).toBe(2);
      expect(num(await col.where({ age: _().gt(100) }).count(), 'total')).toBe(0);
    });
  });
}
