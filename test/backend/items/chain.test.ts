/**
 * The organ's settings drive the items function: the approval chain (kept by an item from its submission), the
 * 保密审查 at the chain's reviewer step, the 索引号 pattern; and the profile itself (checksum, partial updates).
 * The role never comes from the event: forged roles are sent through the real HTTP route too.
 */
import { createDevLogin } from '../../../backend/dev-logins';
import { CHECKLIST, itemContent, seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

type Organ = Awaited<ReturnType<typeof seedOrgan>>;

async function submitted(o: Organ, title: string): Promise<{ id: string; waitingFor: string }> {
  const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent(title) });
  const moved = await b.ok<{ waitingFor: string }>(o.editor, 'items', 'submit', { id });
  return { id, waitingFor: moved.waitingFor };
}

describe('the approval chain is the organ’s', () => {
  it('a leader-only chain: the leader answers the 保密审查 and publishes', async () => {
    const o = await seedOrgan(b, '-leader-only');
    expect(await b.ok(o.admin, 'organ', 'updateProfile', { patch: { chain: ['leader'] } })).toMatchObject({
      chain: ['leader'],
    });
    const { id, waitingFor } = await submitted(o, '乡长直接审批');
    expect(waitingFor).toBe('leader');
    expect(await b.call(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.call(o.leader, 'items', 'approve', { id })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'checklist' }],
    });
    expect(await b.ok(o.leader, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      status: 'published',
    });
  });

  it('a three-step chain needs two different reviewers; the checklist belongs to the first', async () => {
    const o = await seedOrgan(b, '-three');
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { chain: ['reviewer', 'reviewer', 'leader'] } });
    const invite = await b.ok<{ code: string }>(o.admin, 'organ', 'invite', { role: 'reviewer' });
    await b.ok('oReviewerB-three', 'organ', 'bind', { code: invite.code, displayName: '另一位分管领导' });
    const { id } = await submitted(o, '三步审批');
    expect(await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      step: 1,
      waitingFor: 'reviewer',
    });
    expect(await b.call(o.reviewer, 'items', 'approve', { id })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '同一人不能重复审批',
    });
    expect(await b.ok('oReviewerB-three', 'items', 'approve', { id })).toMatchObject({ step: 2, waitingFor: 'leader' });
    expect(await b.ok(o.leader, 'items', 'approve', { id })).toMatchObject({ status: 'published' });
  });

  it('an item keeps the chain it was submitted under when the organ changes its chain', async () => {
    const o = await seedOrgan(b, '-snapshot');
    const { id } = await submitted(o, '审批中改链');
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { chain: ['leader'] } });
    expect(await b.call(o.leader, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST })).toMatchObject({
      waitingFor: 'leader',
    });
  });

  it('staff lists say who acts next on each item in review (its own chain and step); citizens never see it', async () => {
    const o = await seedOrgan(b, '-waiting');
    const first = await submitted(o, '待分管领导');
    const second = await submitted(o, '待第一负责人');
    await b.ok(o.reviewer, 'items', 'approve', { id: second.id, checklist: CHECKLIST });
    const list = await b.ok<{ items: { id: string; waitingFor?: string }[] }>(o.leader, 'items', 'list', {
      status: 'inReview',
    });
    expect(Object.fromEntries(list.items.map((i) => [i.id, i.waitingFor]))).toEqual({
      [first.id]: 'reviewer',
      [second.id]: 'leader',
    });
    await b.ok(o.leader, 'items', 'approve', { id: second.id });
    const published = await b.ok<{ items: Record<string, unknown>[] }>(null, 'items', 'list', { organId: o.organId });
    expect(published.items).toHaveLength(1);
    expect(published.items[0]).not.toHaveProperty('waitingFor');
  });

  it('refuses a chain that does not end with the leader', async () => {
    const o = await seedOrgan(b, '-badchain');
    const bad = await b.call(o.admin, 'organ', 'updateProfile', { patch: { chain: ['leader', 'reviewer'] } });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'patch.chain' }] });
  });
});

describe('the organ profile', () => {
  it('a partial update changes only what it names; the profile is public', async () => {
    const o = await seedOrgan(b, '-patch');
    await b.ok(o.admin, 'organ', 'updateProfile', {
      patch: { reportDueDate: '02-20', templateIds: { approvalNeeded: 'tmpl-approve-1' } },
    });
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { contactPhone: '0973-2222222' } });
    const profile = await b.ok(null, 'organ', 'getProfile', { organId: o.organId });
    expect(profile).toMatchObject({
      contactPhone: '0973-2222222',
      address: '扎毛乡政府大院',
      reportDueDate: '02-20',
      templateIds: { approvalNeeded: 'tmpl-approve-1' },
      chain: ['reviewer', 'leader'],
      indexPattern: '<统一社会信用代码>/<YYYY>-<NNNNN>',
    });
  });

  it('checks the 统一社会信用代码 check character and the month-day', async () => {
    const o = await seedOrgan(b, '-checksum');
    const wrong = await b.call(o.admin, 'organ', 'updateProfile', {
      patch: { creditCode: '11632323MB1234567X', reportDueDate: '02-30' },
    });
    expect(wrong).toMatchObject({ ok: false, code: 'VALIDATION' });
    if (!wrong.ok) expect(wrong.fieldErrors?.map((e) => e.path)).toEqual(['patch.creditCode', 'patch.reportDueDate']);
  });

  it('numbers items by the organ’s own 索引号 pattern', async () => {
    const o = await seedOrgan(b, '-pattern');
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { indexPattern: '<统一社会信用代码>-<YYYY>-<NNNN>' } });
    const { id } = await submitted(o, '自定义索引号');
    await b.ok(o.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
    const { indexNo } = await b.ok<{ indexNo: string }>(o.leader, 'items', 'approve', { id });
    expect(indexNo).toMatch(/^11632323MB12345670-\d{4}-0001$/);
  });
});

describe('the role comes only from the stored staff record', () => {
  it('ignores roles forged in the event, the payload or a header on the HTTP route', async () => {
    const o = await seedOrgan(b, '-forged');
    const citizen = await createDevLogin(b.db, 'oCitizen-forged', 'citizen');
    const reviewer = await createDevLogin(b.db, o.reviewer, 'reviewer');
    const post = async (token: string, body: unknown) => {
      const res = await fetch(`${b.local.server.url}/functions/items`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gongkai-login': token, 'x-gongkai-role': 'editor' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as unknown;
    };
    const content = itemContent('伪造角色');
    const forged = {
      action: 'create',
      role: 'editor',
      openid: o.editor,
      userInfo: { openId: o.editor },
      payload: { role: 'editor', staff: { role: 'editor' }, content },
    };
    expect(await post(citizen, forged)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await post(reviewer, forged)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { id } = await submitted(o, '伪造审批角色');
    const asLeader = { action: 'approve', role: 'leader', payload: { id, role: 'leader', checklist: CHECKLIST } };
    expect(await post(reviewer, asLeader)).toMatchObject({
      ok: true,
      data: { status: 'inReview', waitingFor: 'leader' },
    });
    expect(await post(reviewer, asLeader)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses an unknown login token instead of treating the caller as a citizen; no token is a citizen', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${b.local.server.url}/functions/organ`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ action: 'me' }),
      });
    const stale = await post({ 'x-gongkai-login': 'dev-not-a-real-token' });
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    expect(await (await post({ 'x-gongkai-login': '' })).json()).toMatchObject({
      ok: true,
      data: { role: 'citizen', signedIn: false },
    });
  });
});
