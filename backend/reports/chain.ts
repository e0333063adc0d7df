/**
 * The annual report through the approval chain — the same chain as items (shared/approval): submit, approve (the
 * last step publishes, and only a report without errors passes), reject back to the writers. Who may act is the
 * policy table's rule list for reports.<action> (shared/policy/rules.ts): the role of the current step, and one
 * person once per round, as for items.
 */
import type { ReportMoved } from '../../shared/api/reports';
import { approved, chainFacts, returned, submitted, trailEntry, type ApproverRole } from '../../shared/approval';
import { hasErrors } from '../../shared/checks';
import { checkRules } from '../../shared/policy';
import type { StaffRecord } from '../caller';
import { AppError, conflict, refuse } from '../errors';
import { approverOf, staffOf } from '../caller';
import { remindStaff, STAFF_PAGES } from '../notices/staff';
import { organChain, organOf } from '../organs';
import { followDraft, withReport } from '../county/rows';
import type { TxContext } from '../runtime';
import { shanghaiDate } from '../time';
import { assemble, type CountedYear } from './drafts';
import { publishInTx } from './publish';
import { chainOfDraft, readDraft, saveDraft, stepOf, type ReportDraft } from './store';

/** The rules of reports.<action> against this draft; the step it is at. */
function enforce(action: 'approve' | 'reject', staff: StaffRecord, draft: ReportDraft): number {
  const step = stepOf(draft);
  if (step === null) throw conflict('报告不在审批中，可能已被他人处理，请刷新');
  const facts = chainFacts({ status: draft.status, step, chain: chainOfDraft(draft), trail: draft.trail });
  refuse(
    checkRules(
      'reports',
      action,
      { staffId: staff._id, organId: staff.organId, role: staff.role },
      { ...facts, organId: draft.organId },
    ),
  );
  return step;
}

/** Reminds the role at the report's next step (no grant, no message). */
async function remindApprover(
  ctx: TxContext,
  organId: string,
  year: number,
  role: ApproverRole | undefined,
  note: string,
): Promise<void> {
  if (!role) return;
  const data = { title: `${year}年度报告`, status: '待审批', date: shanghaiDate(ctx.now), note };
  await remindStaff(ctx, {
    organId,
    purpose: 'approvalNeeded',
    to: { role },
    page: STAFF_PAGES.report(year),
    data,
    refs: { reportYear: year },
  });
}

export async function submit(input: { year: number }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  if (draft.status !== 'draft') throw conflict('报告不是草稿状态，可能已被他人提交，请刷新');
  const organ = await organOf(ctx.tx, staff.organId);
  const chain = [...organChain(organ)];
  const move = submitted(chain);
  const trail = [...draft.trail, trailEntry(approverOf(staff), ctx.now, -1, 'submit')];
  // A new round: the county's comment on the last one stays in the county's row (its returns), not on the draft.
  await saveDraft(
    ctx.tx,
    { ...draft, status: move.status, step: move.step, chain, trail, countyReturn: null },
    ctx.now,
  );
  await followDraft(ctx.tx, organ, input.year, 'inApproval', { returnComment: null }, ctx.now);
  ctx.audit({ action: 'submit', target: draft._id });
  await remindApprover(ctx, staff.organId, input.year, move.waitingFor, '政府信息公开工作年度报告待审批');
  return { status: 'inReview', step: 0, waitingFor: move.waitingFor ?? null };
}

export async function approve(
  input: { year: number; comment?: string | undefined },
  ctx: TxContext,
): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  const step = enforce('approve', staff, draft);
  // Counted before the transaction began (prepare): only the draft's narrative joins the numbers in here.
  const { report, findings } = assemble(input.year, ctx.prepared as CountedYear, draft);
  const errors = findings.filter((f) => f.level === 'error');
  if (hasErrors(findings))
    throw new AppError('VALIDATION', `报告有 ${errors.length} 处错误，须更正后才能通过：${errors[0]?.message ?? ''}`);
  const trail = [...draft.trail, trailEntry(approverOf(staff), ctx.now, step, 'approve', input.comment)];
  // 先审批后公开: only the last step's approval publishes.
  const move = approved(step, chainOfDraft(draft));
  const organ = await organOf(ctx.tx, staff.organId);
  // Under a county, the last approval submits the report to it (shared/county/status.ts): the county publishes it
  // on the township's behalf or returns it; the approved report is kept in the county's row as it was approved.
  const toCounty = move.status === 'published' && organ.parentId !== undefined;
  ctx.audit({ action: 'approve', target: draft._id });
  if (move.status === 'inReview') {
    await saveDraft(ctx.tx, { ...draft, status: move.status, step: move.step, trail }, ctx.now);
    await remindApprover(ctx, staff.organId, input.year, move.waitingFor, '上一步已通过，请审批');
    return { status: 'inReview', step: move.step, waitingFor: move.waitingFor ?? null };
  }
  if (toCounty) {
    // A correction's reason stays on the draft: it goes with the version the county publishes.
    await saveDraft(ctx.tx, { ...draft, status: 'submitted', step: move.step, trail }, ctx.now);
    const patch = { ...withReport(report, findings), submittedAt: ctx.now.toISOString(), source: 'built' as const };
    await followDraft(ctx.tx, organ, input.year, 'submitted', patch, ctx.now);
    ctx.audit({ action: 'submitToCounty', target: draft._id });
    return { status: 'submitted', step: null };
  }
  const publication = { source: 'built' as const, reason: draft.correctionReason };
  const published = await publishInTx(ctx, staff.organId, report, publication);
  // The reason went with the version it explains; the draft rests as published again.
  const { correctionReason: _done, ...rest } = { ...draft, status: move.status, step: move.step, trail };
  await saveDraft(ctx.tx, rest, ctx.now);
  return { status: 'published', step: null, published };
}

/**
 * A published report reopened as a draft to be corrected (the published version stays public until the corrected
 * one passes the chain); the reason is kept on the draft and stored with the new version.
 */
export async function correct(input: { year: number; reason: string }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  if (draft.status !== 'published') throw conflict('只有已发布的报告可以更正；请刷新');
  const trail = [...draft.trail, trailEntry(approverOf(staff), ctx.now, -1, 'correct', input.reason)];
  await saveDraft(ctx.tx, { ...draft, status: 'draft', step: null, correctionReason: input.reason, trail }, ctx.now);
  await followDraft(ctx.tx, await organOf(ctx.tx, staff.organId), input.year, 'drafting', {}, ctx.now);
  ctx.audit({ action: 'correct', target: draft._id, after: { reason: input.reason } });
  return { status: 'draft', step: null };
}

export async function reject(input: { year: number; comment: string }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  const step = enforce('reject', staff, draft);
  const trail = [...draft.trail, trailEntry(approverOf(staff), ctx.now, step, 'reject', input.comment)];
  await saveDraft(ctx.tx, { ...draft, ...returned(), trail }, ctx.now);
  await followDraft(ctx.tx, await organOf(ctx.tx, staff.organId), input.year, 'drafting', {}, ctx.now);
  ctx.audit({ action: 'reject', target: draft._id });
  return { status: 'draft', step: null };
}
