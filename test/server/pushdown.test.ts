/**
 * Queries pushed down to SQLite (server/store/plan.ts) answer exactly as mingo over the whole collection does:
 * a differential property test over generated documents and queries, plus what must run in SQL (exact plans,
 * the declared indexes used, groups counted in SQL) and the transaction conflict a pushed-down read still raises.
 */
import './helpers/env';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { Aggregator, Query } from 'mingo';
import { countMatching, findPage } from '../../server/db/find';
import { TxManager } from '../../server/db/transactions';
import { Workspace } from '../../server/db/workspace';
import { parse, stringify } from '../../server/ejson';
import { openSqliteStore } from '../../server/store/sqlite';
import type { Doc, DocStore } from '../../server/store/types';
import { tempDir } from './helpers/local';

let dir: string;
let store: DocStore;
let txm: TxManager;

beforeEach(() => {
  dir = tempDir('gongkai-pushdown-');
  store = openSqliteStore(dir);
  txm = new TxManager(store);
  store.createCollection('c');
});

afterEach(() => {
  txm.close();
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Values drawn from a small pool so that equalities and ranges hit; every kind mingo and SQL might confuse.
const scalar = fc.oneof(
  fc.constantFrom('a', 'b', 'c', '2024-12-31', '2025-01-01', '2025-06-30', '1', ''),
  fc.constantFrom(0, 1, 2, 1.5, -3),
  fc.constant(null),
  fc.boolean(),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(fc.constantFrom('a', 'b', 1), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.record({ x: scalar }) },
  { weight: 1, arbitrary: fc.constantFrom(new Date(0), new Date(86_400_000)) },
);
const docArb = fc.record(
  {
    s: value,
    n: value,
    t: fc.array(fc.constantFrom('甲乙', '乙丙', '丙丁'), { maxLength: 3 }),
    // The leading field of the element index on (g, t): a string, or what no string equality matches.
    g: fc.constantFrom('a', 'b', 1, null),
    o: fc.record({ x: scalar }),
    // Dates only (or nothing): sorted by their instant in SQL.
    d: fc.constantFrom(new Date(0), new Date(86_400_000), new Date(-5_000), null),
  },
  { requiredKeys: [] },
);
const field = fc.constantFrom('s', 'n', 'o.x', 'missing');
const comparable = fc.oneof(
  fc.constantFrom('a', 'b', '2025-01-01', '1'),
  fc.constantFrom(0, 1, 1.5),
  fc.constant(null),
);
const fieldQuery: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ f: field, v: comparable }).map(({ f, v }) => ({ [f]: v })),
  fc.record({ f: field, v: fc.boolean() }).map(({ f, v }) => ({ [f]: v })),
  fc
    .record({ f: field, op: fc.constantFrom('$gt', '$gte', '$lt', '$lte', '$ne', '$eq'), v: comparable })
    .map(({ f, op, v }) => ({ [f]: { [op]: v } })),
  fc
    .record({ f: field, op: fc.constantFrom('$in', '$nin'), v: fc.array(comparable, { maxLength: 3 }) })
    .map(({ f, op, v }) => ({ [f]: { [op]: v } })),
  fc.record({ f: field, v: fc.boolean() }).map(({ f, v }) => ({ [f]: { $exists: v } })),
  fc.array(fc.constantFrom('甲乙', '乙丙'), { minLength: 1, maxLength: 2 }).map((v) => ({ t: { $all: v } })),
  // Through the element index when `g` is fixed by an equality at this level or an enclosing $and.
  fc
    .record({
      g: fc.constantFrom('a', 'b'),
      v: fc.array(fc.constantFrom('甲乙', '乙丙'), { minLength: 1, maxLength: 2 }),
    })
    .map(({ g, v }) => ({ g, t: { $all: v } })),
  fc.constantFrom('a', 'b').map((g) => ({ g })),
  fc.constant({ s: { $regex: '^a' } }),
);
const queryArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: fieldQuery },
  { weight: 1, arbitrary: fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((qs) => ({ $and: qs })) },
  { weight: 1, arbitrary: fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((qs) => ({ $or: qs })) },
  { weight: 1, arbitrary: fc.array(fieldQuery, { minLength: 1, maxLength: 3 }).map((qs) => Object.assign({}, ...qs)) },
);
const orderArb = fc.option(fc.record({ f: fc.constantFrom('s', 'n', 'd', '_id'), d: fc.constantFrom(1, -1) }), {
  nil: undefined,
});

