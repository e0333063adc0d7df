/**
 * DocStore on one SQLite file (better-sqlite3). WAL + synchronous=FULL: a write() that returned has been
 * fsynced, so an acknowledged write survives kill -9 (and power loss).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isPlainObject, parse, stringify } from '../ejson';
import type { Doc, DocStore, ScanWindow, WriteOp } from './types';
import { DuplicateIdError, MissingCollectionError } from './types';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collections (
    name TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL REFERENCES collections(name),
    id TEXT NOT NULL,
    json TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  );
  -- An index on (collection) is ordered by (collection, rowid): natural-order scans need no sort.
  CREATE INDEX IF NOT EXISTS documents_natural ON documents(collection);
`;

interface Row {
  json: string;
}

function sqliteCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : '';
}

function toDoc(row: Row): Doc {
  const value = parse(row.json, { now: 0 });
  if (!isPlainObject(value) || typeof value._id !== 'string') throw new Error('corrupt document row');
  return { ...value, _id: value._id };
}

export const DB_FILE_NAME = 'cloudbase.sqlite';

/** Opens (creating if needed) `<dataDir>/cloudbase.sqlite`. */
export function openSqliteStore(dataDir: string): DocStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);

  const q = {
    listCollections: db.prepare<[], { name: string }>('SELECT name FROM collections ORDER BY name'),
    hasCollection: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM collections WHERE name = ?'),
    createCollection: db.prepare<[string, number]>(
      'INSERT INTO collections(name, created_at) VALUES (?, ?) ON CONFLICT(name) DO NOTHING',
    ),
    get: db.prepare<[string, string], Row>('SELECT json FROM documents WHERE collection = ? AND id = ?'),
    getMany: db.prepare<[string, string], Row>(
      'SELECT json FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY rowid',
    ),
    scan: db.prepare<[string, number, number], Row>(
      'SELECT json FROM documents WHERE collection = ? ORDER BY rowid LIMIT ? OFFSET ?',
    ),
    count: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM documents WHERE collection = ?'),
    insert: db.prepare<[string, string, string]>('INSERT INTO documents(collection, id, json) VALUES (?, ?, ?)'),
    // ON CONFLICT … DO UPDATE keeps the rowid, so a replaced document keeps its natural-order place.
    put: db.prepare<[string, string, string]>(
      'INSERT INTO documents(collection, id, json) VALUES (?, ?, ?) ' +
        'ON CONFLICT(collection, id) DO UPDATE SET json = excluded.json',
    ),
    remove: db.prepare<[string, string]>('DELETE FROM documents WHERE collection = ? AND id = ?'),
  };

  const applyOne = (op: WriteOp): void => {
    try {
      if (op.kind === 'delete') q.remove.run(op.collection, op.id);
      else (op.kind === 'insert' ? q.insert : q.put).run(op.collection, op.doc._id, stringify(op.doc));
    } catch (e) {
      const code = sqliteCode(e);
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && op.kind === 'insert') {
        throw new DuplicateIdError(op.collection, op.doc._id);
      }
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MissingCollectionError(op.collection);
      throw e;
    }
  };
  // db.transaction(): BEGIN … COMMIT around the ops, ROLLBACK if any throws.
  const writeBatch = db.transaction((ops: readonly WriteOp[]) => {
    for (const op of ops) applyOne(op);
  });

  return {
    listCollections: () => q.listCollections.all().map((r) => r.name),
    hasCollection: (name) => q.hasCollection.get(name) !== undefined,
    createCollection: (name) => q.createCollection.run(name, Date.now()).changes === 1,
    get: (collection, id) => {
      const row = q.get.get(collection, id);
      return row ? toDoc(row) : null;
    },
    getMany: (collection, ids) => (ids.length === 0 ? [] : q.getMany.all(collection, JSON.stringify(ids)).map(toDoc)),
    scan: (collection, window: ScanWindow = {}) =>
      q.scan.all(collection, window.limit ?? -1, window.offset ?? 0).map(toDoc),
    count: (collection) => q.count.get(collection)?.n ?? 0,
    write: (ops) => {
      if (ops.length > 0) writeBatch(ops);
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
