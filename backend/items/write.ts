/**
 * Writing items: draft, edit (optimistic concurrency on `version`: a stale edit is refused with CONFLICT and the
 * stored draft is untouched), withdraw, and correct (a new draft that, once through the chain, replaces the
 * published item under the same 索引号; the published one stays public until then). One transaction each.
 */
import type { z } from 'zod';
import type {
  correctItemSchema,
  createItemSchema,
  ItemMoved,
  ItemWritten,
  updateItemSchema,
  withdrawItemSchema,
} from '../../shared/api/items';
import { trailEntry, withdrawable } from '../../shared/approval';
import { searchGrams } from '../../shared/records/grams';
import { itemContentSchema } from '../../shared/records/item';
import { conflict, refuse } from '../errors';
import type { TxContext } from '../runtime';
import { approverOf, staffOf } from '../caller';
import { addInTx, enforce, loadInTx, saveInTx, type NewItem, type StoredItem } from './store';

export async function create(
  input: z.output<typeof createItemSchema>,
  ctx: TxContext,
): Promise<ItemWritten & { status: 'draft' }> {
  const s = staffOf(ctx);
  const doc: NewItem = {
    ...input.content,
    grams: searchGrams(input.content.title, input.content.docNo),
    organId: s.organId,
    status: 'draft',
    step: null,
    indexNo: null,
    publishedDate: null,
    version: 1,
    createdBy: s._id,
    trail: [],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const id = await addInTx(ctx.tx, doc);
  ctx.audit({ action: 'create', target: id, after: doc });
  return { id, version: 1, status: 'draft' };
}

export async function update(input: z.output<typeof updateItemSchema>, ctx: TxContext): Promise<ItemWritten> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('update', staff, before);
  if (before.status !== 'draft') throw conflict('只有草稿可以修改；已提交的请先退回');
  if (before.version !== input.version) {
    throw conflict(`该草稿已被他人修改（当前第 ${String(before.version)} 版），您的修改未保存，请刷新后重新编辑`);
  }
  // The new content replaces the old whole (a cleared 文号 goes); the workflow fields stay.
  const workflow: Record<string, unknown> = { ...before };
  for (const key of Object.keys(itemContentSchema.shape)) delete workflow[key];
  const after = {
    ...workflow,
    ...input.content,
    grams: searchGrams(input.content.title, input.content.docNo),
    version: input.version + 1,
    updatedAt: ctx.now,
  } as StoredItem;
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'update', target: input.id, before, after });
  return { id: input.id, version: input.version + 1 };
}

export async function withdraw(input: z.output<typeof withdrawItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('withdraw', staff, before);
  refuse(withdrawable(before.status, '撤回'));
  const after: StoredItem = {
    ...before,
    status: 'withdrawn',
    withdrawReason: input.reason,
    withdrawnAt: ctx.now,
    trail: [...before.trail, trailEntry(approverOf(staff), ctx.now, -1, 'withdraw', input.reason)],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'withdraw', target: input.id, before, after });
  return { id: input.id, status: 'withdrawn' };
}

export async function correct(
  input: z.output<typeof correctItemSchema>,
  ctx: TxContext,
): Promise<{ id: string; correctionOf: string; status: 'draft' }> {
  const staff = staffOf(ctx);
  const original = await loadInTx(ctx.tx, input.id);
  enforce('correct', staff, original);
  refuse(withdrawable(original.status, '更正'));
  const doc: NewItem = {
    ...input.content,
    grams: searchGrams(input.content.title, input.content.docNo),
    organId: staff.organId,
    status: 'draft',
    step: null,
    indexNo: null,
    publishedDate: null,
    version: 1,
    createdBy: staff._id,
    correctionOf: input.id,
    correctionReason: input.reason,
    trail: [trailEntry(approverOf(staff), ctx.now, -1, 'correct', input.reason)],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const id = await addInTx(ctx.tx, doc);
  ctx.audit({ action: 'correct', target: id, before: original, after: doc });
  return { id, correctionOf: input.id, status: 'draft' };
}
