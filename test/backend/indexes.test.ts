/**
 * The declared indexes (backend/indexes.ts): well formed for both backends, and created in the local store.
 * Whether CloudBase accepted them cannot be checked offline: the deploy step (`npm run -s indexes`) is manual.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { COLLECTIONS } from '../../backend/collections';
import { INDEXES } from '../../backend/indexes';
import { DB_FILE_NAME } from '../../server/store/sqlite';
import { startBackend } from './harness';

it('names known collections and plain field paths, each index once', () => {
  const collections = new Set<string>(Object.values(COLLECTIONS));
  const seen = new Set<string>();
  const shapes = new Set<string>();
  for (const spec of INDEXES) {
    expect(collections.has(spec.collection)).toBe(true);
    expect(spec.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(seen.has(`${spec.collection}.${spec.name}`)).toBe(false);
    seen.add(`${spec.collection}.${spec.name}`);
    expect(spec.fields.length).toBeGreaterThan(0);
    const fields = spec.fields.map((f) => f.field);
    expect(new Set(fields).size).toBe(fields.length);
    for (const f of spec.fields) {
      expect(f.field).toMatch(/^(_id|[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*)$/);
      expect([1, -1]).toContain(f.direction);
    }
    // An array field (one entry per element) only last: MongoDB allows one per compound index.
    expect(spec.fields.slice(0, -1).every((f) => !f.array)).toBe(true);
    // No two indexes of a collection list the same fields in the same order.
    const shape = `${spec.collection}:${spec.fields.map((f) => `${f.field}${f.direction}`).join(',')}`;
    expect(shapes.has(shape)).toBe(false);
    shapes.add(shape);
  }
});

it('exist in the local store the functions run on', async () => {
  const b = await startBackend();
  try {
    const db = new Database(path.join(b.local.dataDir, DB_FILE_NAME), { readonly: true });
    const names = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'")
      .all()
      .map((r) => r.name);
    // An index over an array field is an element index: an FTS5 table of the same name (server/store/elements.ts).
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%'")
      .all()
      .map((r) => r.name);
    db.close();
    const declared = (array: boolean) =>
      INDEXES.filter((s) => s.fields.some((f) => f.array) === array)
        .map((s) => `ix_${s.collection}_${s.name}`)
        .sort();
    expect(names.sort()).toEqual(declared(false));
    expect(tables.sort()).toEqual(declared(true));
    expect(tables).toEqual(['ix_items_organ_grams']);
  } finally {
    await b.stop();
  }
});
