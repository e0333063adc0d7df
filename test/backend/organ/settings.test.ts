/** organ.settings: the admin reads the whole stored profile (what the public one leaves out); nobody else does. */
import { COLLECTIONS } from '../../../backend/collections';
import { DEFAULT_NOTICE_FIELDS, type OrganSettings } from '../../../shared/api/organ';
import { ORGAN, seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

describe('organ.settings', () => {
  it('gives the admin the full profile, settings included, and nothing personal', async () => {
    const o = await seedOrgan(b, '-settings');
    const staff = await b.ok<{ id: string; role: string }[]>(o.admin, 'organ', 'listStaff', {});
    const leaderId = staff.find((s) => s.role === 'leader')?.id ?? '';
    await b.ok(o.admin, 'organ', 'updateProfile', {
      patch: {
        feePayment: '乡财政所窗口缴纳',
        extensionApprovers: [leaderId],
        noticeFields: { applicationNo: 'character_string2', status: 'phrase1', date: 'date4', note: 'thing5' },
      },
    });

    const settings = await b.ok<OrganSettings>(o.admin, 'organ', 'settings', {});
    expect(settings).toEqual({
      id: o.organId,
      ...ORGAN,
      reportDueDate: '01-31',
      indexPattern: expect.any(String) as unknown,
      chain: ['reviewer', 'leader'],
      templateIds: {},
      feePayment: '乡财政所窗口缴纳',
      extensionApprovers: [leaderId],
      noticeFields: { applicationNo: 'character_string2', status: 'phrase1', date: 'date4', note: 'thing5' },
      isCounty: false,
      county: null,
    });
    // The public profile keeps these to the admin.
    const publicOne = await b.ok<Record<string, unknown>>(null, 'organ', 'getProfile', { organId: o.organId });
    expect(publicOne).not.toHaveProperty('feePayment');
    // Nothing about the people: no OPENID, no display name, no stored timestamps.
    const text = JSON.stringify(settings);
    for (const openid of [o.admin, o.editor, o.reviewer, o.leader]) expect(text).not.toContain(openid);
    expect(text).not.toContain('管理员');
    expect(settings).not.toHaveProperty('createdAt');
  });

  it('refuses everyone but the admin: other roles, a citizen, nobody signed in', async () => {
    const o = await seedOrgan(b, '-settings-refused');
    for (const who of [o.editor, o.reviewer, o.leader, 'oSettingsCitizen']) {
      expect(await b.call(who, 'organ', 'settings', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await b.call(null, 'organ', 'settings', {})).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  });

  it('reads an organ stored before the settings existed with their defaults', async () => {
    const o = await seedOrgan(b, '-settings-old');
    const stored = (await b.db.collection(COLLECTIONS.organs).doc(o.organId).get()) as {
      data: Record<string, unknown>[];
    };
    const { _id, noticeFields, extensionApprovers, feePayment, ...old } = stored.data[0] ?? {};
    await b.db.collection(COLLECTIONS.organs).doc(o.organId).set(old);
    expect(await b.ok(o.admin, 'organ', 'settings', {})).toMatchObject({
      id: o.organId,
      name: ORGAN.name,
      noticeFields: DEFAULT_NOTICE_FIELDS,
      extensionApprovers: [],
      feePayment: '',
    });
  });
});
