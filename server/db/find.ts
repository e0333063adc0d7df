/** Finding documents: primary-key pushdown where the query allows it, mingo for everything else. */
import type { Doc } from '../store/types';
import { compileQuery, idsOf, normaliseIdQuery, selectWindow, type Window } from './engine';
import type { Workspace } from './workspace';

/** Documents of `collection` matching `query`, in natural order; at most `max` of them. */
export function matching(ws: Workspace, collection: string, rawQuery: Record<string, unknown>, max = Infinity): Doc[] {
  const query = normaliseIdQuery(rawQuery);
  const test = compileQuery(query);
  const ids = idsOf(query);
  const candidates = ids ? ws.byIds(collection, ids) : ws.scan(collection);
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
  query: Record<string, unknown>,
  window: Window & { offset: number; limit: number },
): Record<string, unknown>[] {
  const unordered = !window.order || Object.keys(window.order).length === 0;
  if (unordered && Object.keys(query).length === 0) {
    // Plain paging through a collection: let SQLite do the LIMIT/OFFSET.
    const page = ws.scan(collection, { offset: window.offset, limit: window.limit });
    return selectWindow(page, { projection: window.projection });
  }
  return selectWindow(matching(ws, collection, query), window);
}

/** Number of documents matching `query`. */
export function countMatching(ws: Workspace, collection: string, query: Record<string, unknown>): number {
  return Object.keys(query).length === 0 ? ws.count(collection) : matching(ws, collection, query).length;
}
