/**
 * A query translated to SQL over the stored JSON, as far as SQL and Mongo (mingo) agree:
 * equality, $ne, $in, $nin, ranges, $exists, $and, $or, $all on an array of scalars, sort keys. A condition
 * SQL cannot express exactly is either left out (SQL then returns a superset and mingo tests each row: the
 * residual) or, where SQL would miss rows mingo matches, not translated at all. `exact` says whether SQL alone
 * decides the query, so counts, skips and limits can run in SQLite.
 *
 * Field paths are inlined as JSON path literals (`json_extract(json, '$.organId')`), never parameters, so the
 * expression indexes of server/store/indexes.ts match them.
 */
import { types } from 'node:util';
import { isPlainObject } from '../ejson';
import { elementToken, type ElementIndex } from './elements';
import { isPlainPath, KIND, UNSAFE } from './paths';

export type SqlValue = string | number | null;

export interface Condition {
  sql: string;
  params: SqlValue[];
  /** SQL decides exactly which documents match (no residual needed). */
  exact: boolean;
}

export interface KindsOf {
  kinds(path: string): number;
  elementKinds(path: string): number;
  /** The collection's element indexes (server/store/elements.ts); none when absent. */
  elementIndexes?(): readonly ElementIndex[];
}

/**
 * String equalities every matching document satisfies (`{organId: 'x'}` at this level or in an enclosing `$and`):
 * the leading values an element index may take. Children of `$or` inherit them too — the enclosing condition holds
 * for every row the whole query matches.
 */
type Scope = ReadonlyMap<string, string>;

function equalitiesOf(query: Record<string, unknown>, outer: Scope): Scope {
  const out = new Map(outer);
  const visit = (q: Record<string, unknown>): void => {
    for (const [key, spec] of Object.entries(q)) {
      if (key === '$and' && Array.isArray(spec)) spec.filter(isPlainObject).forEach(visit);
      else if (typeof spec === 'string' && !key.startsWith('$')) out.set(key, spec);
      else if (isPlainObject(spec) && Object.keys(spec).length === 1 && typeof spec.$eq === 'string')
        out.set(key, spec.$eq);
    }
  };
  visit(query);
  return out;
}

/** `$all` of strings through an element index whose leading fields the scope fixes; null when none fits. */
function allFromElementIndex(
  path: string,
  values: readonly unknown[],
  kindsOf: KindsOf,
  scope: Scope,
): Condition | null {
  if (!values.every((v): v is string => typeof v === 'string')) return null;
  for (const ix of kindsOf.elementIndexes?.() ?? []) {
    if (ix.array !== path || !ix.leading.every((f) => scope.has(f))) continue;
    // Equality matches inside an array (or an object's JSON) too, where the index holds no token: plain values only.
    if (ix.leading.some((f) => kindsOf.kinds(f) & (UNSAFE | KIND.object))) continue;
    const leading = ix.leading.map((f) => scope.get(f) ?? '');
    const tokens = values.map((v) => elementToken(leading, v));
    if (tokens.some((t) => t === null)) continue;
    // Every token in one document's row: the intersection of their posting lists, computed once. The unary `+` keeps
    // SQLite from driving the query by these rowids (then reading and sorting every match): it walks the index of
    // the query's order instead and stops at the page's end, testing each row's id against the set.
    const match = tokens.map((t) => `"${t}"`).join(' AND ');
    return {
      sql: `+documents.rowid IN (SELECT rowid FROM "${ix.table}" WHERE "${ix.table}" MATCH ?)`,
      params: [match],
      exact: true,
    };
  }
  return null;
}

const TRUE: Condition = { sql: '1', params: [], exact: true };
/** No condition: every row is a candidate and mingo decides. */
const ANY: Condition = { sql: '1', params: [], exact: false };

export const jsonPath = (path: string): string => `'$.${path}'`;
export const extract = (path: string): string => (path === '_id' ? 'id' : `json_extract(json, ${jsonPath(path)})`);
const jsonType = (path: string): string => `json_type(json, ${jsonPath(path)})`;

function and(parts: readonly Condition[]): Condition {
  const real = parts.filter((p) => p.sql !== '1');
  const exact = parts.every((p) => p.exact);
  if (real.length === 0) return { sql: '1', params: [], exact };
  return { sql: real.map((p) => `(${p.sql})`).join(' AND '), params: real.flatMap((p) => p.params), exact };
}

function or(parts: readonly Condition[]): Condition {
  // A branch SQL cannot narrow means every row may match the $or.
  if (parts.length === 0 || parts.some((p) => p.sql === '1')) return { ...ANY, exact: false };
  return {
    sql: parts.map((p) => `(${p.sql})`).join(' OR '),
    params: parts.flatMap((p) => p.params),
    exact: parts.every((p) => p.exact),
  };
}

