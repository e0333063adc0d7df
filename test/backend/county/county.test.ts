/**
 * The county view through the real functions, the SDK and the local server: a county account sees the organs under
 * it with their statuses, findings and figures, returns a report with a comment the township sees on its 工作台
 * (with a WeChat reminder queued), publishes on the township's behalf, pastes in the report of an organ not on the
 * product — and never sees another county's organs or anyone's personal data.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COLLECTIONS } from '../../../backend/collections';
import { createSetupCode } from '../../../backend/organ';
import { rows } from '../../../backend/sdk';
import { townshipReportText } from '../../../backend/seed-county';
import { CELL_ADDRESSES } from '../../../shared/format';
import { importReportText } from '../../../shared/import/report-text';
import type { CountyDashboard, CountyImported, CountyReportView } from '../../../shared/api/county';
import type { ReportStatus } from '../../../shared/api/reports';
import { ORGAN, seedOrgan, startBackend, type Backend } from '../harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

const YEAR = 2025;
const SECTIONS = {
  overview: '本年度主动公开政府信息 12 条。工作考核、社会评议和责任追究结果情况：无。',
  problems: '一是公开内容不够全面。改进情况：加强培训。',
  other: '本年度未收取信息处理费。',
};
const APPLICANT = { name: '卓玛措', idNumber: '11010519491231002X', phone: '13912345678', address: '扎毛乡德吉村' };
const SEED_REPORT = fs.readFileSync(path.join(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

/** A county organ (by a county setup code) with its admin and one county reviewer. */
async function seedCounty(suffix: string, name: string): Promise<{ countyId: string; admin: string; county: string }> {
  const admin = `oCountyAdmin${suffix}`;
  const code = await createSetupCode(b.db, randomBytes, new Date(), 7, 'county');
  const { organId } = await b.ok<{ organId: string }>(admin, 'organ', 'setup', {
    code,
    organ: { ...ORGAN, name, creditCode: '11632323MB12345670' },
    displayName: '县政务公开办管理员',
  });
  const invite = await b.ok<{ code: string }>(admin, 'organ', 'invite', { role: 'county' });
  const county = `oCounty${suffix}`;
  await b.ok(county, 'organ', 'bind', { code: invite.code, displayName: '县政务公开办 审核员' });
  return { countyId: organId, admin, county };
}

async function join(countyStaff: string, townshipAdmin: string): Promise<void> {
  const { code } = await b.ok<{ code: string }>(countyStaff, 'county', 'inviteOrgan', {});
  await b.ok(townshipAdmin, 'organ', 'joinCounty', { code });
}

/** The township's report through its own chain: submit, 分管领导, 第一负责人. */
async function approveChain(o: Awaited<ReturnType<typeof seedOrgan>>): Promise<unknown> {
  await b.ok(o.editor, 'reports', 'submit', { year: YEAR });
  await b.ok(o.reviewer, 'reports', 'approve', { year: YEAR });
  return b.ok(o.leader, 'reports', 'approve', { year: YEAR });
}

