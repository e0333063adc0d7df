/**
 * The 三审 approval chain, one pure module for everything approved before it is public (items, annual reports):
 * the steps and what each is called, who may act at a step, the distinct-approver rule, 先审批后公开 (only the
 * last step's approval publishes), the return to the writer (退回) and the withdrawal of what was published.
 * 《政府信息公开条例》第十七条 asks each organ to settle its 审查 procedure; an organ's chain is its choice
 * (organ.updateProfile), and a record keeps the chain it was submitted under until it leaves review.
 * No I/O and no clock: callers pass `now` and the stored facts.
 */
import * as z from 'zod';
import type { ErrorCode, FieldError } from '../errors';

/** Roles that approve; an organ's chain lists them in order and the last step publishes. */
export const APPROVER_ROLES = ['reviewer', 'leader'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];
export type Chain = readonly ApproverRole[];

/** The 三审 chain of the seed township: 发起人 submits → 分管领导 (保密审查) → 第一负责人 (publishes). */
export const DEFAULT_CHAIN: Chain = ['reviewer', 'leader'];

/** Approval steps after submission, in order; the last must be the leader, whose approval publishes. */
export const approvalChainSchema = z
  .array(z.enum(APPROVER_ROLES))
  .min(1, '审批链至少一步')
  .max(3, '审批链至多三步')
  .refine(
    (chain) => chain.indexOf('leader') === chain.length - 1,
    '审批链的最后一步须为第一负责人（通过即发布），且只在最后一步',
  );

/** A stored chain read back; anything that no longer parses is the default chain. */
export function chainFrom(value: unknown): Chain {
  const parsed = approvalChainSchema.safeParse(value);
  return parsed.success ? parsed.data : DEFAULT_CHAIN;
}

// ---- the steps and their names ----

/** What a step is called by who takes it. */
const STEP_NAMES: Record<ApproverRole, string> = { reviewer: '分管领导审核', leader: '第一负责人审批' };

function isApproverRole(role: unknown): role is ApproverRole {
  return typeof role === 'string' && (APPROVER_ROLES as readonly string[]).includes(role);
}

/** 分管领导审核, 第一负责人审批; null for a role that takes no step. */
export function stepName(role: string | null | undefined): string | null {
  return isApproverRole(role) ? STEP_NAMES[role] : null;
}

/** The state of a record waiting at a step: 分管领导审核中, 第一负责人审批中; 审核中 when the role is unknown. */
export function waitingLabel(role: string | null | undefined): string {
  const name = stepName(role);
  return name ? `${name}中` : '审核中';
}

/** Who must act at `step` (the default chain when the record has none). */
export function roleAtStep(step: number, chain: Chain | undefined): ApproverRole | undefined {
  return (chain ?? DEFAULT_CHAIN)[step];
}

/** Whether a role approves at some step of the chain (分管领导, 第一负责人); others none. */
export function approves(role: string, chain: Chain = DEFAULT_CHAIN): boolean {
  return isApproverRole(role) && chain.includes(role);
}

/** The step whose approver answers the 保密审查 checklist: the first reviewer's, or the first step if none. */
export function checklistStep(chain: Chain | undefined): number {
  return Math.max(0, (chain ?? DEFAULT_CHAIN).indexOf('reviewer'));
}

/** 先审批后公开: the last step's approval is the one that publishes. */
export function isLastStep(step: number, chain: Chain): boolean {
  return step >= chain.length - 1;
}

/** A step as the approver sees it: 分管领导审核（含保密审查）, 第一负责人审批（通过即发布）. */
export function stepLabel(step: number, chain: Chain | undefined): string {
  const c = chain ?? DEFAULT_CHAIN;
  const name = stepName(roleAtStep(step, c)) ?? `第 ${step + 1} 步审批`;
  const last = step === c.length - 1;
  return `${name}${step === checklistStep(c) ? '（含保密审查）' : ''}${last ? '（通过即发布）' : ''}`;
}

// ---- the trail: who did what, in order ----

export const DECISIONS = ['submit', 'approve', 'reject', 'withdraw', 'correct'] as const;
export type Decision = (typeof DECISIONS)[number];

export interface TrailEntry {
  /** The step acted on; -1 for what is not a step (submit, withdraw, correct). */
  step: number;
  decision: Decision;
  staffId: string;
  role: string;
  comment?: string;
  checklist?: Record<string, true>;
  at: Date;
}

/** A trail as stored (older report trails lack `role` and keep `comment: null`): read leniently. */
export const trailEntrySchema = z
  .object({
    step: z.number().int().default(-1),
    decision: z.enum(DECISIONS),
    staffId: z.string(),
    role: z.string().default(''),
    comment: z
      .string()
      .nullish()
      .transform((c) => c ?? undefined),
    checklist: z.record(z.string(), z.literal(true)).optional(),
    at: z.unknown(),
  })
  .transform(({ comment, checklist, at, ...rest }) => ({
    ...rest,
    ...(comment !== undefined ? { comment } : {}),
    ...(checklist !== undefined ? { checklist } : {}),
    at: at instanceof Date ? at : new Date(String(at)),
  }));