type Scalar = string | number | null;
const isScalar = (v: unknown): v is Scalar =>
  v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/**
 * How equality with `value` fares on a path of `kinds`: 'exact', 'superset' (SQL may let a wrong row through:
 * an object's JSON text, `true` read as 1), or 'no' (SQL could miss a row mingo matches).
 */
function equalityFit(kinds: number, value: Scalar): 'exact' | 'superset' | 'no' {
  if (kinds & UNSAFE) return 'no';
  if (value === null) return 'exact';
  const confusing = KIND.object | KIND.date | (typeof value === 'number' ? KIND.bool : 0);
  return kinds & confusing ? 'superset' : 'exact';
}

function idCondition(op: string, value: unknown): Condition | null {
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return null;
    if (value.length === 0) return op === '$in' ? { sql: '0', params: [], exact: true } : TRUE;
    const marks = value.map(() => '?').join(', ');
    return { sql: `id ${op === '$in' ? 'IN' : 'NOT IN'} (${marks})`, params: value as string[], exact: true };
  }
  if (typeof value !== 'string') return null;
  const sqlOp = { $eq: '=', $ne: '<>', $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
  return sqlOp ? { sql: `id ${sqlOp} ?`, params: [value], exact: true } : null;
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** One operator on one field; null when it cannot be translated (the caller decides what that means). */
function fieldOperator(path: string, op: string, value: unknown, kindsOf: KindsOf, scope: Scope): Condition | null {
  if (path === '_id') return idCondition(op, value);
  const kinds = kindsOf.kinds(path);
  const x = extract(path);
  switch (op) {
    case '$eq': {
      if (typeof value === 'boolean') {
        if (kinds & UNSAFE) return null;
        return { sql: `${jsonType(path)} = '${value ? 'true' : 'false'}'`, params: [], exact: true };
      }
      if (!isScalar(value)) return null;
      const fit = equalityFit(kinds, value);
      if (fit === 'no') return null;
      if (value === null) return { sql: `${x} IS NULL`, params: [], exact: true };
      return { sql: `${x} = ?`, params: [value], exact: fit === 'exact' };
    }
    case '$ne': {
      // The negation of a superset is not a superset: only an exact equality may be negated.
      if (!isScalar(value) || equalityFit(kinds, value) !== 'exact') return null;
      if (value === null) return { sql: `${x} IS NOT NULL`, params: [], exact: true };
      return { sql: `${x} IS NOT ?`, params: [value], exact: true };
    }
    case '$in':
    case '$nin': {
      if (!Array.isArray(value) || !value.every(isScalar)) return null;
      const fits = value.map((v) => equalityFit(kinds, v));
      if (fits.includes('no') || (op === '$nin' && fits.includes('superset'))) return null;
      const present = value.filter((v): v is string | number => v !== null);
      const hasNull = present.length < value.length;
      const marks = present.map(() => '?').join(', ');
      if (op === '$in') {
        const parts = [...(present.length > 0 ? [`${x} IN (${marks})`] : []), ...(hasNull ? [`${x} IS NULL`] : [])];
        return { sql: parts.length > 0 ? parts.join(' OR ') : '0', params: present, exact: !fits.includes('superset') };
      }
      if (present.length === 0) return { sql: hasNull ? `${x} IS NOT NULL` : '1', params: [], exact: true };
      return hasNull
        ? { sql: `${x} IS NOT NULL AND ${x} NOT IN (${marks})`, params: present, exact: true }
        : { sql: `${x} IS NULL OR ${x} NOT IN (${marks})`, params: present, exact: true };
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (kinds & UNSAFE) return null;
      // Mongo compares within a type: a string bound matches strings only, a number bound numbers only.
      if (typeof value === 'string') {
        const guard = kinds & ~(KIND.string | KIND.null) ? ` AND ${jsonType(path)} = 'text'` : '';
        return { sql: `${x} ${RANGE[op]} ?${guard}`, params: [value], exact: true };
      }
      if (typeof value === 'number' && Number.isFinite(value)) {
        const guard = kinds & ~(KIND.number | KIND.null) ? ` AND ${jsonType(path)} IN ('integer', 'real')` : '';
        return { sql: `${x} ${RANGE[op]} ?${guard}`, params: [value], exact: true };
      }
      return null;
    }
    case '$exists': {
      if (kinds & UNSAFE) return null;
      // Where the path never held null, json_extract is NULL exactly when it is missing — and an index covers it.
      const probe = kinds & KIND.null ? jsonType(path) : x;
      return { sql: `${probe} IS ${value ? 'NOT NULL' : 'NULL'}`, params: [], exact: true };
    }
    case '$all': {
      // On an array of scalars: every value among its elements (json_each), e.g. an item's title bigrams.
      const elements = kindsOf.elementKinds(path);
      const onlyArrays = (kinds & ~(KIND.array | KIND.null)) === 0;
      const scalarElements = (elements & ~(KIND.string | KIND.number)) === 0;
      if (!Array.isArray(value) || value.length === 0 || !onlyArrays || !scalarElements) return null;
      if (!value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) return null;
      const indexed = allFromElementIndex(path, value, kindsOf, scope);
      if (indexed) return indexed;
      // json_each has a hidden column named `json`: the document column must be named by its table.
      const each = `EXISTS (SELECT 1 FROM json_each(documents.json, ${jsonPath(path)}) WHERE value = ?)`;
      return { sql: value.map(() => each).join(' AND '), params: value as (string | number)[], exact: true };
    }
    default:
      return null;
  }
}

/** Conditions on one field: `{a: 1}`, `{a: {$gte: 1, $lt: 5}}`. Untranslatable operators become residual. */
function fieldCondition(path: string, spec: unknown, kindsOf: KindsOf, scope: Scope): Condition {
  if (!isPlainPath(path) && path !== '_id') return ANY;
  const operators =
    isPlainObject(spec) && Object.keys(spec).length > 0 && Object.keys(spec).every((k) => k.startsWith('$'));
  if (!operators) {
    if (spec instanceof RegExp || types.isDate(spec) || Array.isArray(spec) || isPlainObject(spec)) return ANY;
    return fieldOperator(path, '$eq', spec, kindsOf, scope) ?? ANY;
  }
  const parts = Object.entries(spec).map(([op, v]) => fieldOperator(path, op, v, kindsOf, scope) ?? ANY);
  return and(parts);
}

/** The whole query; `{}` is TRUE. */
export function translateQuery(
  query: Record<string, unknown>,
  kindsOf: KindsOf,
  outer: Scope = new Map<string, string>(),
): Condition {
  const scope = equalitiesOf(query, outer);
  const parts: Condition[] = [];
  for (const [key, spec] of Object.entries(query)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(spec) || !spec.every(isPlainObject)) return ANY;
      const children = spec.map((s) => translateQuery(s, kindsOf, scope));
      parts.push(key === '$and' ? and(children) : or(children));
    } else if (key.startsWith('$')) parts.push(ANY);
    else parts.push(fieldCondition(key, spec, kindsOf, scope));
  }
  return and(parts);
}

