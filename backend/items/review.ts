/**
 * The approval chain on items: submit, approve (the last step publishes), reject. Each runs in one transaction; the
 * chain itself — steps, who acts at each, one approval per person, 先审批后公开 — is shared/approval's, and the
 * rules an action obeys are the policy table's (shared/policy/rules.ts), checked by `enforce`.
 * The chain is the organ's when the item is submitted and stays with the item until it leaves review.
 * Each move reminds whoever acts next (backend/notices/staff.ts): the role at the item's next step, or its writer
 * when it is sent back or published.
 */
import type { z } from 'zod';
import type { approveItemSchema, ItemMoved, rejectItemSchema, submitItemSchema } from '../../shared/api/items';
import { approved, isLastStep, returned, submitted, trailEntry, type Chain } from '../../shared/approval';
import { approverOf, staffOf } from '../caller';
import { conflict } from '../errors';
import { remindStaff, STAFF_PAGES, type Reminder } from '../notices/staff';
import { findOrgan, organChain } from '../organs';
import type { TxContext } from '../runtime';
import { shanghaiDate } from '../time';
import { publishInTx } from './publish';
import { chainOf, enforce, loadInTx, saveInTx, type StoredItem } from './store';

const REMINDERS = {
  approvalNeeded: { status: '待审批', page: STAFF_PAGES.approve },
  itemReturned: { status: '已退回', page: STAFF_PAGES.edit },
  itemPublished: { status: '已发布', page: STAFF_PAGES.edit },
} as const;

/** Queues the reminder of this move (no grant, no message); `note` says what to do or what happened. */
async function remind(
  ctx: TxContext,
  item: StoredItem,
  purpose: keyof typeof REMINDERS,
  to: Reminder['to'],
  note: string,
): Promise<void> {
  const id = item._id;
  const { status, page } = REMINDERS[purpose];
  const data = { title: item.title, status, date: shanghaiDate(ctx.now), note };
  await remindStaff(ctx, { organId: item.organId, purpose, to, page: page(id), data, refs: { itemId: id } });
}

/** The writer of an item (its creator's staff record), who hears it was sent back or published. */
const writerOf = (item: StoredItem): Reminder['to'] => ({ staffId: item.createdBy });

/**
 * Saves an item that moves on in review (submitted, or approved at a step that is not the last), audits the move,
 * and reminds the role now waiting: to approve at the last step (which publishes), else to review — with the
 * 保密审查 at the first step.
 */
async function movedOn(
  ctx: TxContext,
  action: 'submit' | 'approve',
  before: StoredItem,
  after: StoredItem,
  move: { step: number; waitingFor: ItemMoved['waitingFor'] },
  chain: Chain,
): Promise<ItemMoved> {
  await saveInTx(ctx.tx, after);
  ctx.audit({ action, target: after._id, before, after });
  const note = isLastStep(move.step, chain)
    ? '请审批，通过即发布'
    : move.step === 0
      ? '请审核（含保密审查）'
      : '请审核';
  if (move.waitingFor) await remind(ctx, after, 'approvalNeeded', { role: move.waitingFor }, note);
  return { id: after._id, status: 'inReview', step: move.step, waitingFor: move.waitingFor };
}

export async function submit(input: z.output<typeof submitItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('submit', staff, before);
  if (before.status !== 'draft') throw conflict('该信息不是草稿，不能提交');
  if (input.version !== undefined && before.version !== input.version)
    throw conflict('该草稿已被他人修改，请刷新后确认再提交');
  const chain = [...organChain(await findOrgan(ctx.tx, staff.organId))];
  const move = submitted(chain);
  const after: StoredItem = {
    ...before,
    status: move.status,
    step: move.step,
    chain,
    trail: [...before.trail, trailEntry(approverOf(staff), ctx.now, -1, 'submit')],
    updatedAt: ctx.now,
  };
  return movedOn(ctx, 'submit', before, after, move, chain);
}

export async function approve(input: z.output<typeof approveItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('approve', staff, before, input.checklist !== undefined);
  const step = before.step ?? 0;
  const chain = chainOf(before);
  const entry = {
    ...trailEntry(approverOf(staff), ctx.now, step, 'approve', input.comment),
    ...(input.checklist ? { checklist: input.checklist } : {}),
  };
  const move = approved(step, chain);
  if (move.status === 'published') {
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
  const after: StoredItem = { ...before, step: move.step, trail: [...before.trail, entry], updatedAt: ctx.now };
  return movedOn(ctx, 'approve', before, after, move, chain);
}

export async function reject(input: z.output<typeof rejectItemSchema>, ctx: TxContext): Promise<ItemMoved> {
  const staff = staffOf(ctx);
  const before = await loadInTx(ctx.tx, input.id);
  enforce('reject', staff, before);
  const step = before.step ?? 0;
  const after: StoredItem = {
    ...before,
    ...returned(),
    trail: [...before.trail, trailEntry(approverOf(staff), ctx.now, step, 'reject', input.comment)],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, after);
  ctx.audit({ action: 'reject', target: input.id, before, after });
  await remind(ctx, after, 'itemReturned', writerOf(after), `退回理由：${input.comment}`);
  return { id: input.id, status: 'draft' };
}