it('a county sees its organs, returns a report with a comment the township sees, and publishes on its behalf', async () => {
  const c = await seedCounty('-main', '青禾县人民政府办公室');
  const other = await seedCounty('-other', '远山县人民政府办公室');
  const town = await seedOrgan(b, '-county-a');
  const stranger = await seedOrgan(b, '-county-b');
  await join(c.county, town.admin);
  await join(other.county, stranger.admin);

  // The township's editor takes WeChat reminders of returns (one accept = one message).
  await b.ok(town.admin, 'organ', 'updateProfile', { patch: { templateIds: { itemReturned: 'tpl-returned' } } });
  await b.ok(town.editor, 'organ', 'grantReminder', { purpose: 'itemReturned', templateId: 'tpl-returned' });
  // A request with an applicant's personal data: the county must never see any of it.
  await b.ok(town.editor, 'requests', 'record', {
    entry: {
      applicantType: 'natural',
      idType: 'idCard',
      description: '请公开本乡草原生态保护补助奖励资金的发放标准',
      deliveryForm: 'paper',
      channel: 'post',
      receivedDate: '2025-06-02',
      ...APPLICANT,
    },
    idempotencyKey: 'county-test-request-1',
  });

  let board = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: YEAR });
  expect(board.organs.map((r) => [r.organId, r.state, r.overdue])).toEqual([[town.organId, 'notStarted', true]]);
  expect(board.dueDate).toBe('2026-01-31');

  // Written, then through the township's own chain: the last approval submits to the county, publishing nothing.
  await b.ok(town.editor, 'reports', 'saveNarrative', { year: YEAR, version: 0, sections: SECTIONS });
  board = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: YEAR });
  expect(board.organs[0]).toMatchObject({ state: 'drafting', stateLabel: '编制中' });
  expect(await approveChain(town)).toEqual({ status: 'submitted', step: null });
  expect(await b.ok(null, 'reports', 'listPublished', { organId: town.organId })).toEqual([]);
  board = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: YEAR });
  expect(board.organs[0]).toMatchObject({
    state: 'submitted',
    errors: 0,
    figures: { requestsReceived: 1, carriedOver: 0, reviews: 0, suits: 0 },
  });
  expect(board.organs[0]?.submittedAt).not.toBeNull();
  expect(board.totals).toMatchObject({ submitted: 1, organs: 1 });
  // Submitted, not published: the county reads the whole report (every table cell, the text), nothing more.
  const view = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: town.organId, year: YEAR });
  expect(view.report?.cells['applications.newReceived.total']).toBe(1);
  expect(Object.keys(view.report?.cells ?? {})).toHaveLength(CELL_ADDRESSES.length);
  expect(view.report?.sections.problems).toBe(SECTIONS.problems);
  const submittedSeen = JSON.stringify(view);

  // Returned with a comment: the township's 工作台 shows it, its draft opens again, its editor gets a reminder.
  const comment = '上年结转数与上年报告不一致，请核对后重新报送';
  const back = await b.ok<{ row: { state: string } }>(c.county, 'county', 'return', {
    organId: town.organId,
    year: YEAR,
    comment,
  });
  expect(back.row.state).toBe('returned');
  expect(await b.ok<ReportStatus>(town.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
    status: 'returned',
    stepLabel: '县级退回修改',
    countyComment: comment,
  });
  const reminders = rows(
    await b.db.collection(COLLECTIONS.notifications).where({ organId: town.organId, purpose: 'itemReturned' }).get(),
  );
  expect(reminders).toHaveLength(1);
  expect(reminders[0]).toMatchObject({ page: `staff/pages/report/index?year=${YEAR}`, reportYear: YEAR });
  // Only a submitted report is returned or published: the county cannot act on it again now.
  expect(await b.call(c.county, 'county', 'publish', { organId: town.organId, year: YEAR })).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });
  await b.ok(town.editor, 'reports', 'saveNarrative', { year: YEAR, version: 1, sections: { other: '已核对。' } });
  const returned = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: town.organId, year: YEAR });
  expect(returned.row).toMatchObject({ state: 'returned', returnComment: comment });
  // Returned: still the report the county returned, whole, to read beside its comment.
  expect(returned.report).toEqual(view.report);

  // Submitted again and published by the county on the township's behalf: version 1 of the township's report.
  await approveChain(town);
  const published = await b.ok<{ row: { state: string; version: number }; published: { organId: string } }>(
    c.county,
    'county',
    'publish',
    { organId: town.organId, year: YEAR },
  );
  expect(published.row).toMatchObject({ state: 'published', version: 1 });
  expect(published.published.organId).toBe(town.organId);
  expect(await b.ok<ReportStatus>(town.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
    status: 'published',
    countyComment: null,
  });
  const final = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: town.organId, year: YEAR });
  expect(final.returns).toEqual([{ comment, at: expect.any(String) as string }]);
  expect(final.versions.map((v) => v.version)).toEqual([1]);

  // A correction: reopened with a reason (编制中 to the county), through the chain, published by the county as
  // version 2 with that reason beside it.
  const reason = '更正表三上年结转数';
  await b.ok(town.editor, 'reports', 'correct', { year: YEAR, reason });
  board = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: YEAR });
  expect(board.organs[0]).toMatchObject({ state: 'drafting', version: 1 });
  // Being corrected, back with the township: no report to read until it is submitted again.
  expect(
    (await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: town.organId, year: YEAR })).report,
  ).toBeNull();
  await approveChain(town);
  await b.ok(c.county, 'county', 'publish', { organId: town.organId, year: YEAR });
  const corrected = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: town.organId, year: YEAR });
  expect(corrected.versions.map((v) => [v.version, v.reason])).toEqual([
    [1, null],
    [2, reason],
  ]);
  expect(corrected.row).toMatchObject({ state: 'published', version: 2 });
  expect(Object.keys(corrected.report?.cells ?? {})).toHaveLength(CELL_ADDRESSES.length);

  // Another county: the township is not in its list, and reads as absent to it.
  const theirs = await b.ok<CountyDashboard>(other.county, 'county', 'dashboard', { year: YEAR });
  expect(theirs.organs.map((r) => r.organId)).toEqual([stranger.organId]);
  for (const action of ['report', 'publish'] as const)
    expect(await b.call(other.county, 'county', action, { organId: town.organId, year: YEAR })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  expect(
    await b.call(other.county, 'county', 'return', { organId: town.organId, year: YEAR, comment: '退回' }),
  ).toMatchObject({ ok: false, code: 'NOT_FOUND' });

  // Never personal data: the organ's requests and records are closed to the county role, and nothing it is
  // answered carries the applicant's name, ID number, phone or address.
  for (const [fn, action, payload] of [
    ['requests', 'list', {}],
    ['reports', 'build', { year: YEAR }],
    ['reports', 'cellRecords', { year: YEAR, cell: 'applications.newReceived.total' }],
    ['stats', 'list', { year: YEAR }],
  ] as const)
    expect(await b.call(c.county, fn, action, payload)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  const seen = JSON.stringify([
    submittedSeen,
    await b.ok(c.county, 'county', 'dashboard', { year: YEAR }),
    await b.ok(c.county, 'county', 'report', { organId: town.organId, year: YEAR }),
    await b.ok(c.county, 'county', 'organs', {}),
  ]);
  for (const value of Object.values(APPLICANT)) expect(seen).not.toContain(value);
  // An organ's staff cannot use the county's actions, nor a township its own admin's role to see a county.
  expect(await b.call(town.admin, 'county', 'dashboard', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
}, 60_000);

it('the county pastes in the report of an organ not on the product, matched by name after normalisation', async () => {
  const c = await seedCounty('-paste', '同仁市人民政府办公室');
  // The report names “扎毛乡” (its title): the organ does not exist yet, so it is created, off the product.
  const first = await b.ok<CountyImported>(c.county, 'county', 'importReport', { text: SEED_REPORT });
  expect(first).toMatchObject({
    matchedBy: 'created',
    row: { state: 'published', onProduct: false, source: 'pasted', year: 2023, version: 1 },
  });
  // The same report pasted again is matched to that organ (a second version), not a new row.
  const again = await b.ok<CountyImported>(c.county, 'county', 'importReport', { text: SEED_REPORT });
  expect(again).toMatchObject({ matchedBy: 'name', row: { organId: first.row.organId, version: 2 } });
  // Renamed to its full name with an alias: still one organ.
  await b.ok(c.county, 'county', 'setAliases', { organId: first.row.organId, aliases: ['扎毛藏族乡'] });
  const organs = await b.ok<{ organId: string; aliases: string[] }[]>(c.county, 'county', 'organs', {});
  expect(organs).toEqual([
    { organId: first.row.organId, name: expect.any(String) as string, aliases: ['扎毛藏族乡'], onProduct: false },
  ]);
  // A twin is refused: the county sets an alias instead.
  expect(await b.call(c.county, 'county', 'addOrgan', { organName: '同仁市扎毛乡人民政府' })).toMatchObject({
    ok: false,
    code: 'CONFLICT',
  });

  // The township comes on the product (its 2023 report imported there) and joins: the county's twin of it leaves
  // the list, and the county's row of 2023 is now the township's own published version.
  // The county also holds its 2022 report, pasted: that row becomes the township's.
  const figures = { items: 120, licences: 3, carriedOver: 0 };
  const text2022 = townshipReportText(importReportText(SEED_REPORT), '扎毛乡人民政府', 2022, figures);
  await b.ok(c.county, 'county', 'importReport', { text: text2022 });
  const town = await seedOrgan(b, '-paste-town');
  await b.ok(town.admin, 'reports', 'importPublished', { text: SEED_REPORT });
  await join(c.county, town.admin);
  const after = await b.ok<{ organId: string }[]>(c.county, 'county', 'organs', {});
  expect(after.map((o) => o.organId)).toEqual([town.organId]);
  const board2023 = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: 2023 });
  expect(board2023.organs).toEqual([
    expect.objectContaining({ organId: town.organId, state: 'published', source: 'imported', version: 1 }),
  ]);
  expect((await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: 2022 })).organs).toEqual([
    expect.objectContaining({ organId: town.organId, state: 'published', source: 'pasted', onProduct: true }),
  ]);
  // Its imports after joining reach the county's dashboard too.
  await b.ok(town.admin, 'reports', 'importPublished', { text: SEED_REPORT });
  expect((await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: 2023 })).organs).toEqual([
    expect.objectContaining({ organId: town.organId, state: 'published', source: 'imported', version: 2 }),
  ]);
  // An organ on the product writes and submits its own report: the county cannot paste over it.
  expect(await b.call(c.county, 'county', 'importReport', { text: SEED_REPORT, organId: town.organId })).toMatchObject({
    ok: false,
    code: 'FORBIDDEN',
  });
  // The due date is the county's to set; the township's 工作台 counts down to it.
  await b.ok(c.county, 'county', 'settings', { dueDate: '02-15' });
  expect(await b.ok<ReportStatus>(town.editor, 'reports', 'status', { year: YEAR })).toMatchObject({
    dueDate: '2026-02-15',
  });
  // A county role is invited only by a county: a township's admin cannot make one.
  expect(await b.call(town.admin, 'organ', 'invite', { role: 'county' })).toMatchObject({
    ok: false,
    code: 'VALIDATION',
  });
  // 机关设置 shows each admin where the organ stands: under its county (named), or a county itself.
  expect(await b.ok(town.admin, 'organ', 'settings', {})).toMatchObject({
    isCounty: false,
    county: '同仁市人民政府办公室',
  });
  expect(await b.ok(c.admin, 'organ', 'settings', {})).toMatchObject({ isCounty: true, county: null });
  // An organ joins one county, once.
  const { code } = await b.ok<{ code: string }>(c.county, 'county', 'inviteOrgan', {});
  expect(await b.call(town.admin, 'organ', 'joinCounty', { code })).toMatchObject({ ok: false, code: 'CONFLICT' });
}, 60_000);