/**
 * ORDER BY for a sort spec, or null when SQLite would order differently from mingo (a path holding more than
 * one kind of value, arrays, dates). Ties keep natural (insertion) order, as mingo's stable sort does.
 */
export function translateOrder(order: Record<string, 1 | -1> | undefined, kindsOf: KindsOf): string | null {
  const keys: string[] = [];
  for (const [path, dir] of Object.entries(order ?? {})) {
    const direction = dir === -1 ? 'DESC' : 'ASC';
    if (path === '_id') {
      keys.push(`id ${direction}`);
      continue;
    }
    if (!isPlainPath(path)) return null;
    const kinds = kindsOf.kinds(path) & ~KIND.null;
    if (kinds === KIND.date) {
      // Dates are stored as {"$date": {"$numberLong": "ms"}}: their instant orders them.
      keys.push(`CAST(json_extract(json, '$.${path}."$date"."$numberLong"') AS INTEGER) ${direction}`);
      continue;
    }
    if (kinds !== 0 && kinds !== KIND.string && kinds !== KIND.number) return null;
    keys.push(`${extract(path)} ${direction}`);
  }
  keys.push('rowid ASC');
  return keys.join(', ');
}

// ---- $group ----

export interface GroupPlan {
  /** SELECT list: the key columns k0…, then the accumulators a0…, then the first rowid (group order). */
  select: string;
  groupBy: string;
  /** Rebuilds one output document from a result row. */
  toDoc(row: Record<string, unknown>): Record<string, unknown>;
}

interface KeyPart {
  sql: string;
  /** For a field reference: its json_type, NULL when the field is missing (mingo's `undefined` in object keys). */
  typeSql: string;
}

