/**
 * Query, update and aggregation semantics, all delegated to mingo; this file only adapts shapes and turns
 * mingo's complaints about a request into INVALID_PARAM.
 */
import { Aggregator, Query, update as mingoUpdate } from 'mingo';
import { isPlainObject, stringify } from '../ejson';
import type { Doc } from '../store/types';
import { DbError, invalidParam } from './errors';
import { linearQuery, REGEX_CONTEXT } from './regex';

// Never run code that arrived over the wire ($where, $function, $accumulator); regexes run on RE2 (regex.ts).
const BASE_OPTIONS = { scriptEnabled: false, context: REGEX_CONTEXT };

/** Runs `fn`; anything but our own errors becomes INVALID_PARAM carrying mingo's message. */
function guarded<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DbError) throw e;
    throw invalidParam(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Compiles a query once; the returned predicate tests documents. */
export function compileQuery(query: Record<string, unknown>): (doc: Doc) => boolean {
  if (Object.keys(query).length === 0) return () => true;
  const linear = linearQuery(query) as Record<string, unknown>;
  const compiled = guarded('invalid query', () => new Query<Record<string, unknown>>(linear, BASE_OPTIONS));
  return (doc) => guarded('invalid query', () => compiled.test(doc));
}

const isScalarId = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/**
 * Ids a query is certainly restricted to ({_id: x}, {_id: {$eq: x}}, {_id: {$in: [...]}}), so they can
 * be fetched by primary key; null when the query needs a scan. The full query is still applied after.
 */
export function idsOf(query: Record<string, unknown>): string[] | null {
  const id = query._id;
  if (isScalarId(id)) return [String(id)];
  if (!isPlainObject(id) || Object.keys(id).length !== 1) return null;
  if (isScalarId(id.$eq)) return [String(id.$eq)];
  if (Array.isArray(id.$in) && id.$in.every(isScalarId)) return id.$in.map(String);
  return null;
}

/** Stored ids are strings (doc(5) is stored as '5'), so numeric ids in a query are compared as strings. */
export function normaliseIdQuery(query: Record<string, unknown>): Record<string, unknown> {
  const id = query._id;
  if (typeof id === 'number') return { ...query, _id: String(id) };
  if (!isPlainObject(id)) return query;
  const fixed: Record<string, unknown> = { ...id };
  for (const op of ['$eq', '$ne'] as const) if (typeof id[op] === 'number') fixed[op] = String(id[op]);
  for (const op of ['$in', '$nin'] as const) {
    const list = id[op];
    if (Array.isArray(list)) fixed[op] = list.map((v: unknown) => (typeof v === 'number' ? String(v) : v));
  }
  return { ...query, _id: fixed };
}

export interface Window {
  order?: Record<string, 1 | -1> | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  projection?: Record<string, unknown> | undefined;
}

/** Sort, skip, limit, then project — Mongo's find() order regardless of how the SDK chained them. */
export function selectWindow(docs: Doc[], window: Window): Record<string, unknown>[] {
  return guarded('invalid query options', () => {
    const all = new Query<Record<string, unknown>>({}, BASE_OPTIONS);
    const cursor = all.find<Record<string, unknown>>(docs, window.projection ?? {});
    if (window.order && Object.keys(window.order).length > 0) cursor.sort(window.order);
    if (window.offset) cursor.skip(window.offset);
    if (window.limit !== undefined) cursor.limit(window.limit);
    return cursor.all();
  });
}

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);

function checkPaths(modifier: Record<string, unknown>): void {
  for (const fields of Object.values(modifier)) {
    if (!isPlainObject(fields)) throw invalidParam('each update operator needs an object of field paths');
    for (const path of Object.keys(fields)) {
      if (path.split('.').some((s) => FORBIDDEN_SEGMENTS.has(s))) throw invalidParam(`forbidden field path ${path}`);
    }
  }
}

export interface UpdateResult {
  doc: Doc;
  changed: boolean;
}

/**
 * Applies an update document. With `merge` (update()) it holds operators ($set, $inc, $push, …; plain
 * fields count as $set); without (set()) it replaces the document. `_id` never changes.
 */
export function applyUpdate(doc: Doc, data: Record<string, unknown>, merge: boolean): UpdateResult {
  const next = merge ? applyOperators(doc, data) : { ...data };
  // A replacement may omit _id; nothing may change or remove it.
  if ((merge || '_id' in next) && next._id !== doc._id) throw invalidParam('不能更新_id的值');
  // Keep _id where it was (so key order alone never reads as a change); first in a fresh replacement.
  const result: Doc = '_id' in next ? { ...next, _id: doc._id } : { _id: doc._id, ...next };
  return { doc: result, changed: stringify(result) !== stringify(doc) };
}

function applyOperators(doc: Doc, data: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(data);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length !== keys.length) {
    throw invalidParam('update mixes operators and plain fields');
  }
  const modifier = operators.length > 0 ? data : { $set: data };
  checkPaths(modifier);
  const next: Record<string, unknown> = structuredClone(doc);
  guarded('invalid update', () => mingoUpdate(next, modifier, undefined, undefined, { cloneMode: 'deep' }));
  return next;
}

/** Runs an aggregation pipeline; `resolve` supplies other collections for $lookup. */
export function runPipeline(
  docs: Doc[],
  pipeline: Record<string, unknown>[],
  resolve: (collection: string) => Doc[],
): Record<string, unknown>[] {
  const linear = linearQuery(pipeline) as Record<string, unknown>[];
  return guarded('invalid aggregation', () =>
    new Aggregator(linear, { ...BASE_OPTIONS, collectionResolver: resolve }).run<Record<string, unknown>>(docs),
  );
}
