/** The demo seed's dates follow the day it is first started: nothing is months overdue on a later start. */
import './harness';
import { readFileSync } from 'node:fs';
import { COLLECTIONS } from '../../backend/collections';
import { daysBefore, seedDemo } from '../../backend/seed';
import { rows } from '../../backend/sdk';
import { isCategoryKey } from '../../shared/catalogue/categories';
import { SEED_REPORT_FILE } from '../../server/portal';
import { startLocal, type LocalServer } from '../server/helpers/local';

let local: LocalServer;
beforeAll(async () => {
  local = await startLocal();
}, 60_000);
afterAll(() => local.stop());

// A day in the past (the functions refuse future dates by the real clock), early in January: the hard case.
it('dates the demo relative to the day it is seeded', async () => {
  const day = new Date('2026-01-05T09:00:00+08:00');
  expect(daysBefore(day, 3)).toBe('2026-01-02');
  const { organId } = await seedDemo(local.db, readFileSync(SEED_REPORT_FILE, 'utf8'), day);
  expect(organId).toBeTruthy();
  const requests = rows(await local.db.collection(COLLECTIONS.requests).get());
  const paper = requests.find((r) => r.channel === 'post');
  expect(paper?.receivedDate).toBe('2026-01-02');
  const items = rows(await local.db.collection(COLLECTIONS.items).get());
  for (const item of items) expect(String(item.writtenDate) <= '2026-01-05').toBe(true);
  expect(items.map((i) => i.category).sort()).toEqual(['agriculture', 'agriculture', 'agriculture', 'assistance']);
  // A citizen never meets a raw key: every seeded category is one of the catalogue's, shown by its label.
  for (const item of items) expect(isCategoryKey(String(item.category))).toBe(true);
  // The imported 2023 report carries its own publish date, not the day it was seeded.
  const [report] = rows(await local.db.collection(COLLECTIONS.publishedReports).get());
  expect(report).toMatchObject({ year: 2023, publishedAt: '2024-01-30T16:00:00.000Z', source: 'imported' });
  const stats = rows(await local.db.collection(COLLECTIONS.statEntries).get()).map((s) => String(s.date));
  for (const d of stats) expect(d <= '2026-01-05' && d >= '2025-01-01').toBe(true);
  expect(stats.filter((d) => d.startsWith('2026'))).toHaveLength(2);
  const cases = rows(await local.db.collection(COLLECTIONS.cases).get());
  // filed last year, decided this year (on 5 January: 3 January)
  expect(cases[0]).toEqual(expect.objectContaining({ filedDate: '2025-11-02', closedDate: '2026-01-03' }));
}, 120_000);
