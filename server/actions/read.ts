/** database.getDocument (where().get(), doc(id).get()) and database.calculateDocument (count()). */
import { z } from 'zod';
import { stringify } from '../ejson';
import { countMatching, findPage } from '../db/find';
import { type Action, workspaceFor } from './context';
import { collectionName, ejsonField, objectField, orderField, parseParams, transactionId } from './params';

/** CloudBase returns 100 documents when no limit is given and never more than 1000. */
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const getSchema = z.object({
  collectionName,
  queryType: z.enum(['WHERE', 'DOC']).optional(),
  query: ejsonField,
  order: ejsonField,
  projection: ejsonField,
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().optional(),
  transactionId,
});

export const getDocument: Action = (body, ctx) => {
  const p = parseParams(getSchema, body);
  const ws = workspaceFor(ctx, p.transactionId);
  ws.requireCollection(p.collectionName);
  const limit = p.limit === undefined || p.limit <= 0 ? DEFAULT_LIMIT : Math.min(p.limit, MAX_LIMIT);
  const offset = p.offset ?? 0;
  const list = findPage(ws, p.collectionName, objectField(p.query, 'query', ctx.now), {
    order: orderField(p.order, ctx.now),
    projection: objectField(p.projection, 'projection', ctx.now),
    offset,
    limit,
  });
  return { data: { list: list.map(stringify), limit, offset } };
};

const countSchema = z.object({ collectionName, query: ejsonField, transactionId });

export const calculateDocument: Action = (body, ctx) => {
  const p = parseParams(countSchema, body);
  const ws = workspaceFor(ctx, p.transactionId);
  ws.requireCollection(p.collectionName);
  return { data: { total: countMatching(ws, p.collectionName, objectField(p.query, 'query', ctx.now)) } };
};
