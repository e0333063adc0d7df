/** The SQLite DocStore on its own: misses, order, windows, atomic batches, persistence, pragmas. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME, openSqliteStore } from '../../server/store/sqlite';
import { type DocStore, DuplicateIdError, MissingCollectionError } from '../../server/store/types';
import { tempDir } from './helpers/local';

let dir: string;
let store: DocStore;

beforeEach(() => {
  dir = tempDir('gongkai-store-');
  store = openSqliteStore(dir);
  store.createCollection('c');
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('creates collections once', () => {
  expect(store.createCollection('c')).toBe(false);
  expect(store.createCollection('b')).toBe(true);
  expect(store.listCollections()).toEqual(['b', 'c']);
  expect(store.hasCollection('nope')).toBe(false);
});

it('returns null / empty for misses', () => {
  expect(store.get('c', 'missing')).toBeNull();
  expect(store.get('no-such-collection', 'x')).toBeNull();
  expect(store.getMany('c', ['x', 'y'])).toEqual([]);
  expect(store.scan('no-such-collection')).toEqual([]);
  expect(store.count('no-such-collection')).toBe(0);
});

it('keeps natural (insertion) order, also across replacement, and windows it', () => {
  store.write(['k', 'a', 'x'].map((id) => ({ kind: 'insert' as const, collection: 'c', doc: { _id: id, n: 1 } })));
  store.write([{ kind: 'put', collection: 'c', doc: { _id: 'k', n: 2 } }]);
  expect(store.scan('c').map((d) => d._id)).toEqual(['k', 'a', 'x']);
  expect(store.scan('c', { offset: 1, limit: 1 }).map((d) => d._id)).toEqual(['a']);
  expect(store.getMany('c', ['x', 'k', 'zz']).map((d) => d._id)).toEqual(['k', 'x']);
  expect(store.get('c', 'k')).toEqual({ _id: 'k', n: 2 });
  expect(store.count('c')).toBe(3);
});

it('round-trips dates, regexes, non-finite numbers and nesting', () => {
  const doc = {
    _id: 'd',
    at: new Date(-1),
    re: /a+b/i,
    inf: -Infinity,
    deep: { list: [1, 'two', null, { three: 3 }] },
  };
  store.write([{ kind: 'insert', collection: 'c', doc }]);
  expect(store.get('c', 'd')).toEqual(doc);
});

it('applies a batch all-or-nothing', () => {
  store.write([{ kind: 'insert', collection: 'c', doc: { _id: 'a' } }]);
  expect(() =>
    store.write([
      { kind: 'insert', collection: 'c', doc: { _id: 'b' } },
      { kind: 'delete', collection: 'c', id: 'a' },
      { kind: 'insert', collection: 'c', doc: { _id: 'b' } },
    ]),
  ).toThrow(DuplicateIdError);
  expect(store.scan('c').map((d) => d._id)).toEqual(['a']);
  expect(() => store.write([{ kind: 'put', collection: 'nope', doc: { _id: 'z' } }])).toThrow(MissingCollectionError);
});

it('persists across reopen, in WAL mode with synchronous=FULL', () => {
  store.write([{ kind: 'insert', collection: 'c', doc: { _id: 'kept', v: 1 } }]);
  store.close();
  store = openSqliteStore(dir);
  expect(store.get('c', 'kept')).toEqual({ _id: 'kept', v: 1 });
  const probe = new Database(path.join(dir, DB_FILE_NAME), { readonly: true });
  try {
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
  } finally {
    probe.close();
  }
});
