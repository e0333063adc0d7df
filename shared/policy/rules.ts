/**
 * The rules beyond "which roles": whose item it is and whose turn it is in the approval chain. Each rule is a pure
 * predicate over the facts of one call; the table below says which rules an action obeys, and the handlers check
 * exactly that list (checkRules), so the table and the code cannot drift apart.
 */
import { currentStep, distinctApprover, inReview, secrecyChecklist, type ChainFacts, type Refusal } from '../approval';
import type { StaffRole } from './roles';

// The chain itself (steps, labels, who acts at each) is shared/approval's; re-exported for the policy's users.
export { APPROVER_ROLES, checklistStep, DEFAULT_CHAIN, type ApproverRole } from '../approval';

export interface ActorFacts {
  staffId: string;
  organId: string;
  role: StaffRole;
}

export interface TargetFacts extends ChainFacts {
  organId: string;
}

export type RuleRefusal = Refusal;

type Rule = (actor: ActorFacts, target: TargetFacts) => RuleRefusal | null;

export const RULES = {
  /** Staff act on their own organ's records only; others' look absent rather than forbidden. */
  sameOrgan: (a, t) => (a.organId === t.organId ? null : { code: 'NOT_FOUND', message: '该记录不存在或无权查看' }),
  inReview: (_a, t) => inReview(t),
  /** Only the role of the current step acts: a reviewer cannot publish past the leader. */
  currentStep,
  /** One person approves one step of a round (items and reports alike). */
  distinctApprover,
  secrecyChecklist: (_a, t) => secrecyChecklist(t),
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
  reports: {
    approve: ['sameOrgan', 'inReview', 'currentStep', 'distinctApprover'],
    reject: ['sameOrgan', 'inReview', 'currentStep'],
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
