/** database.removeDocument — where().remove() (many, one SQLite transaction) and doc(id).remove(). */
import { z } from 'zod';
import { matching } from '../db/find';
import { type Action, mutableWorkspace } from './context';
import { collectionName, ejsonField, objectField, parseParams, transactionId } from './params';

const schema = z.object({
  collectionName,
  queryType: z.enum(['WHERE', 'DOC']).optional(),
  query: ejsonField,
  multi: z.boolean().optional(),
  transactionId,
});

export const removeDocument: Action = (body, ctx) => {
  const p = parseParams(schema, body);
  const ws = mutableWorkspace(ctx, p);
  const query = objectField(p.query, 'query', ctx.now);
  const targets = matching(ws, p.collectionName, query, p.multi ? Infinity : 1);
  ws.write(targets.map((doc) => ({ kind: 'delete', collection: p.collectionName, id: doc._id })));
  return { data: { deleted: targets.length } };
};
