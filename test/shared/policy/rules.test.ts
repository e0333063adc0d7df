import {
  ACTION_RULES,
  checkRules,
  checklistStep,
  DEFAULT_CHAIN,
  RULES,
  type ActorFacts,
  type TargetFacts,
} from '../../../shared/policy';
import { POLICY } from '../../../shared/api/contracts';

const reviewer: ActorFacts = { staffId: 's-rev', organId: 'org-1', role: 'reviewer' };
const leader: ActorFacts = { staffId: 's-lead', organId: 'org-1', role: 'leader' };
const inReview = (over: Partial<TargetFacts> = {}): TargetFacts => ({
  organId: 'org-1',
  step: 0,
  chain: DEFAULT_CHAIN,
  approvedBy: [],
  hasChecklist: true,
  ...over,
});

describe('the rules table', () => {
  it('names only rules that exist, for actions the role table has', () => {
    const roles: Record<string, Record<string, unknown>> = POLICY;
    for (const [fn, actions] of Object.entries(ACTION_RULES)) {
      for (const [action, rules] of Object.entries(actions)) {
        expect(roles[fn]?.[action]).toBeDefined();
        for (const rule of rules) expect(Object.keys(RULES)).toContain(rule);
      }
    }
  });

  it('lets the reviewer approve step 0 of their own organ with the checklist', () => {
    expect(checkRules('items', 'approve', reviewer, inReview())).toBeNull();
  });

  it('hides other organs’ items and refuses items not in review', () => {
    expect(checkRules('items', 'approve', reviewer, inReview({ organId: 'org-2' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(checkRules('items', 'approve', reviewer, inReview({ step: null }))).toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps each step to its role: a reviewer cannot publish past the leader', () => {
    expect(checkRules('items', 'approve', reviewer, inReview({ step: 1 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('第一负责人'),
    });
    expect(checkRules('items', 'approve', leader, inReview({ step: 0 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('分管领导'),
    });
    expect(checkRules('items', 'reject', leader, inReview({ step: 1 }))).toBeNull();
  });

  it('lets nobody approve twice in a round', () => {
    expect(
      checkRules(
        'items',
        'approve',
        reviewer,
        inReview({ chain: ['reviewer', 'reviewer', 'leader'], step: 1, approvedBy: ['s-rev'] }),
      ),
    ).toMatchObject({ code: 'CONFLICT' });
  });

  it('asks for the 保密审查 at the first reviewer step only (the first step when no reviewer)', () => {
    expect(checkRules('items', 'approve', reviewer, inReview({ hasChecklist: false }))).toMatchObject({
      code: 'VALIDATION',
      fieldErrors: [{ path: 'checklist' }],
    });
    expect(checkRules('items', 'approve', leader, inReview({ step: 1, hasChecklist: false }))).toBeNull();
    expect(checklistStep(['leader'])).toBe(0);
    expect(checklistStep(['reviewer', 'reviewer', 'leader'])).toBe(0);
    expect(checkRules('items', 'approve', leader, inReview({ chain: ['leader'], hasChecklist: false }))).toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('has no rules for an action it does not list', () => {
    expect(checkRules('items', 'list', reviewer, inReview({ organId: 'elsewhere' }))).toBeNull();
    expect(checkRules('nope', 'nope', reviewer, inReview())).toBeNull();
  });
});
