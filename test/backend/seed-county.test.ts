/** The demo county of `npm start`: a newcomer logging in as `county` sees the dashboard filled, the planted error found. */
import { readFileSync } from 'node:fs';
import { DEMO_COUNTY } from '../../backend/seed-county';
import { seedDemo } from '../../backend/seed';
import type { CountyDashboard, CountyReportView } from '../../shared/api/county';
import { SEED_REPORT_FILE } from '../../server/portal';
import { startBackend, type Backend } from './harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

it('seeds a county whose dashboard shows every state, the figures side by side and the planted carry-over error', async () => {
  const today = new Date();
  await seedDemo(b.db, readFileSync(SEED_REPORT_FILE, 'utf8'), today);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(today));
  const board = await b.ok<CountyDashboard>(DEMO_COUNTY.reviewer, 'county', 'dashboard', {});
  expect(board.year).toBe(year - 1);
  const byName = new Map(board.organs.map((r) => [r.organ, r]));
  expect([...byName.keys()].sort()).toEqual(
    ['双朋西乡人民政府', '多哇镇人民政府', '黄乃亥乡人民政府', '曲库乎乡人民政府'].sort(),
  );
  expect(byName.get('双朋西乡人民政府')).toMatchObject({ state: 'submitted', onProduct: true, errors: 0 });
  expect(byName.get('多哇镇人民政府')).toMatchObject({
    state: 'published',
    onProduct: false,
    errors: 0,
    figures: { itemsPublished: 203, carriedOver: 0 },
  });
  const planted = byName.get('黄乃亥乡人民政府');
  // One planted break (上年结转 2 against the year before's 结转 0), found in its column and in the total.
  expect(planted).toMatchObject({ state: 'published', errors: 2, figures: { carriedOver: 2 } });
  expect(byName.get('曲库乎乡人民政府')).toMatchObject({ state: 'notStarted' });
  const view = await b.ok<CountyReportView>(DEMO_COUNTY.reviewer, 'county', 'report', {
    organId: planted?.organId,
    year: year - 1,
  });
  expect(view.findings.filter((f) => f.level === 'error').map((f) => f.check)).toEqual([
    'carryOverApplications',
    'carryOverApplications',
  ]);
}, 120_000);
