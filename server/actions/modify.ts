/**
 * database.modifyDocument — where().update(), doc(id).update(), doc(id).set() — and
 * database.modifyAndReturnDoc — where().updateAndReturn(). All writes of one request go to the store
 * in one SQLite transaction (or into the transaction's overlay).
 */
import { z } from 'zod';
import { stringify } from '../ejson';
import { applyUpdate } from '../db/engine';
import { matching } from '../db/find';
import type { Doc, WriteOp } from '../store/types';
import { type Action, mutableWorkspace, newDocId } from './context';
import { collectionName, ejsonField, objectField, parseParams, transactionId } from './params';

const schema = z.object({
  collectionName,
  queryType: z.enum(['WHERE', 'DOC']).optional(),
  query: ejsonField,
  data: ejsonField,
  multi: z.boolean().optional(),
  merge: z.boolean().optional(),
  upsert: z.boolean().optional(),
  transactionId,
});

/** The document an upsert starts from: the query's plain equality fields (and its _id, if any). */
function upsertSeed(query: Record<string, unknown>): Doc {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    const isOperator = typeof value === 'object' && value !== null && Object.keys(value).some((k) => k.startsWith('$'));
    if (!isOperator) seed[key] = value;
  }
  const id = typeof seed._id === 'string' || typeof seed._id === 'number' ? String(seed._id) : newDocId();
  return { ...seed, _id: id };
}

export const modifyDocument: Action = (body, ctx) => {
  const p = parseParams(schema, body);
  const ws = mutableWorkspace(ctx, p);
  const query = objectField(p.query, 'query', ctx.now);
  const data = objectField(p.data, 'data', ctx.now);
  const merge = p.merge ?? true;
  const targets = matching(ws, p.collectionName, query, p.multi ? Infinity : 1);

  const ops: WriteOp[] = [];
  // `updated` counts documents actually changed, like MongoDB's nModified.
  let updated = 0;
  for (const doc of targets) {
    const result = applyUpdate(doc, data, merge);
    if (result.changed) {
      updated += 1;
      ops.push({ kind: 'put', collection: p.collectionName, doc: result.doc });
    }
  }
  let upsertId: string | undefined;
  if (targets.length === 0 && p.upsert) {
    const created = applyUpdate(upsertSeed(query), data, merge).doc;
    ops.push({ kind: 'insert', collection: p.collectionName, doc: created });
    upsertId = created._id;
  }
  ws.write(ops);
  return { data: upsertId === undefined ? { updated } : { updated, upsert_id: upsertId } };
};

const returnSchema = z.object({ collectionName, query: ejsonField, data: ejsonField, transactionId });

export const modifyAndReturnDoc: Action = (body, ctx) => {
  const p = parseParams(returnSchema, body);
  const ws = mutableWorkspace(ctx, p);
  const [target] = matching(ws, p.collectionName, objectField(p.query, 'query', ctx.now), 1);
  if (!target) return { data: { updated: 0, doc: null } };
  const result = applyUpdate(target, objectField(p.data, 'data', ctx.now), true);
  if (result.changed) ws.write([{ kind: 'put', collection: p.collectionName, doc: result.doc }]);
  // The document as it is after the update, which is what CloudBase returns.
  return { data: { updated: result.changed ? 1 : 0, doc: stringify(result.doc) } };
};
