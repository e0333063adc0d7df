/** database.insertDocument — col.add(doc | doc[]), doc(id).create(doc); in a transaction too. */
import { z } from 'zod';
import { invalidParam } from '../db/errors';
import type { Doc, WriteOp } from '../store/types';
import { type Action, newDocId, workspaceFor } from './context';
import { collectionName, objectField, parseParams, transactionId } from './params';

const schema = z.object({
  collectionName,
  data: z.union([z.array(z.unknown()).min(1), z.string(), z.record(z.string(), z.unknown())]),
  transactionId,
});

function withId(fields: Record<string, unknown>): Doc {
  const id = fields._id;
  if (id === undefined) return { _id: newDocId(), ...fields };
  // CloudBase ids are strings; a numeric id (doc(5).create) is kept in its string form.
  if ((typeof id !== 'string' && typeof id !== 'number') || id === '') {
    throw invalidParam('_id must be a non-empty string');
  }
  return { ...fields, _id: String(id) }; // `_id` keeps its place
}

export const insertDocument: Action = (body, ctx) => {
  const p = parseParams(schema, body);
  const ws = workspaceFor(ctx, p.transactionId);
  ws.requireCollection(p.collectionName);
  const items = Array.isArray(p.data) ? p.data : [p.data];
  const docs = items.map((item, i) => withId(objectField(item, `data.${i}`, ctx.now)));
  const ops: WriteOp[] = docs.map((doc) => ({ kind: 'insert', collection: p.collectionName, doc }));
  ws.write(ops); // one SQLite transaction for the whole array: all inserted or none
  return { data: { insertedIds: docs.map((d) => d._id) } };
};
