/**
 * The approval chain: submit, approve (the last step publishes), reject. Each runs in one transaction; who may act
 * at which step is the policy table's rule list for the action (shared/policy/rules.ts), checked by `enforce`.
 * The chain is the organ's when the item is submitted and stays with the item until it leaves review.
 * Each move reminds whoever acts next (backend/notices/staff.ts): the role at the item's next step, or its writer
 * when it is sent back or published.
 */
import type { z } from 'zod';
import type { approveItemSchema, ItemMoved, rejectItemSchema, submitItemSchema } from '../../shared/api/items';
import { approvalChainSchema } from '../../shared/api/organ';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { conflict, forbidden } from '../errors';
import { remindStaff, STAFF_PAGES, type Reminder } from '../notices/staff';
import type { TxContext } from '../runtime';
import { one, type Row } from '../sdk';
import { shanghaiDate } from '../time';
import { publishInTx } from './publish';
import { CHAIN, chainOf, enforce, loadInTx, saveInTx, trailEntry, trailOf } from './store';

export function staffOf(ctx: { caller: { staff: StaffRecord | null } }): StaffRecord {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s;
}

const REMINDERS = {
  approvalNeeded: { status: '待审批', page: STAFF_PAGES.approve },
  itemReturned: { status: '已退回', page: STAFF_PAGES.edit },
  itemPublished: { status: '已发布', page: STAFF_PAGES.edit },
} as const;

/** Queues the reminder of this move (no grant, no message); `note` says what to do or what happened. */
async function remind(
  ctx: TxContext,
  item: Row,
  purpose: keyof typeof REMINDERS,
  to: Reminder['to'],
  note: string,
): Promise<void> {
  const id = String(item._id);
  const { status, page } = REMINDERS[purpose];
  const data = { title: String(item.title ?? ''), status, date: shanghaiDate(ctx.now), note };
  await remindStaff(ctx, { organId: String(item.organId), purpose, to, page: page(id), data, refs: { itemId: id } });
}

/** The writer of an item (its creator's staff record), who hears it was sent back or published. */
const writerOf = (item: Row): Reminder['to'] => ({ staffId: String(item.createdBy) });

export async function submit(input: z.output<typeof submitItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('submit', staff, before);
  if (before.status !== 'draft') throw conflict('该信息不是草稿，不能提交');
  if (input.version !== undefined && before.version !== input.version)
    throw conflict('该草稿已被他人修改，请刷新后确认再提交');
  const organ = one(await ctx.tx.collection(COLLECTIONS.organs).doc(staff.organId).get());
  const parsed = approvalChainSchema.safeParse(organ?.chain);
  const chain = parsed.success ? parsed.data : [...CHAIN];
  const after = {
    ...before,
    status: 'inReview',
    step: 0,
    chain,
    trail: [...trailOf(before), trailEntry(staff, ctx.now, -1, 'submit')],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'submit', target: input.id, before, after });
  const first = chain[0];
  if (first)
    await remind(
      ctx,
      after,
      'approvalNeeded',
      { role: first },
      chain.length === 1 ? '请审批，通过即发布' : '请审核（含保密审查）',
    );
  return { id: input.id, status: 'inReview', step: 0, waitingFor: chain[0] };
}

export async function approve(input: z.output<typeof approveItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('approve', staff, before, input.checklist !== undefined);
  const step = typeof before.step === 'number' ? before.step : 0;
  const chain = chainOf(before);
  const entry = {
    ...trailEntry(staff, ctx.now, step, 'approve', input.comment),
    ...(input.checklist ? { checklist: input.checklist } : {}),
  };
  if (step >= chain.length - 1) {
    const published = await publishInTx(ctx, staff, before, entry);
    ctx.audit({ action: 'publish', target: input.id, before, after: published });
    await remind(ctx, published, 'itemPublished', writerOf(published), `索引号 ${String(published.indexNo)}`);
    return {
      id: input.id,
      status: 'published',
      indexNo: String(published.indexNo),
      publishedDate: String(published.publishedDate),
    };
  }
  const after = { ...before, step: step + 1, trail: [...trailOf(before), entry], updatedAt: ctx.now };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'approve', target: input.id, before, after });
  const nextRole = chain[step + 1];
  if (nextRole)
    await remind(
      ctx,
      after,
      'approvalNeeded',
      { role: nextRole },
      step + 1 === chain.length - 1 ? '请审批，通过即发布' : '请审核',
    );
  return { id: input.id, status: 'inReview', step: step + 1, waitingFor: chain[step + 1] };
}

export async function reject(input: z.output<typeof rejectItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('reject', staff, before);
  const step = typeof before.step === 'number' ? before.step : 0;
  const after = {
    ...before,
    status: 'draft',
    step: null,
    trail: [...trailOf(before), trailEntry(staff, ctx.now, step, 'reject', input.comment)],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'reject', target: input.id, before, after });
  await remind(ctx, after, 'itemReturned', writerOf(after), `退回理由：${input.comment}`);
  return { id: input.id, status: 'draft' };
}
