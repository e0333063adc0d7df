/**
 * The annual report goes through the same approval chain as items (shared/approval), with the same rules from the
 * policy table: only the role of the current step acts, and one person approves one step of a round — a chain of
 * three steps needs three people. Through the real reports function, the SDK and the local server.
 */
import { COLLECTIONS } from '../../../backend/collections';
import type { ReportStatus } from '../../../shared/api/reports';
import { seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

const YEAR = 2025;
const SECTIONS = {
  overview: '本年度主动公开政府信息。工作考核、社会评议和责任追究结果情况：无。',
  problems: '一是……改进情况：……',
  other: '本年度未收取信息处理费。',
};

it('the same person cannot approve two steps of a report; a second reviewer can, and a new round starts afresh', async () => {
  const o = await seedOrgan(b, '-report-chain');
  await b.ok(o.admin, 'organ', 'updateProfile', { patch: { chain: ['reviewer', 'reviewer', 'leader'] } });
  const invite = await b.ok<{ code: string }>(o.admin, 'organ', 'invite', { role: 'reviewer' });
  const reviewerB = 'oReviewerB-report-chain';
  await b.ok(reviewerB, 'organ', 'bind', { code: invite.code, displayName: '另一位分管领导' });

  await b.ok(o.editor, 'reports', 'saveNarrative', { year: YEAR, version: 0, sections: SECTIONS });
  expect(await b.ok(o.editor, 'reports', 'submit', { year: YEAR })).toEqual({
    status: 'inReview',
    step: 0,
    waitingFor: 'reviewer',
  });
  expect(await b.ok(o.reviewer, 'reports', 'approve', { year: YEAR })).toEqual({
    status: 'inReview',
    step: 1,
    waitingFor: 'reviewer',
  });

  // The same reviewer at the second reviewer step: refused, and nothing changes.
  const draftId = `${o.organId}-${YEAR}`;
  const before = (await b.db.collection(COLLECTIONS.reportDrafts).doc(draftId).get()).data;
  expect(await b.call(o.reviewer, 'reports', 'approve', { year: YEAR })).toEqual({
    ok: false,
    code: 'CONFLICT',
    message: '同一人不能重复审批',
  });
  expect((await b.db.collection(COLLECTIONS.reportDrafts).doc(draftId).get()).data).toEqual(before);
  expect(await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
    status: 'inReview',
    step: 1,
  });

  // Sent back and submitted again: a new round, in which the first reviewer may approve once more.
  await b.ok(reviewerB, 'reports', 'reject', { year: YEAR, comment: '请补充' });
  await b.ok(o.editor, 'reports', 'submit', { year: YEAR });
  await b.ok(o.reviewer, 'reports', 'approve', { year: YEAR });
  expect(await b.call(o.reviewer, 'reports', 'approve', { year: YEAR })).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });
  expect(await b.ok(reviewerB, 'reports', 'approve', { year: YEAR })).toEqual({
    status: 'inReview',
    step: 2,
    waitingFor: 'leader',
  });
  expect(await b.ok(o.leader, 'reports', 'approve', { year: YEAR })).toMatchObject({
    status: 'published',
    published: { year: YEAR, version: 1 },
  });
}, 60_000); // measured 5–13 s under a load average of 20 on 2 cores (6 Dec 2026)