/** Stored and read back through EJSON, as the server keeps them. */
const roundTrip = (docs: Doc[]): Doc[] => docs.map((d) => parse(stringify(d), { now: 0 }) as Doc);

const mingoFind = (docs: Doc[], q: Record<string, unknown>, order?: Record<string, 1 | -1>) => {
  const cursor = new Query(q, { scriptEnabled: false }).find(docs);
  if (order) cursor.sort(order);
  return cursor.all();
};

it('finds, counts, pages and groups exactly as mingo over the whole collection', () => {
  // An element index on (g, t): kept by triggers through the inserts, puts and deletes below.
  store.ensureIndexes([
    {
      collection: 'c',
      name: 'g_t',
      fields: [
        { field: 'g', direction: 1 },
        { field: 't', direction: 1, array: true },
      ],
    },
  ]);
  fc.assert(
    fc.property(
      fc.array(docArb, { maxLength: 25 }),
      queryArb,
      orderArb,
      fc.nat(5),
      fc.integer({ min: 1, max: 10 }),
      (raw, q, o, offset, limit) => {
        store.write([{ kind: 'delete', collection: 'c', id: 'none' }]);
        for (const d of store.scan('c')) store.write([{ kind: 'delete', collection: 'c', id: d._id }]);
        const docs = raw.map((d, i) => ({ _id: `d${String(i).padStart(2, '0')}`, ...d }) as Doc);
        store.write(docs.map((doc) => ({ kind: 'insert' as const, collection: 'c', doc })));
        // Replaced whole, as a set() does: the update trigger re-indexes each.
        store.write(docs.slice(0, 3).map((doc) => ({ kind: 'put' as const, collection: 'c', doc })));
        const all = roundTrip(docs);
        const ws = new Workspace(store, txm, null);
        const order = o ? { [o.f]: o.d as 1 | -1 } : undefined;
        const expected = mingoFind(all, q, order);
        expect(countMatching(ws, 'c', q)).toBe(expected.length);
        const page = findPage(ws, 'c', q, { order, offset, limit });
        expect(page.map(stringify)).toEqual(expected.slice(offset, offset + limit).map(stringify));
        const group = {
          _id: { s: '$s', y: { $substr: ['$s', 0, 4] }, x: { $ifNull: ['$o.x', '-'] } },
          k: { $sum: 1 },
          total: { $sum: '$n' },
        };
        const grouped = store.plan('c', q).group(group);
        if (grouped) {
          const want = new Aggregator([{ $match: q }, { $group: group }], { scriptEnabled: false }).run(all);
          expect(grouped.map(stringify)).toEqual(want.map(stringify));
        }
      },
    ),
    { numRuns: 300 },
  );
}, 300_000); // 19–26 s at a load average of 21 (7 Dec 2026)

