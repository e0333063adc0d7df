/** database.aggregateDocuments — aggregate()…end(); stages arrive as {stageKey, stageValue: EJSON}. */
import { z } from 'zod';
import { stringify } from '../ejson';
import { runPipeline } from '../db/engine';
import { invalidParam } from '../db/errors';
import type { Doc } from '../store/types';
import { type Action, workspaceFor } from './context';
import { collectionName, decodeField, parseParams, transactionId } from './params';

const schema = z.object({
  collectionName,
  stages: z.array(z.object({ stageKey: z.string().regex(/^\$\w+$/), stageValue: z.unknown() })),
  transactionId,
});

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
  const list = runPipeline(ws.scan(p.collectionName), pipeline, resolve);
  return { data: { list: list.map(stringify) } };
};
