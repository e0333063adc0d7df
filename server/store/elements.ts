/**
 * Element indexes: the local store's answer to an index whose last field holds an array (MongoDB's multikey index,
 * which CloudBase builds from the same declaration), e.g. items by organ and title bigrams. An expression index of
 * `json_extract` would index the array's JSON text, useless to `$all`; instead each document gets one token per
 * element, prefixed with the values of the index's leading fields, in an FTS5 table keyed by the document's rowid
 * and kept by triggers on every insert, update and delete. `{organId: 'x', grams: {$all: ['草原', '原补']}}` is then
 * the intersection of two posting lists of that organ — no document's JSON is read to find them.
 *
 * A token is `s` and the hex of the UTF-8 of `lead1 ␟ lead2 ␟ … ␟ element`: letters and digits only, so the tokenizer
 * keeps it whole and its case folding cannot merge two values. Only string elements and string leading values are
 * indexed; a query the index cannot answer exactly goes the json_each way (server/store/plan.ts).
 */
import type { IndexSpec } from './types';

export interface ElementIndex {
  /** The FTS5 table, named like an expression index (`ix_<collection>_<name>`). */
  table: string;
  collection: string;
  /** Equality fields before the array field, in order. */
  leading: readonly string[];
  array: string;
}

const SEPARATOR = '\u001f';

/** The element index a spec declares, or null for an ordinary one (only its last field may hold an array). */
export function elementIndexOf(spec: IndexSpec, table: string): ElementIndex | null {
  const last = spec.fields[spec.fields.length - 1];
  if (!last?.array) return null;
  const leading = spec.fields.slice(0, -1);
  if (leading.some((f) => f.array)) throw new Error(`index ${spec.name}: only the last field may hold an array`);
  return { table, collection: spec.collection, leading: leading.map((f) => f.field), array: last.field };
}

/** The token of one element under the leading values; null when the index cannot hold it exactly. */
export function elementToken(leading: readonly string[], element: string): string | null {
  if ([...leading, element].some((v) => v.includes(SEPARATOR))) return null;
  return `s${Buffer.from([...leading, element].join(SEPARATOR), 'utf8').toString('hex')}`;
}

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;
const path = (field: string): string => literal(`$.${field}`);

/** The SQL that creates the index's table and triggers (idempotent), and fills it from documents already stored. */
export function elementIndexSql(ix: ElementIndex): { create: string; fill: string } {
  const t = `"${ix.table}"`;
  const tokensOf = (row: 'NEW' | 'd') => {
    const prefix = ix.leading.map((f) => `json_extract(${row}.json, ${path(f)}) || char(31) || `).join('');
    const textLeading = ix.leading.map((f) => ` AND json_type(${row}.json, ${path(f)}) = 'text'`).join('');
    return (
      `SELECT group_concat('s' || lower(hex(${prefix}value)), ' ') AS tokens FROM json_each(${row}.json, ${path(ix.array)}) ` +
      `WHERE type = 'text'${textLeading}`
    );
  };
  const insertNew = `INSERT INTO ${t}(rowid, v) SELECT NEW.rowid, tokens FROM (${tokensOf('NEW')}) WHERE tokens IS NOT NULL;`;
  const c = literal(ix.collection);
  const trigger = (suffix: string) => `"${ix.table}_${suffix}"`;
  const create = [
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${t} USING fts5(v, content='', contentless_delete=1, tokenize='unicode61')`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('insert')} AFTER INSERT ON documents WHEN NEW.collection = ${c} BEGIN ${insertNew} END`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('update')} AFTER UPDATE OF json ON documents WHEN NEW.collection = ${c} ` +
      `BEGIN DELETE FROM ${t} WHERE rowid = OLD.rowid; ${insertNew} END`,
    `CREATE TRIGGER IF NOT EXISTS ${trigger('delete')} AFTER DELETE ON documents WHEN OLD.collection = ${c} ` +
      `BEGIN DELETE FROM ${t} WHERE rowid = OLD.rowid; END`,
  ].join(';\n');
  const fill =
    `INSERT INTO ${t}(rowid, v) SELECT id, tokens FROM (SELECT d.rowid AS id, (${tokensOf('d')}) AS tokens ` +
    `FROM documents d WHERE d.collection = ${c}) WHERE tokens IS NOT NULL`;
  return { create, fill };
}
