/**
 * The approval chain: submit, approve (the last step publishes), reject. Each runs in one transaction; who may act
 * at which step is the policy table's rule list for the action (shared/policy/rules.ts), checked by `enforce`.
 * The chain is the organ's when the item is submitted and stays with the item until it leaves review.
 */
import type { z } from 'zod';
import type { approveItemSchema, ItemMoved, rejectItemSchema, submitItemSchema } from '../../shared/api/items';
import { approvalChainSchema } from '../../shared/api/organ';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { conflict, forbidden } from '../errors';
import type { TxContext } from '../runtime';
import { one } from '../sdk';
import { publishInTx } from './publish';
import { CHAIN, chainOf, enforce, loadInTx, saveInTx, trailEntry, trailOf } from './store';

export function staffOf(ctx: { caller: { staff: StaffRecord | null } }): StaffRecord {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s;
}

export async function submit(input: z.output<typeof submitItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('submit', staff, before);
  if (before.status !== 'draft') throw conflict('该信息不是草稿，不能提交');
  if (input.version !== undefined && before.version !== input.version) throw conflict('该草稿已被他人修改，请刷新后确认再提交');
  const organ = one(await ctx.tx.collection(COLLECTIONS.organs).doc(staff.organId).get());
  const parsed = approvalChainSchema.safeParse(organ?.chain);
  const chain = parsed.success ? parsed.data : [...CHAIN];
  const after = { ...before, status: 'inReview', step: 0, chain, trail: [...trailOf(before), trailEntry(staff, ctx.now, -1, 'submit')], updatedAt: ctx.now };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'submit', target: input.id, before, after });
  return { id: input.id, status: 'inReview', step: 0, waitingFor: chain[0] };
}

export async function approve(input: z.output<typeof approveItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('approve', staff, before, input.checklist !== undefined);
  const step = typeof before.step === 'number' ? before.step : 0;
  const chain = chainOf(before);
  const entry = { ...trailEntry(staff, ctx.now, step, 'approve', input.comment), ...(input.checklist ? { checklist: input.checklist } : {}) };
  if (step >= chain.length - 1) {
    const published = await publishInTx(ctx, staff, before, entry);
    ctx.audit({ action: 'publish', target: input.id, before, after: published });
    return { id: input.id, status: 'published', indexNo: String(published.indexNo), publishedDate: String(published.publishedDate) };
  }
  const after = { ...before, step: step + 1, trail: [...trailOf(before), entry], updatedAt: ctx.now };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'approve', target: input.id, before, after });
  return { id: input.id, status: 'inReview', step: step + 1, waitingFor: chain[step + 1] };
}

export async function reject(input: z.output<typeof rejectItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('reject', staff, before);
  const step = typeof before.step === 'number' ? before.step : 0;
  const after = { ...before, status: 'draft', step: null, trail: [...trailOf(before), trailEntry(staff, ctx.now, step, 'reject', input.comment)], updatedAt: ctx.now };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'reject', target: input.id, before, after });
  return { id: input.id, status: 'draft' };
}
