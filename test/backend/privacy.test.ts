/**
 * The privacy scan (issue #14): over the demo organ `npm start` seeds, every citizen-facing answer (anonymous, a
 * stranger, the applicant herself), the published reports and pages, the report export, and every log line the
 * run produced — the seeded applicants' ID numbers, phones and addresses appear zero times in clear.
 */
import { readFileSync } from 'node:fs';
import { FUNCTION_HANDLERS } from '../../backend/functions';
import { DEMO_OPENIDS, seedDemo } from '../../backend/seed';
import type { FunctionName } from '../../shared/api';
import { installPortal, SEED_REPORT_FILE } from '../../server/portal';
import { PATHS } from '../../shared/portal/pages';
import { startBackend, type Backend } from './harness';

jest.setTimeout(120_000);

// The applicants seedDemo files (backend/seed.ts): one online, one on paper.
const SECRETS = ['11010519491231002X', '13912345678', '扎毛乡德吉村'];
const logs: string[] = [];
const seen: { where: string; text: string }[] = [];
let b: Backend;

async function answer(openid: string | null, fn: FunctionName, action: string, payload: unknown): Promise<unknown> {
  const handler = FUNCTION_HANDLERS[fn];
  if (!handler) throw new Error(`no function ${fn}`);
  const r = await handler({ action, payload }, { db: b.db, openid, log: (l) => logs.push(l) });
  seen.push({ where: `${fn}.${action} as ${openid ?? 'anonymous'}`, text: JSON.stringify(r) });
  return r;
}

const data = <T>(r: unknown): T => (r as { data: T }).data;

beforeAll(async () => {
  const original = { log: console.log, error: console.error, warn: console.warn };
  for (const k of ['log', 'error', 'warn'] as const)
    jest.spyOn(console, k).mockImplementation((...args: unknown[]) => {
      logs.push(args.map(String).join(' '));
      void original;
    });
  b = await startBackend();
  installPortal(b.local.server.router, () => b.db);
  await seedDemo(b.db, readFileSync(SEED_REPORT_FILE, 'utf8'), new Date());
});

afterAll(async () => {
  jest.restoreAllMocks();
  await b.stop();
});

it('finds none of the seeded applicants’ ID numbers, phones or addresses in what citizens, the public and the logs see', async () => {
  for (const who of [null, 'oStranger', DEMO_OPENIDS.citizen]) {
    await answer(who, 'organ', 'me', {});
    const reports = data<{ id: string }[]>(await answer(who, 'reports', 'listPublished', {}));
    for (const r of reports) await answer(who, 'reports', 'getPublished', { id: r.id });
    const items = data<{ items: { id: string }[] }>(await answer(who, 'items', 'list', { pageSize: 50 }));
    for (const i of items.items) await answer(who, 'items', 'get', { id: i.id });
    if (who) {
      const mine = data<{ list: { id: string }[] }>(await answer(who, 'requests', 'mine', {}));
      for (const m of mine?.list ?? []) await answer(who, 'requests', 'view', { id: m.id });
    }
  }
  const organs = await b.db.collection('organs').limit(1).get();
  const organId = String((organs.data as { _id: string }[])[0]?._id);
  await answer(null, 'organ', 'getProfile', { organId });
  // Strangers trying the 申请编号 with guessed digits, and the right ones (the public view).
  const staffList = data<{ list: { id: string; applicationNo: string }[] }>(
    await answer(DEMO_OPENIDS.editor, 'requests', 'list', { pageSize: 50 }),
  );
  // The clerk handling a request sees the applicant in full: the secrets are there to be found, so the scan can fail.
  const handling = JSON.stringify(
    await FUNCTION_HANDLERS.requests?.(
      { action: 'get', payload: { id: staffList.list[0]?.id } },
      { db: b.db, openid: DEMO_OPENIDS.editor },
    ),
  );
  expect(SECRETS.filter((s) => handling.includes(s)).length).toBeGreaterThan(0);
  for (const row of staffList.list) {
    await answer(null, 'requests', 'track', { organId, applicationNo: row.applicationNo, phoneLast4: '0000' });
    await answer('oStranger', 'requests', 'track', { organId, applicationNo: row.applicationNo, phoneLast4: '5678' });
  }
  // The published report as the public pages serve it, and as staff export it for the portal.
  const reports = data<{ id: string }[]>(await answer(null, 'reports', 'listPublished', {}));
  const items = data<{ items: { id: string }[] }>(await answer(null, 'items', 'list', { pageSize: 50 }));
  const pages = [
    PATHS.home,
    PATHS.guide,
    PATHS.catalogue,
    PATHS.reports,
    PATHS.csv,
    PATHS.json,
    ...reports.flatMap((r) => [PATHS.report(r.id), PATHS.reportPrint(r.id)]),
    ...items.items.map((i) => PATHS.item(i.id)),
  ];
  for (const path of pages) {
    const page = await fetch(`${b.local.server.url}/${path}`);
    expect(page.status).toBe(200);
    seen.push({ where: `GET /${path}`, text: await page.text() });
  }
  for (const r of reports) await answer(DEMO_OPENIDS.editor, 'reports', 'exportHtml', { id: r.id });
  seen.push({ where: 'log lines', text: logs.join('\n') });

  const leaks = seen.flatMap(({ where, text }) =>
    SECRETS.filter((s) => text.includes(s)).map((s) => `${s} in ${where}`),
  );
  console.info(`privacy scan: ${seen.length} answers, pages and logs scanned, ${leaks.length} leaks`);
  expect(seen.length).toBeGreaterThan(20);
  expect(seen.some((s) => s.where.startsWith('requests.view') && s.text.includes('"ok":true'))).toBe(true);
  expect(leaks).toEqual([]);
});
