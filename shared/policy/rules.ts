/**
 * The rules beyond "which roles": whose item it is and whose turn it is in the approval chain. Each rule is a pure
 * predicate over the facts of one call; the table below says which rules an action obeys, and the handlers check
 * exactly that list (checkRules), so the table and the code cannot drift apart.
 */
import type { ErrorCode, FieldError } from '../errors';
import type { StaffRole } from './roles';

/** Roles that approve; an organ's chain lists them in order and the last step publishes. */
export const APPROVER_ROLES = ['reviewer', 'leader'] as const;
export type ApproverRole = (typeof APPROVER_ROLES)[number];

/** The 三审 chain of the seed township: 发起人 submits → 分管领导 (保密审查) → 第一负责人 (publishes). */
export const DEFAULT_CHAIN: readonly ApproverRole[] = ['reviewer', 'leader'];

/** The step whose approver answers the 保密审查 checklist: the first reviewer's, or the first step if none. */
export function checklistStep(chain: readonly ApproverRole[]): number {
  return Math.max(0, chain.indexOf('reviewer'));
}

export interface ActorFacts {
  staffId: string;
  organId: string;
  role: StaffRole;
}

export interface TargetFacts {
  organId: string;
  /** The current approval step, or null when the target is not in review. */
  step: number | null;
  chain: readonly ApproverRole[];
  /** Staff who approved in the current round. */
  approvedBy: readonly string[];
  /** Whether the call carries the 保密审查 checklist. */
  hasChecklist: boolean;
}

export interface RuleRefusal {
  code: ErrorCode;
  message: string;
  fieldErrors?: FieldError[];
}

type Rule = (actor: ActorFacts, target: TargetFacts) => RuleRefusal | null;

const STEP_LABELS: Record<ApproverRole, string> = { reviewer: '分管领导审核', leader: '第一负责人审批' };

export const RULES = {
  /** Staff act on their own organ's records only; others' look absent rather than forbidden. */
  sameOrgan: (a, t) => (a.organId === t.organId ? null : { code: 'NOT_FOUND', message: '该记录不存在或无权查看' }),
  inReview: (_a, t) =>
    t.step === null ? { code: 'CONFLICT', message: '该信息不在审批中，可能已被他人处理，请刷新' } : null,
  /** Only the role of the current step acts: a reviewer cannot publish past the leader. */
  currentStep: (a, t) => {
    const needed = t.step === null ? undefined : t.chain[t.step];
    if (needed === undefined || a.role === needed) return null;
    const why = needed === 'leader' ? '此步须由第一负责人审批，分管领导不能越级发布' : `此步须由${STEP_LABELS[needed]}`;
    return { code: 'FORBIDDEN', message: why };
  },
  distinctApprover: (a, t) =>
    t.approvedBy.includes(a.staffId) ? { code: 'CONFLICT', message: '同一人不能重复审批' } : null,
  secrecyChecklist: (_a, t) =>
    t.step === checklistStep(t.chain) && !t.hasChecklist
      ? {
          code: 'VALIDATION',
          message: '此步审核须完成保密审查清单',
          fieldErrors: [{ path: 'checklist', message: '请逐项确认保密审查清单' }],
        }
      : null,
} as const satisfies Record<string, Rule>;
export type RuleName = keyof typeof RULES;

/** function.action → the rules it obeys, checked in order (the first refusal answers). */
export const ACTION_RULES = {
  items: {
    update: ['sameOrgan'],
    submit: ['sameOrgan'],
    approve: ['sameOrgan', 'inReview', 'currentStep', 'distinctApprover', 'secrecyChecklist'],
    reject: ['sameOrgan', 'inReview', 'currentStep'],
    withdraw: ['sameOrgan'],
    correct: ['sameOrgan'],
    history: ['sameOrgan'],
  },
  organ: {
    removeStaff: ['sameOrgan'],
  },
} as const satisfies Record<string, Record<string, readonly RuleName[]>>;

/** The first refusal among the rules of `fn.action`, or null when all pass (no rules: null). */
export function checkRules(fn: string, action: string, actor: ActorFacts, target: TargetFacts): RuleRefusal | null {
  const table: Record<string, Record<string, readonly RuleName[]>> = ACTION_RULES;
  for (const name of table[fn]?.[action] ?? []) {
    const refusal = RULES[name](actor, target);
    if (refusal) return refusal;
  }
  return null;
}
