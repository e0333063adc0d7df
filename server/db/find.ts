/**
 * Finding documents. SQLite narrows the rows (server/store/plan.ts: equality, $in, ranges, $and/$or, sort, and
 * skip/limit/count when SQL alone decides the query); mingo tests only what SQL could not decide — the residual,
 * e.g. `$regex` — on the rows SQL already narrowed, streamed one at a time. Lookups by `_id` go by primary key.
 * Inside a transaction that has written to the collection, its buffered writes must be seen: that case scans.
 */
import type { Doc, PlannedQuery } from '../store/types';
import { compileQuery, idsOf, normaliseIdQuery, selectWindow, type Window } from './engine';
import type { Workspace } from './workspace';

/** The test for what SQL left undecided: the whole query, through mingo (one place to change its regex engine). */
export function residualTest(plan: PlannedQuery | null, query: Record<string, unknown>): (doc: Doc) => boolean {
  return plan?.exact ? () => true : compileQuery(query);
}

/** Documents of `collection` matching `query`, in natural order; at most `max` of them. */
export function matching(ws: Workspace, collection: string, rawQuery: Record<string, unknown>, max = Infinity): Doc[] {
  const query = normaliseIdQuery(rawQuery);
  const ids = idsOf(query);
  const plan = ids ? null : ws.plan(collection, query);
  const test = residualTest(plan, query);
  const candidates: Iterable<Doc> = ids
    ? ws.byIds(collection, ids)
    : plan
      ? plan.rows(plan.exact && Number.isFinite(max) ? { limit: max } : {})
      : ws.scan(collection);
  const out: Doc[] = [];
  for (const doc of candidates) {
    if (out.length >= max) break;
    if (test(doc)) out.push(doc);
  }
  return out;
}

/** A page of matching documents: filtered, sorted, skipped, limited and projected. */
export function findPage(
  ws: Workspace,
  collection: string,
  rawQuery: Record<string, unknown>,
  window: Window & { offset: number; limit: number },
): Record<string, unknown>[] {
  const query = normaliseIdQuery(rawQuery);
  const plan = idsOf(query) ? null : ws.plan(collection, query, window.order);
  if (!plan) return selectWindow(matching(ws, collection, query), window);
  const projectOnly = { projection: window.projection };
  if (plan.exact && plan.ordered) {
    return selectWindow([...plan.rows({ offset: window.offset, limit: window.limit })], projectOnly);
  }
  const test = residualTest(plan, query);
  if (plan.ordered) {
    // Rows arrive in order: skip and take matches as they stream, and stop at the end of the page.
    const page: Doc[] = [];
    let skip = window.offset;
    for (const doc of plan.rows()) {
      if (page.length >= window.limit) break;
      if (!test(doc)) continue;
      if (skip > 0) skip -= 1;
      else page.push(doc);
    }
    return selectWindow(page, projectOnly);
  }
  // A sort SQLite cannot reproduce (mixed kinds of value, dates): mingo sorts the narrowed matches.
  const matches: Doc[] = [];
  for (const doc of plan.rows()) if (test(doc)) matches.push(doc);
  return selectWindow(matches, window);
}

/** Number of documents matching `query`. */
export function countMatching(ws: Workspace, collection: string, rawQuery: Record<string, unknown>): number {
  const query = normaliseIdQuery(rawQuery);
  const plan = idsOf(query) ? null : ws.plan(collection, query);
  if (!plan) return matching(ws, collection, query).length;
  if (plan.exact) return plan.count();
  const test = residualTest(plan, query);
  let n = 0;
  for (const doc of plan.rows()) if (test(doc)) n += 1;
  return n;
}
