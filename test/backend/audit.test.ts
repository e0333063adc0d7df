/**
 * The audit log: every write of organ and items appends its entries (who, role, what, when, SHA-256 of before and
 * after), a read appends none, and nothing ever changes or removes an entry — checked on the data and in the code.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hashOf } from '../../backend/audit';
import { COLLECTIONS } from '../../backend/collections';
import { createSetupCode } from '../../backend/organ';
import { one, rows, type Row } from '../../backend/sdk';
import { CHECKLIST, itemContent, ORGAN, seedOrgan, startBackend, type Backend } from './harness';

// Many writes in one test, each now also extending its organ's audit chain: more than the default 5 s on a busy machine.
jest.setTimeout(30_000);

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

const ROOT = path.resolve(__dirname, '../..');

async function allEntries(): Promise<Row[]> {
  const out: Row[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = rows(await b.db.collection(COLLECTIONS.audit).orderBy('_id', 'asc').skip(skip).limit(1000).get());
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Runs `act` and answers the audit actions it appended, checking every older entry is unchanged. */
async function appended(act: () => Promise<unknown>): Promise<string[]> {
  const before = await allEntries();
  await act();
  const after = await allEntries();
  const byId = new Map(after.map((e) => [String(e._id), e]));
  for (const e of before) expect(byId.get(String(e._id))).toEqual(e);
  const old = new Set(before.map((e) => String(e._id)));
  return after
    .filter((e) => !old.has(String(e._id)))
    .map((e) => String(e.action))
    .sort();
}

it('every write appends its entries, reads append none, and old entries never change', async () => {
  const code = await createSetupCode(b.db);
  expect(
    await appended(() => b.ok('oAuditAdmin', 'organ', 'setup', { code, organ: ORGAN, displayName: '管理员' })),
  ).toEqual(['organ.addStaff', 'organ.setup', 'organ.useSetupCode']);
  const invite = { code: '' };
  expect(
    await appended(async () => Object.assign(invite, await b.ok('oAuditAdmin', 'organ', 'invite', { role: 'editor' }))),
  ).toEqual(['organ.invite']);
  expect(
    await appended(() => b.ok('oAuditEditor', 'organ', 'bind', { code: invite.code, displayName: '发起人' })),
  ).toEqual(['organ.addStaff', 'organ.useInvite']);
  expect(await appended(() => b.ok('oAuditAdmin', 'organ', 'updateProfile', { patch: { address: '新址' } }))).toEqual([
    'organ.updateProfile',
  ]);
  expect(await appended(() => b.ok(null, 'organ', 'getProfile', {}))).toEqual([]);

  const o = await seedOrgan(b, '-audit');
  const item = { id: '' };
  expect(
    await appended(async () =>
      Object.assign(item, await b.ok(o.editor, 'items', 'create', { content: itemContent('审计') })),
    ),
  ).toEqual(['items.create']);
  expect(
    await appended(() =>
      b.ok(o.editor, 'items', 'update', { id: item.id, version: 1, content: itemContent('审计（改）') }),
    ),
  ).toEqual(['items.update']);
  expect(await appended(() => b.ok(o.editor, 'items', 'submit', { id: item.id }))).toEqual(['items.submit']);
  expect(await appended(() => b.ok(o.reviewer, 'items', 'reject', { id: item.id, comment: '请补充' }))).toEqual([
    'items.reject',
  ]);
  await b.ok(o.editor, 'items', 'submit', { id: item.id });
  expect(await appended(() => b.ok(o.reviewer, 'items', 'approve', { id: item.id, checklist: CHECKLIST }))).toEqual([
    'items.approve',
  ]);
  expect(await appended(() => b.ok(o.leader, 'items', 'approve', { id: item.id }))).toEqual(['items.publish']);
  expect(await appended(() => b.ok(null, 'items', 'list', {}))).toEqual([]);
  const fix = { id: '' };
  expect(
    await appended(async () =>
      Object.assign(
        fix,
        await b.ok(o.editor, 'items', 'correct', { id: item.id, reason: '错字', content: itemContent('审计（更正）') }),
      ),
    ),
  ).toEqual(['items.correct']);
  await b.ok(o.editor, 'items', 'submit', { id: fix.id });
  await b.ok(o.reviewer, 'items', 'approve', { id: fix.id, checklist: CHECKLIST });
  expect(await appended(() => b.ok(o.leader, 'items', 'approve', { id: fix.id }))).toEqual([
    'items.publish',
    'items.supersede',
  ]);
  expect(await appended(() => b.ok(o.leader, 'items', 'withdraw', { id: fix.id, reason: '政策调整' }))).toEqual([
    'items.withdraw',
  ]);
  const leaderId = (await b.ok<{ staffId: string }>(o.leader, 'organ', 'me')).staffId;
  expect(await appended(() => b.ok(o.admin, 'organ', 'removeStaff', { staffId: leaderId }))).toEqual([
    'organ.removeStaff',
  ]);
});

it('an entry names the caller and role, and its hashes match the documents before and after', async () => {
  const o = await seedOrgan(b, '-hash');
  const { id } = await b.ok<{ id: string }>(o.editor, 'items', 'create', { content: itemContent('哈希') });
  const before = one(await b.db.collection(COLLECTIONS.items).doc(id).get());
  await b.ok(o.editor, 'items', 'update', { id, version: 1, content: itemContent('哈希（改）') });
  const after = one(await b.db.collection(COLLECTIONS.items).doc(id).get());
  const entry = rows(await b.db.collection(COLLECTIONS.audit).where({ action: 'items.update', target: id }).get())[0];
  expect(entry).toMatchObject({
    openid: o.editor,
    role: 'editor',
    organId: o.organId,
    beforeHash: hashOf(before),
    afterHash: hashOf(after),
  });
  expect(entry?.at).toBeInstanceOf(Date);
  expect(entry?.beforeHash).not.toBe(entry?.afterHash);
  // Setup and binding happen before the caller is staff: their entries still name the organ.
  const joined = rows(
    await b.db.collection(COLLECTIONS.audit).where({ action: 'organ.addStaff', organId: o.organId }).get(),
  );
  expect(joined.map((e) => e.role).sort()).toEqual(['citizen', 'citizen', 'citizen', 'citizen']);
});

it('no code path can change or remove an audit entry: the collection is only ever appended to', () => {
  const sources: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) sources.push(file);
    }
  };
  ['backend', 'cloudfunctions', 'server'].forEach((d) => walk(path.join(ROOT, d)));
  const uses: string[] = [];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    if (text.includes("'audit_log'") && !file.endsWith(path.join('backend', 'collections.ts')))
      uses.push(`${file}: names the collection directly`);
    // The local server's store reads (scan, hasCollection) are reads; through the SDK only add() may follow.
    for (const m of text.matchAll(/(?<!scan\(|hasCollection\()COLLECTIONS\.audit\)([^;]*)/g)) {
      if (!/^\s*\.add\(/.test(m[1] ?? '')) uses.push(`${path.relative(ROOT, file)}: ${m[0].slice(0, 80)}`);
    }
  }
  expect(uses).toEqual([]);
});
