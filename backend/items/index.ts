/** The items function: drafts, the 三审 approval chain, publishing with a 索引号, withdrawal and correction. */
import * as z from 'zod';
import {
  approveItemSchema,
  correctItemSchema,
  createItemSchema,
  getItemSchema,
  listItemsSchema,
  rejectItemSchema,
  submitItemSchema,
  updateItemSchema,
  withdrawItemSchema,
} from '../../shared/api/items';
import { AppError, conflict, forbidden } from '../errors';
import { action, defineFunction, type HandlerContext } from '../runtime';
import { num } from '../sdk';
import { listItems } from './list';
import { publishItem } from './publish';
import { CHAIN, items, loadOwnItem, loadVisibleItem, toDetail, type TrailEntry } from './store';

function staffOf(ctx: HandlerContext) {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s;
}

function trailEntry(ctx: HandlerContext, step: number, decision: TrailEntry['decision'], comment?: string): TrailEntry {
  const s = staffOf(ctx);
  return { step, decision, staffId: s._id, role: s.role, at: ctx.now, ...(comment ? { comment } : {}) };
}

/** A guarded single-document write: applies only if the document is still as `expect` says. */
async function updateIf(ctx: HandlerContext, id: string, expect: Record<string, unknown>, patch: Record<string, unknown>): Promise<void> {
  const updated = num(await items(ctx.db).where({ _id: id, ...expect }).update(patch), 'updated');
  if (updated === 0) throw conflict('该信息已被他人修改或处理，请刷新后再试');
}

