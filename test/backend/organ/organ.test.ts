import { createSetupCode } from '../../../backend/organ';
import { COLLECTIONS } from '../../../backend/collections';
import { num } from '../../../backend/sdk';
import { ORGAN, seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

describe('organ: setup, invitations, roles from the stored record', () => {
  it('creates the first admin with a one-time setup code, which cannot be used twice', async () => {
    const code = await createSetupCode(b.db);
    const first = await b.call('oFirst', 'organ', 'setup', { code, organ: ORGAN, displayName: '王五' });
    expect(first).toMatchObject({ ok: true, data: { role: 'admin' } });
    const again = await b.call('oSecond', 'organ', 'setup', { code, organ: ORGAN, displayName: '李四' });
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'code' }] });
    expect(await b.ok('oSecond', 'organ', 'me')).toMatchObject({ role: 'citizen', organId: null });
  });

  it('gives each invited person the role of the invitation, never the one they claim', async () => {
    const o = await seedOrgan(b, '-roles');
    expect(await b.ok(o.reviewer, 'organ', 'me')).toMatchObject({
      role: 'reviewer',
      roleLabel: '分管领导',
      organId: o.organId,
    });
    const staff = await b.ok<unknown[]>(o.admin, 'organ', 'listStaff');
    expect(staff).toHaveLength(4);
    // A forged role in the event or the payload changes nothing.
    const forged = await b.call('oStranger', 'organ', 'invite', { role: 'admin', asRole: 'admin' });
    expect(forged).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const handler = (await import('../../../backend/functions')).FUNCTION_HANDLERS.items;
    const r = await handler?.(
      {
        action: 'create',
        role: 'editor',
        payload: {
          role: 'editor',
          content: { title: 't', publisher: 'p', writtenDate: '2026-01-01', category: 'agriculture' },
        },
      },
      { db: b.db, openid: 'oStranger' },
    );
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses a used or unknown invitation and a second binding', async () => {
    const o = await seedOrgan(b, '-bind');
    const invite = await b.ok<{ code: string }>(o.admin, 'organ', 'invite', { role: 'editor' });
    await b.ok('oNew', 'organ', 'bind', { code: invite.code, displayName: '新人' });
    expect(await b.call('oOther', 'organ', 'bind', { code: invite.code, displayName: '他人' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    });
    expect(await b.call('oNew', 'organ', 'bind', { code: 'ZZZZZZZZZZ', displayName: '新人' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(await b.call(o.editor, 'organ', 'invite', { role: 'admin' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await b.call(null, 'organ', 'bind', { code: invite.code, displayName: 'x' })).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });

  it('shows the public profile without login and lets only the admin change it', async () => {
    const o = await seedOrgan(b, '-profile');
    expect(await b.ok(null, 'organ', 'getProfile', { organId: o.organId })).toMatchObject({
      name: '扎毛乡人民政府',
      contactPhone: '0973-0000000',
    });
    expect(await b.ok(o.admin, 'organ', 'updateProfile', { patch: { contactPhone: '0973-1111111' } })).toMatchObject({
      contactPhone: '0973-1111111',
    });
    const bad = await b.call(o.admin, 'organ', 'updateProfile', { patch: { creditCode: 'abc' } });
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'patch.creditCode' }] });
    expect(await b.call(o.leader, 'organ', 'updateProfile', { patch: { contactPhone: '1' } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const removed = await b.ok<{ id: string }>(o.admin, 'organ', 'removeStaff', {
      staffId: String((await b.ok<{ staffId: string }>(o.leader, 'organ', 'me')).staffId),
    });
    expect(removed.id).toBeTruthy();
    expect(await b.ok(o.leader, 'organ', 'me')).toMatchObject({ role: 'citizen' });
  });

  it('answers unknown actions and malformed events with a named field', async () => {
    expect(await b.call('o', 'organ', 'explode')).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'action' }],
    });
    const handler = (await import('../../../backend/functions')).FUNCTION_HANDLERS.organ;
    expect(await handler?.({ payload: {} }, { db: b.db, openid: null })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'action' }],
    });
    expect(
      num(await b.db.collection(COLLECTIONS.audit).where({ action: 'organ.setup' }).count(), 'total'),
    ).toBeGreaterThan(0);
  });
});

describe('POST /functions/<name> on the local server', () => {
  it('maps the development login token to an OPENID and answers like production', async () => {
    const { createDevLogin } = await import('../../../backend/dev-logins');
    const o = await seedOrgan(b, '-http');
    const token = await createDevLogin(b.db, o.editor, 'editor');
    const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${b.local.server.url}/functions/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    const me = await (await post('organ', { action: 'me' }, { 'x-gongkai-login': token })).json();
    expect(me).toMatchObject({ ok: true, data: { role: 'editor' } });
    const anon = await (await post('organ', { action: 'me' })).json();
    expect(anon).toMatchObject({ ok: true, data: { role: 'citizen', signedIn: false } });
    expect((await post('nope', { action: 'me' })).status).toBe(404);
  });
});