/** The trail of a stored record; entries that do not parse are left out. */
export function trailFrom(value: unknown): TrailEntry[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((t) => {
    const parsed = trailEntrySchema.safeParse(t);
    return parsed.success ? [parsed.data] : [];
  });
}

export function trailEntry(
  actor: { staffId: string; role: string },
  at: Date,
  step: number,
  decision: Decision,
  comment?: string,
): TrailEntry {
  return { step, decision, staffId: actor.staffId, role: actor.role, at, ...(comment ? { comment } : {}) };
}

/** Staff who approved since the last submission: each may approve once per round. */
export function approvedThisRound(trail: readonly Pick<TrailEntry, 'decision' | 'staffId'>[]): string[] {
  const lastSubmit = trail.map((t) => t.decision).lastIndexOf('submit');
  return trail
    .slice(lastSubmit + 1)
    .filter((t) => t.decision === 'approve')
    .map((t) => t.staffId);
}

// ---- who may act: each rule a pure predicate over the facts of one call ----

export interface Approver {
  staffId: string;
  role: string;
}

export interface ChainFacts {
  /** The current approval step, or null when the record is not in review. */
  step: number | null;
  chain: Chain;
  /** Staff who approved in the current round. */
  approvedBy: readonly string[];
  /** Whether the call carries the 保密审查 checklist. */
  hasChecklist: boolean;
}

export interface Refusal {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldError[];
}

/** The facts of a record from its stored status, step, chain and trail. */
export function chainFacts(
  record: { status: string; step: number | null; chain: Chain; trail: readonly TrailEntry[] },
  hasChecklist = false,
): ChainFacts {
  return {
    step: record.status === 'inReview' ? record.step : null,
    chain: record.chain,
    approvedBy: approvedThisRound(record.trail),
    hasChecklist,
  };
}

export function inReview(t: ChainFacts): Refusal | null {
  return t.step === null ? { code: 'CONFLICT', message: '该信息不在审批中，可能已被他人处理，请刷新' } : null;
}

/** Only the role of the current step acts: a reviewer cannot publish past the leader. */
export function currentStep(a: Approver, t: ChainFacts): Refusal | null {
  const needed = t.step === null ? undefined : t.chain[t.step];
  if (needed === undefined || a.role === needed) return null;
  const why = needed === 'leader' ? '此步须由第一负责人审批，分管领导不能越级发布' : `此步须由${STEP_NAMES[needed]}`;
  return { code: 'FORBIDDEN', message: why };
}

/** One person approves one step of a round: a chain of n steps needs n different people. */
export function distinctApprover(a: Approver, t: ChainFacts): Refusal | null {
  return t.approvedBy.includes(a.staffId) ? { code: 'CONFLICT', message: '同一人不能重复审批' } : null;
}

/** The 保密审查 step's approval carries the checklist (《保守国家秘密法》, 条例 第十七条: 先审查后公开). */
export function secrecyChecklist(t: ChainFacts): Refusal | null {
  return t.step === checklistStep(t.chain) && !t.hasChecklist
    ? {
        code: 'VALIDATION',
        message: '此步审核须完成保密审查清单',
        fieldErrors: [{ path: 'checklist', message: '请逐项确认保密审查清单' }],
      }
    : null;
}

// ---- the moves ----

export type ChainStatus = 'draft' | 'inReview' | 'published' | 'withdrawn';

/** Submitting starts a round at the first step. */
export function submitted(chain: Chain): { status: 'inReview'; step: 0; waitingFor: ApproverRole | undefined } {
  return { status: 'inReview', step: 0, waitingFor: chain[0] };
}

/** An approval moves to the next step, or — 先审批后公开 — publishes when it was the last step's. */
export function approved(
  step: number,
  chain: Chain,
): { status: 'inReview'; step: number; waitingFor: ApproverRole | undefined } | { status: 'published'; step: null } {
  if (isLastStep(step, chain)) return { status: 'published', step: null };
  return { status: 'inReview', step: step + 1, waitingFor: chain[step + 1] };
}

/** 退回: back to the writer as a draft; the next submission starts a new round (earlier approvals no longer count). */
export function returned(): { status: 'draft'; step: null } {
  return { status: 'draft', step: null };
}

/** Only what is published can be withdrawn (or corrected); the refusal otherwise. */
export function withdrawable(status: string, verb: '撤回' | '更正' = '撤回'): Refusal | null {
  return status === 'published' ? null : { code: 'CONFLICT', message: `只有已发布的信息可以${verb}` };
}