function keyExpression(expr: unknown, kindsOf: KindsOf): KeyPart | null {
  if (typeof expr === 'string' && expr.startsWith('$') && isPlainPath(expr.slice(1))) {
    const path = expr.slice(1);
    const kinds = kindsOf.kinds(path);
    if (kinds & ~(KIND.string | KIND.number | KIND.null)) return null;
    // A path that never held null is NULL in SQL only when missing: no json_type (a second parse) is needed.
    return { sql: extract(path), typeSql: kinds & KIND.null ? jsonType(path) : extract(path) };
  }
  if (isPlainObject(expr) && Array.isArray(expr.$ifNull) && expr.$ifNull.length === 2) {
    // {$ifNull: ['$field', 'constant']}: the constant for null or missing, as in mingo.
    const [field, fallback] = expr.$ifNull as unknown[];
    if (typeof field !== 'string' || !field.startsWith('$') || !isPlainPath(field.slice(1))) return null;
    if (typeof fallback !== 'string' && !(typeof fallback === 'number' && Number.isFinite(fallback))) return null;
    if (kindsOf.kinds(field.slice(1)) & ~(KIND.string | KIND.number | KIND.null)) return null;
    const literal = typeof fallback === 'number' ? String(fallback) : `'${fallback.replace(/'/g, "''")}'`;
    return { sql: `COALESCE(${extract(field.slice(1))}, ${literal})`, typeSql: "'x'" };
  }
  if (isPlainObject(expr) && Array.isArray(expr.$substr) && expr.$substr.length === 3) {
    const [field, start, length] = expr.$substr as unknown[];
    if (typeof field !== 'string' || !field.startsWith('$') || !isPlainPath(field.slice(1))) return null;
    if (!Number.isInteger(start) || !Number.isInteger(length) || (start as number) < 0 || (length as number) < 0)
      return null;
    // Strings (or nothing) only: $substr of null is '' in mingo; of a number it would be its text.
    if (kindsOf.kinds(field.slice(1)) & ~(KIND.string | KIND.null)) return null;
    return {
      sql: `COALESCE(substr(${extract(field.slice(1))}, ${(start as number) + 1}, ${length as number}), '')`,
      typeSql: "'text'",
    };
  }
  return null;
}

/**
 * A `$group` SQLite can run: `_id` a field, a `$substr` of one, or an object of those; accumulators
 * `{$sum: 1}` or `{$sum: '$numericField'}`. Groups come out in order of first appearance, as mingo's do.
 */
export function translateGroup(spec: unknown, kindsOf: KindsOf): GroupPlan | null {
  if (!isPlainObject(spec) || !('_id' in spec)) return null;
  const id = spec._id;
  const keyNames: string[] | null =
    isPlainObject(id) && !('$substr' in id) && !('$ifNull' in id) ? Object.keys(id) : null;
  const keyParts: KeyPart[] = [];
  if (keyNames) {
    for (const k of keyNames) {
      const part = keyExpression((id as Record<string, unknown>)[k], kindsOf);
      if (!part || k.startsWith('$')) return null;
      keyParts.push(part);
    }
  } else if (id !== null) {
    const part = keyExpression(id, kindsOf);
    if (!part) return null;
    keyParts.push(part);
  }
  const accNames: string[] = [];
  const accSql: string[] = [];
  for (const [name, acc] of Object.entries(spec)) {
    if (name === '_id') continue;
    if (!isPlainObject(acc) || Object.keys(acc).length !== 1 || !('$sum' in acc)) return null;
    const arg = acc.$sum;
    if (arg === 1) accSql.push('COUNT(*)');
    else if (typeof arg === 'string' && arg.startsWith('$') && isPlainPath(arg.slice(1))) {
      const path = arg.slice(1);
      if (kindsOf.kinds(path) & UNSAFE) return null;
      accSql.push(`COALESCE(SUM(CASE WHEN ${jsonType(path)} IN ('integer', 'real') THEN ${extract(path)} END), 0)`);
    } else return null;
    accNames.push(name);
  }
  const keyCols = keyParts.flatMap((p, i) => [`${p.sql} AS k${i}`, `${p.typeSql} AS t${i}`]);
  const select = [...keyCols, ...accSql.map((s, i) => `${s} AS a${i}`), 'MIN(rowid) AS first'].join(', ');
  // Missing and null group apart in an object key (mingo keeps `undefined`), together in a scalar key.
  const groupBy =
    keyParts.length === 0 ? '' : keyParts.map((_, i) => (keyNames ? `k${i}, (t${i} IS NULL)` : `k${i}`)).join(', ');
  return {
    select,
    groupBy,
    toDoc(row) {
      const key = (i: number): unknown => {
        const v = row[`k${i}`];
        if (keyNames && row[`t${i}`] === null) return undefined;
        return v ?? null;
      };
      const _id = keyNames
        ? Object.fromEntries(keyNames.map((k, i) => [k, key(i)]))
        : keyParts.length === 0
          ? null
          : (row.k0 ?? null);
      const out: Record<string, unknown> = { _id };
      accNames.forEach((name, i) => (out[name] = row[`a${i}`]));
      return out;
    },
  };
}