it('the dashboard counts the notes among peers that the report page shows', async () => {
  const c = await seedCounty('-notes', '黄南县人民政府办公室');
  const base = importReportText(SEED_REPORT);
  const paste = (organ: string, items: number) =>
    b.ok<CountyImported>(c.county, 'county', 'importReport', {
      text: townshipReportText(base, organ, 2023, { items, licences: 3, carriedOver: 0 }),
    });
  // 0 主动公开 stated: a note among peers (proactiveZero), not one of the report's own findings.
  const zero = await paste('多哇乡人民政府', 0);
  await paste('双朋西乡人民政府', 120);
  const board = await b.ok<CountyDashboard>(c.county, 'county', 'dashboard', { year: 2023 });
  expect(board.organs).toHaveLength(2);
  for (const line of board.organs) {
    const view = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: line.organId, year: 2023 });
    expect(line.notes).toBe(view.findings.filter((f) => f.level === 'info').length);
  }
  const line = board.organs.find((o) => o.organId === zero.row.organId);
  expect(line?.notes).toBe(zero.row.notes + 1);
  const view = await b.ok<CountyReportView>(c.county, 'county', 'report', { organId: zero.row.organId, year: 2023 });
  expect(view.findings.filter((f) => f.check === 'proactiveZero')).toHaveLength(1);
});
