import {
  approved,
  approvedThisRound,
  approves,
  chainFacts,
  chainFrom,
  checklistStep,
  currentStep,
  DEFAULT_CHAIN,
  distinctApprover,
  inReview,
  returned,
  roleAtStep,
  secrecyChecklist,
  stepLabel,
  stepName,
  submitted,
  trailEntry,
  trailFrom,
  waitingLabel,
  withdrawable,
  type TrailEntry,
} from '../../../shared/approval';

const at = new Date('2026-03-02T02:00:00Z');
const reviewerA = { staffId: 's-a', role: 'reviewer' };
const reviewerB = { staffId: 's-b', role: 'reviewer' };
const leader = { staffId: 's-l', role: 'leader' };
const THREE = ['reviewer', 'reviewer', 'leader'] as const;

describe('the steps and their names (one place for items, reports and the mini program)', () => {
  it('names each step by who takes it, and the state of a record waiting there', () => {
    expect(stepName('reviewer')).toBe('分管领导审核');
    expect(stepName('leader')).toBe('第一负责人审批');
    expect(stepName('editor')).toBeNull();
    expect(stepName(undefined)).toBeNull();
    expect(waitingLabel('reviewer')).toBe('分管领导审核中');
    expect(waitingLabel('leader')).toBe('第一负责人审批中');
    expect(waitingLabel(null)).toBe('审核中');
  });

  it('labels a step with the 保密审查 and 先审批后公开 notes', () => {
    expect(stepLabel(0, DEFAULT_CHAIN)).toBe('分管领导审核（含保密审查）');
    expect(stepLabel(1, DEFAULT_CHAIN)).toBe('第一负责人审批（通过即发布）');
    expect(stepLabel(0, ['leader'])).toBe('第一负责人审批（含保密审查）（通过即发布）');
    expect(stepLabel(1, THREE)).toBe('分管领导审核');
    expect(stepLabel(5, undefined)).toBe('第 6 步审批');
  });

  it('finds the role at a step, the checklist step, and who approves at all', () => {
    expect(roleAtStep(1, undefined)).toBe('leader');
    expect(roleAtStep(1, THREE)).toBe('reviewer');
    expect(checklistStep(['leader'])).toBe(0);
    expect(checklistStep(THREE)).toBe(0);
    expect(approves('reviewer')).toBe(true);
    expect(approves('reviewer', ['leader'])).toBe(false);
    expect(approves('editor')).toBe(false);
  });

  it('reads a stored chain, falling back to the default for one that is not a valid chain', () => {
    expect(chainFrom(['leader'])).toEqual(['leader']);
    expect(chainFrom(['leader', 'reviewer'])).toBe(DEFAULT_CHAIN);
    expect(chainFrom(undefined)).toBe(DEFAULT_CHAIN);
  });
});

describe('the moves', () => {
  it('submits to the first step and publishes only on the last step’s approval (先审批后公开)', () => {
    expect(submitted(THREE)).toEqual({ status: 'inReview', step: 0, waitingFor: 'reviewer' });
    expect(approved(0, THREE)).toEqual({ status: 'inReview', step: 1, waitingFor: 'reviewer' });
    expect(approved(1, THREE)).toEqual({ status: 'inReview', step: 2, waitingFor: 'leader' });
    expect(approved(2, THREE)).toEqual({ status: 'published', step: null });
    expect(approved(0, ['leader'])).toEqual({ status: 'published', step: null });
  });

  it('returns to the writer as a draft, and withdraws or corrects only what is published', () => {
    expect(returned()).toEqual({ status: 'draft', step: null });
    expect(withdrawable('published')).toBeNull();
    expect(withdrawable('inReview')).toMatchObject({ code: 'CONFLICT', message: '只有已发布的信息可以撤回' });
    expect(withdrawable('draft', '更正')).toMatchObject({ message: '只有已发布的信息可以更正' });
  });
});

describe('who may act', () => {
  const trail: TrailEntry[] = [
    trailEntry({ staffId: 's-e', role: 'editor' }, at, -1, 'submit'),
    trailEntry(reviewerA, at, 0, 'approve'),
  ];

  it('counts approvals since the last submission only: a return and a resubmission start a new round', () => {
    expect(approvedThisRound(trail)).toEqual(['s-a']);
    const again = [...trail, trailEntry(reviewerB, at, 1, 'reject', '补充'), trailEntry(reviewerA, at, -1, 'submit')];
    expect(approvedThisRound(again)).toEqual([]);
  });

  it('refuses the same person at a second step of a round (distinct approvers), and allows another', () => {
    const facts = chainFacts({ status: 'inReview', step: 1, chain: THREE, trail });
    expect(distinctApprover(reviewerA, facts)).toEqual({ code: 'CONFLICT', message: '同一人不能重复审批' });
    expect(distinctApprover(reviewerB, facts)).toBeNull();
  });

  it('lets only the role of the current step act; a reviewer cannot publish past the leader', () => {
    const facts = chainFacts({ status: 'inReview', step: 1, chain: DEFAULT_CHAIN, trail: [] });
    expect(currentStep(leader, facts)).toBeNull();
    expect(currentStep(reviewerA, facts)).toEqual({
      code: 'FORBIDDEN',
      message: '此步须由第一负责人审批，分管领导不能越级发布',
    });
    expect(currentStep(leader, { ...facts, step: 0 })).toEqual({ code: 'FORBIDDEN', message: '此步须由分管领导审核' });
  });

  it('knows a record out of review has no step, and asks the checklist at the 保密审查 step only', () => {
    expect(inReview(chainFacts({ status: 'draft', step: 0, chain: DEFAULT_CHAIN, trail: [] }))).toMatchObject({
      code: 'CONFLICT',
    });
    const first = chainFacts({ status: 'inReview', step: 0, chain: DEFAULT_CHAIN, trail: [] });
    expect(secrecyChecklist(first)).toMatchObject({ code: 'VALIDATION', fieldErrors: [{ path: 'checklist' }] });
    expect(secrecyChecklist({ ...first, hasChecklist: true })).toBeNull();
    expect(secrecyChecklist({ ...first, step: 1 })).toBeNull();
  });
});

describe('the trail as stored', () => {
  it('reads entries back with Dates, older report entries (no role, comment null) included, and drops junk', () => {
    const read = trailFrom([
      { step: 0, decision: 'approve', staffId: 's-a', role: 'reviewer', comment: '同意', at },
      { decision: 'submit', staffId: 's-e', at: '2026-03-01T01:00:00.000Z' },
      { decision: 'approve', step: 1, staffId: 's-l', comment: null, at },
      { decision: 'shrug', staffId: 'x', at },
      'junk',
    ]);
    expect(read).toEqual([
      { step: 0, decision: 'approve', staffId: 's-a', role: 'reviewer', comment: '同意', at },
      { step: -1, decision: 'submit', staffId: 's-e', role: '', at: new Date('2026-03-01T01:00:00.000Z') },
      { step: 1, decision: 'approve', staffId: 's-l', role: '', at },
    ]);
    expect(trailFrom(undefined)).toEqual([]);
  });
});
