/**
 * database.aggregateDocuments — aggregate()…end(); stages arrive as {stageKey, stageValue: EJSON}.
 * A leading `$match` is planned in SQL like a query (server/db/find.ts); a `$group` or `$count` right after it
 * runs in SQLite when SQL decides the match exactly; mingo runs the rest on what comes out.
 */
import { z } from 'zod';
import { stringify } from '../ejson';
import { runPipeline } from '../db/engine';
import { invalidParam } from '../db/errors';
import { residualTest } from '../db/find';
import type { Workspace } from '../db/workspace';
import type { Doc } from '../store/types';
import { type Action, workspaceFor } from './context';
import { collectionName, decodeField, parseParams, transactionId } from './params';

const schema = z.object({
  collectionName,
  stages: z.array(z.object({ stageKey: z.string().regex(/^\$\w+$/), stageValue: z.unknown() })),
  transactionId,
});

type Stage = Record<string, unknown>;

const only = (stage: Stage | undefined, key: string): boolean =>
  stage !== undefined && Object.keys(stage).length === 1 && key in stage;

/** A field name $count accepts (mingo's rule); anything else is left to mingo to refuse. */
const countName = (v: unknown): v is string =>
  typeof v === 'string' && v !== '' && !v.startsWith('$') && !v.includes('.');

/** The documents (or groups) after the leading $match and a pushed-down $group/$count, and the stages left. */
function pushDown(
  ws: Workspace,
  collection: string,
  pipeline: Stage[],
): { docs: Record<string, unknown>[]; rest: Stage[] } {
  const first = pipeline[0];
  const hasMatch =
    only(first, '$match') && first !== undefined && typeof first.$match === 'object' && first.$match !== null;
  const filter = hasMatch ? (first.$match as Record<string, unknown>) : {};
  const rest = hasMatch ? pipeline.slice(1) : pipeline;
  const plan = ws.plan(collection, filter);
  if (!plan) return { docs: ws.scan(collection), rest: pipeline };
  const next = rest[0];
  if (plan.exact && only(next, '$group')) {
    const groups = plan.group(next?.$group);
    if (groups) return { docs: groups, rest: rest.slice(1) };
  }
  if (plan.exact && only(next, '$count') && countName(next?.$count)) {
    return { docs: [{ [next.$count]: plan.count() }], rest: rest.slice(1) };
  }
  const test = residualTest(plan, filter);
  const docs: Doc[] = [];
  for (const doc of plan.rows()) if (test(doc)) docs.push(doc);
  return { docs, rest };
}

export const aggregateDocuments: Action = (body, ctx) => {
  const p = parseParams(schema, body);
  const ws = workspaceFor(ctx, p.transactionId);
  ws.requireCollection(p.collectionName);
  // stageValue is EJSON for objects and plain JSON for scalars (limit(5) → "5", unwind('$a') → "\"$a\"").
  const pipeline = p.stages.map((s, i) => ({ [s.stageKey]: decodeField(s.stageValue, `stages.${i}`, ctx.now) }));
  for (const stage of pipeline) {
    if ('$out' in stage || '$merge' in stage) throw invalidParam('$out and $merge are not supported');
  }
  const resolve = (name: string): Doc[] => (ws.hasCollection(name) ? ws.scan(name) : []);
  const { docs, rest } = pushDown(ws, p.collectionName, pipeline);
  const list = rest.length === 0 ? docs : runPipeline(docs as Doc[], rest, resolve);
  return { data: { list: list.map(stringify) } };
};