describe('what SQL decides', () => {
  const GRAMS = {
    collection: 'c',
    name: 'organ_grams',
    fields: [
      { field: 'organId', direction: 1 as const },
      { field: 'grams', direction: 1 as const, array: true },
    ],
  };
  const INDEX = {
    collection: 'c',
    name: 'organ_status_date',
    fields: [
      { field: 'organId', direction: 1 as const },
      { field: 'status', direction: 1 as const },
      { field: 'date', direction: -1 as const },
      { field: '_id', direction: -1 as const },
    ],
  };

  beforeEach(() => {
    const docs = Array.from({ length: 300 }, (_, i) => ({
      _id: `r${String(i).padStart(3, '0')}`,
      organId: `o${i % 3}`,
      status: i % 2 ? 'published' : 'draft',
      date: `2025-0${(i % 9) + 1}-01`,
      grams: ['公开', '开信'],
      at: new Date(Date.UTC(2025, 0, 1 + i)),
    }));
    store.write(docs.map((doc) => ({ kind: 'insert' as const, collection: 'c', doc })));
    store.ensureIndexes([INDEX, GRAMS]);
  });

  it('plans the report and catalogue queries exactly, on the declared index', () => {
    const q = {
      $and: [{ organId: 'o1', status: { $in: ['published', 'withdrawn'] } }, { date: { $lte: '2025-12-31' } }],
    };
    const plan = store.plan('c', q, { date: -1, _id: -1 });
    expect(plan.exact).toBe(true);
    expect(plan.ordered).toBe(true);
    expect(plan.count()).toBe(50);
    // A field holding dates only sorts by their instant in SQL.
    expect(store.plan('c', { organId: 'o1' }, { date: -1, at: -1 }).ordered).toBe(true);
    expect(store.plan('c', { grams: { $all: ['公开'] }, organId: 'o1' }).exact).toBe(true);
    expect(store.plan('c', { organId: 'o1', title: { $regex: 'x' } }).exact).toBe(false);
    const db = new Database(`${dir}/cloudbase.sqlite`, { readonly: true });
    const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'").all();
    expect(names).toEqual([{ name: 'ix_c_organ_status_date' }]);
    const detail = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT rowid FROM documents WHERE collection = 'c' AND json_extract(json, '$.organId') = 'o1' " +
          "AND json_extract(json, '$.status') = 'published' ORDER BY json_extract(json, '$.date') DESC, id DESC",
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    db.close();
    expect(detail).toContain('ix_c_organ_status_date');
    expect(detail).not.toContain('TEMP B-TREE');
  });

  it('answers $all from the element index, filled from the documents already stored and kept on every write', () => {
    const q = (organId: string) => ({ $and: [{ organId }, { grams: { $all: ['公开', '开信'] } }] });
    const plan = store.plan('c', q('o1'), { date: -1, _id: -1 });
    expect(plan.exact).toBe(true);
    expect(plan.count()).toBe(100);
    expect([...plan.rows({ limit: 3 })].map((d) => d._id)).toEqual(['r295', 'r286', 'r277']);
    store.write([
      { kind: 'put', collection: 'c', doc: { _id: 'r001', organId: 'o1', grams: ['公开'] } },
      { kind: 'delete', collection: 'c', id: 'r004' },
      { kind: 'insert', collection: 'c', doc: { _id: 'new', organId: 'o1', grams: ['开信', '公开', '其他'] } },
    ]);
    expect(store.plan('c', q('o1')).count()).toBe(99);
    expect(store.plan('c', { organId: 'o1', grams: { $all: ['其他'] } }).count()).toBe(1);
    // Without the leading field's equality the index cannot answer: json_each over the rows, still exact.
    expect(store.plan('c', { grams: { $all: ['其他'] } }).count()).toBe(1);
    const db = new Database(`${dir}/cloudbase.sqlite`, { readonly: true });
    const detail = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT rowid FROM documents WHERE collection = 'c' AND json_extract(json, '$.organId') = 'o1' " +
          'AND +documents.rowid IN (SELECT rowid FROM "ix_c_organ_grams" WHERE "ix_c_organ_grams" MATCH \'"x"\')',
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    db.close();
    expect(detail).toContain('VIRTUAL TABLE');
  });

  it('counts groups in SQL', () => {
    const plan = store.plan('c', { organId: 'o2' });
    expect(plan.group({ _id: '$status', n: { $sum: 1 } })).toEqual([
      { _id: 'draft', n: 50 },
      { _id: 'published', n: 50 },
    ]);
    // An array on the path: SQL would disagree with Mongo's element matching, so it is left to mingo.
    expect(store.plan('c', { grams: '公开' }).exact).toBe(false);
    expect(store.plan('c', {}).group({ _id: '$grams', n: { $sum: 1 } })).toBeNull();
  });

  it('learns kinds already in a store opened from before they were recorded', () => {
    store.close();
    const db = new Database(`${dir}/cloudbase.sqlite`);
    db.exec('DELETE FROM path_kinds');
    db.pragma('user_version = 0');
    db.close();
    store = openSqliteStore(dir);
    txm = new TxManager(store);
    expect(store.plan('c', { grams: '公开' }).exact).toBe(false);
    expect(store.plan('c', { organId: 'o1' }).exact).toBe(true);
  });
});

it('a pushed-down read in a transaction conflicts with a concurrent write it would have seen', () => {
  store.write([
    { kind: 'insert', collection: 'c', doc: { _id: 'a', organId: 'o1', n: 1 } },
    { kind: 'insert', collection: 'c', doc: { _id: 'b', organId: 'o2', n: 1 } },
  ]);
  const tx = txm.begin();
  const inTx = new Workspace(store, txm, tx);
  expect(countMatching(inTx, 'c', { organId: 'o1' })).toBe(1);
  // Someone else adds a document the transaction's query would have counted.
  new Workspace(store, txm, null).write([{ kind: 'insert', collection: 'c', doc: { _id: 'x', organId: 'o1', n: 5 } }]);
  inTx.write([{ kind: 'put', collection: 'c', doc: { _id: 'total', n: 1 } }]);
  expect(() => txm.commit(tx.id)).toThrow(expect.objectContaining({ code: 'DATABASE_TRANSACTION_CONFLICT' }));
  expect(store.get('c', 'total')).toBeNull();
});