export const itemsFunction = defineFunction('items', {
  list: action({ input: listItemsSchema, handler: (input, ctx) => listItems(ctx, input) }),

  get: action({
    input: getItemSchema,
    async handler(input, ctx) {
      const item = await loadVisibleItem(ctx, input.id);
      return toDetail(item, ctx.caller.staff?.organId === item.organId);
    },
  }),

  create: action({
    input: createItemSchema,
    idempotent: true,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const doc = { ...input.content, organId: s.organId, status: 'draft', step: null, indexNo: null, publishedDate: null, version: 1, createdBy: s._id, trail: [], createdAt: ctx.now, updatedAt: ctx.now };
      const id = String((await items(ctx.db).add(doc)).id);
      await ctx.audit({ action: 'create', target: id, after: doc });
      return { id, version: 1, status: 'draft' };
    },
  }),

  update: action({
    input: updateItemSchema,
    async handler(input, ctx) {
      const before = await loadOwnItem(ctx, input.id);
      if (before.status !== 'draft') throw conflict('只有草稿可以修改；已提交的请先退回');
      if (before.version !== input.version) throw conflict(`该草稿已被他人修改（当前第 ${String(before.version)} 版），您的修改未保存，请刷新后重新编辑`);
      const next = { ...input.content, version: input.version + 1, updatedAt: ctx.now };
      await updateIf(ctx, input.id, { status: 'draft', version: input.version }, next);
      await ctx.audit({ action: 'update', target: input.id, before, after: { ...before, ...next } });
      return { id: input.id, version: next.version };
    },
  }),

  submit: action({
    input: submitItemSchema,
    idempotent: true,
    async handler(input, ctx) {
      const before = await loadOwnItem(ctx, input.id);
      if (before.status !== 'draft') throw conflict('该信息不是草稿，不能提交');
      const trail = [...(Array.isArray(before.trail) ? before.trail : []), trailEntry(ctx, -1, 'submit')];
      await updateIf(ctx, input.id, { status: 'draft', version: before.version }, { status: 'inReview', step: 0, trail, updatedAt: ctx.now });
      await ctx.audit({ action: 'submit', target: input.id, before, after: { status: 'inReview', step: 0 } });
      return { id: input.id, status: 'inReview', step: 0, waitingFor: CHAIN[0] };
    },
  }),

  approve: action({
    input: approveItemSchema,
    idempotent: true,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const before = await loadOwnItem(ctx, input.id);
      if (before.status !== 'inReview' || typeof before.step !== 'number') throw conflict('该信息不在审批中');
      const step = before.step;
      const needed = CHAIN[step];
      if (s.role !== needed) throw forbidden(step === 0 ? '此步须由分管领导审核' : '此步须由第一负责人审批，分管领导不能越级发布');
      const trail: TrailEntry[] = Array.isArray(before.trail) ? (before.trail as TrailEntry[]) : [];
      if (trail.some((t) => t.decision === 'approve' && t.staffId === s._id && t.at >= (lastSubmit(trail) ?? new Date(0)))) throw conflict('同一人不能重复审批');
      if (step === 0 && !input.checklist) {
        throw new AppError('VALIDATION', '分管领导审核须完成保密审查清单', [{ path: 'checklist', message: 'checklist：请逐项确认保密审查' }]);
      }
      const entry = { ...trailEntry(ctx, step, 'approve', input.comment), ...(input.checklist ? { checklist: input.checklist } : {}) };
      if (step === CHAIN.length - 1) {
        const published = await publishItem(ctx, input.id, entry);
        await ctx.audit({ action: 'publish', target: input.id, before, after: published });
        return { id: input.id, status: 'published', indexNo: published.indexNo, publishedDate: published.publishedDate };
      }
      await updateIf(ctx, input.id, { status: 'inReview', step }, { step: step + 1, trail: [...trail, entry], updatedAt: ctx.now });
      await ctx.audit({ action: 'approve', target: input.id, before, after: { step: step + 1 } });
      return { id: input.id, status: 'inReview', step: step + 1, waitingFor: CHAIN[step + 1] };
    },
  }),

  reject: action({
    input: rejectItemSchema,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const before = await loadOwnItem(ctx, input.id);
      if (before.status !== 'inReview' || typeof before.step !== 'number') throw conflict('该信息不在审批中');
      if (s.role !== CHAIN[before.step]) throw forbidden('当前不是您审批的环节');
      const trail = [...(Array.isArray(before.trail) ? before.trail : []), trailEntry(ctx, before.step, 'reject', input.comment)];
      await updateIf(ctx, input.id, { status: 'inReview', step: before.step }, { status: 'draft', step: null, trail, updatedAt: ctx.now });
      await ctx.audit({ action: 'reject', target: input.id, before, after: { status: 'draft' } });
      return { id: input.id, status: 'draft' };
    },
  }),

  withdraw: action({
    input: withdrawItemSchema,
    async handler(input, ctx) {
      const before = await loadOwnItem(ctx, input.id);
      if (before.status !== 'published') throw conflict('只有已发布的信息可以撤回');
      const trail = [...(Array.isArray(before.trail) ? before.trail : []), trailEntry(ctx, -1, 'withdraw', input.reason)];
      await updateIf(ctx, input.id, { status: 'published' }, { status: 'withdrawn', withdrawReason: input.reason, withdrawnAt: ctx.now, trail });
      await ctx.audit({ action: 'withdraw', target: input.id, before, after: { status: 'withdrawn', reason: input.reason } });
      return { id: input.id, status: 'withdrawn' };
    },
  }),

  correct: action({
    input: correctItemSchema,
    idempotent: true,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const original = await loadOwnItem(ctx, input.id);
      if (original.status !== 'published') throw conflict('只有已发布的信息可以更正');
      const doc = { ...input.content, organId: s.organId, status: 'draft', step: null, indexNo: null, publishedDate: null, version: 1, createdBy: s._id, correctionOf: input.id, correctionReason: input.reason, trail: [trailEntry(ctx, -1, 'correct', input.reason)], createdAt: ctx.now, updatedAt: ctx.now };
      const id = String((await items(ctx.db).add(doc)).id);
      await ctx.audit({ action: 'correct', target: id, before: original, after: doc });
      return { id, correctionOf: input.id, status: 'draft' };
    },
  }),

  history: action({
    input: z.object({ id: z.string().min(1) }),
    async handler(input, ctx) {
      const item = await loadOwnItem(ctx, input.id);
      return { id: input.id, status: item.status, version: item.version, correctionOf: item.correctionOf ?? null, supersededBy: item.supersededBy ?? null, trail: item.trail ?? [] };
    },
  }),
});

function lastSubmit(trail: TrailEntry[]): Date | undefined {
  return [...trail].reverse().find((t) => t.decision === 'submit')?.at;
}
