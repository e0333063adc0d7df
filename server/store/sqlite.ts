/**
 * DocStore on one SQLite file (better-sqlite3). WAL + synchronous=FULL: a write() that returned has been
 * fsynced, so an acknowledged write survives kill -9 (and power loss).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isPlainObject, parse, stringify } from '../ejson';
import { elementIndexOf, elementIndexSql, type ElementIndex } from './elements';
import { PathKinds } from './paths';
import { extract, translateGroup, translateOrder, translateQuery, type KindsOf, type SqlValue } from './plan';
import type { Doc, DocStore, IndexSpec, PlannedQuery, ScanWindow, WriteOp } from './types';
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
  -- Which kinds of value each field path has held (server/store/paths.ts): what may be pushed down to SQL.
  CREATE TABLE IF NOT EXISTS path_kinds (
    collection TEXT NOT NULL,
    path TEXT NOT NULL,
    kinds INTEGER NOT NULL,
    PRIMARY KEY (collection, path)
  );
`;

/** user_version 1: path_kinds is filled for every stored document. */
const PATHS_VERSION = 1;

/** A collection name as an SQL string literal (partial indexes only match a literal, never a parameter). */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const indexName = (spec: IndexSpec): string =>
  `ix_${spec.collection}_${spec.name}`.replace(/[^A-Za-z0-9_]/g, (c) => `_${c.charCodeAt(0).toString(16)}_`);

interface RowWithId extends Row {
  rowid: number;
}

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

/** The path kinds on record; a store from before they were kept has them computed once from its documents. */
function loadPathKinds(db: Database.Database): PathKinds {
  const paths = new PathKinds();
  if ((db.pragma('user_version', { simple: true }) as number) < PATHS_VERSION) {
    const note = db.prepare<[string, string, number]>(
      'INSERT INTO path_kinds(collection, path, kinds) VALUES (?, ?, ?) ' +
        'ON CONFLICT(collection, path) DO UPDATE SET kinds = excluded.kinds',
    );
    db.transaction(() => {
      const all = db.prepare<[], Row & { collection: string }>('SELECT collection, json FROM documents').iterate();
      const grown = new Map<string, number>();
      for (const row of all) {
        for (const [path, kinds] of paths.note(row.collection, toDoc(row)))
          grown.set(`${row.collection}\u0000${path}`, kinds);
      }
      for (const [key, kinds] of grown) {
        const [collection = '', path = ''] = key.split('\u0000');
        note.run(collection, path, kinds);
      }
      db.pragma(`user_version = ${PATHS_VERSION}`);
    })();
    return paths;
  }
  const rows = db.prepare<[], { collection: string; path: string; kinds: number }>('SELECT * FROM path_kinds').all();
  for (const r of rows) paths.load(r.collection, r.path, r.kinds);
  return paths;
}

/** Opens (creating if needed) `<dataDir>/cloudbase.sqlite`. */
export function openSqliteStore(dataDir: string): DocStore {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  const paths = loadPathKinds(db);
  /** The element indexes declared (ensureIndexes), by collection: what `$all` may be answered from. */
  const elementIndexes = new Map<string, ElementIndex[]>();
  // Prepared statements for planned queries, by SQL text (the paths and collection are literals in it).
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string): Database.Statement => {
    let st = statements.get(sql);
    if (!st) {
      if (statements.size > 500) statements.clear();
      statements.set(sql, (st = db.prepare(sql)));
    }
    return st;
  };

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
    noteKinds: db.prepare<[string, string, number]>(
      'INSERT INTO path_kinds(collection, path, kinds) VALUES (?, ?, ?) ' +
        'ON CONFLICT(collection, path) DO UPDATE SET kinds = excluded.kinds',
    ),
  };
  const noteKinds = (collection: string, doc: Doc): void => {
    for (const [path, kinds] of paths.note(collection, doc)) q.noteKinds.run(collection, path, kinds);
  };

  const applyOne = (op: WriteOp): void => {
    try {
      if (op.kind === 'delete') q.remove.run(op.collection, op.id);
      else {
        (op.kind === 'insert' ? q.insert : q.put).run(op.collection, op.doc._id, stringify(op.doc));
        noteKinds(op.collection, op.doc);
      }
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

  function planQuery(
    collection: string,
    filter: Record<string, unknown>,
    order: Record<string, 1 | -1> | undefined,
  ): PlannedQuery {
    const kindsOf: KindsOf = {
      kinds: (path) => paths.kinds(collection, path),
      elementKinds: (path) => paths.elementKinds(collection, path),
      elementIndexes: () => elementIndexes.get(collection) ?? [],
    };
    const where = translateQuery(filter, kindsOf);
    const orderBy = translateOrder(order, kindsOf);
    const from = `FROM documents WHERE collection = ${literal(collection)} AND (${where.sql})`;
    const params: SqlValue[] = where.params;
    return {
      exact: where.exact,
      ordered: orderBy !== null,
      *rows(window: ScanWindow = {}) {
        const sql = `SELECT rowid, json ${from} ORDER BY ${orderBy ?? 'rowid'} LIMIT ? OFFSET ?`;
        const it = prepared(sql).iterate(
          ...params,
          window.limit ?? -1,
          window.offset ?? 0,
        ) as IterableIterator<RowWithId>;
        for (const row of it) yield toDoc(row);
      },
      count: () => (prepared(`SELECT COUNT(*) AS n ${from}`).get(...params) as { n: number }).n,
      group: (spec) => {
        const group = where.exact ? translateGroup(spec, kindsOf) : null;
        if (!group) return null;
        const by = group.groupBy === '' ? '' : ` GROUP BY ${group.groupBy}`;
        const sql = `SELECT ${group.select} ${from}${by} ORDER BY first`;
        const rows = prepared(sql).all(...params) as Record<string, unknown>[];
        // An aggregate over no rows still yields one row in SQL; $group over nothing yields no group.
        return rows.filter((r) => r.first !== null).map((r) => group.toDoc(r));
      },
    };
  }

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
    plan: (collection, filter, order) => planQuery(collection, filter, order),
    ensureIndexes: (specs) => {
      for (const spec of specs) {
        const elements = elementIndexOf(spec, indexName(spec));
        if (elements) {
          const exists = db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(elements.table) !== undefined;
          const sql = elementIndexSql(elements);
          // Created and filled in one transaction: a write between the two could not slip past the triggers.
          db.transaction(() => {
            db.exec(sql.create);
            if (!exists) db.exec(sql.fill);
          })();
          const others = (elementIndexes.get(spec.collection) ?? []).filter((e) => e.table !== elements.table);
          elementIndexes.set(spec.collection, [...others, elements]);
          continue;
        }
        const columns = spec.fields.map((f) => `${extract(f.field)}${f.direction === -1 ? ' DESC' : ''}`).join(', ');
        db.exec(
          `CREATE INDEX IF NOT EXISTS "${indexName(spec)}" ON documents(${columns}) ` +
            `WHERE collection = ${literal(spec.collection)}`,
        );
      }
      // No planner statistics (ANALYZE): in a store of one organ they say `organId` narrows nothing, and SQLite then
      // scanned every item for the report's count instead of using the (organ, year, status) index. Without them it
      // takes the index that matches the most of the query's fields, which is what each declared index is for.
      if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").get())
        db.exec('DELETE FROM sqlite_stat1');
    },
    write: (ops) => {
      if (ops.length > 0) writeBatch(ops);
    },
    close: () => {
      if (db.open) db.close();
    },
  };
}
