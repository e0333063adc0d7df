/**
 * The real backend for the report builder's end-to-end test (report-e2e.test.ts), in its own Node process (see
 * e2e-server.cjs): startBackend() of test/backend/harness.ts with the demo organ `npm start` creates (seedDemo:
 * its 2023 report imported, items, last year's statistics and a 复议 case filed last year, all dated relative to
 * today), then one JSON line `{ url, year, logins }` with last year as the year to build.
 * Stops when stdin closes.
 *
 *   node --import tsx test/miniprogram/staff/report-e2e-server.cjs
 */
const { readFileSync } = require('node:fs');
const { demoLogins, seedDemo } = require('../../../backend/seed');
const { SEED_REPORT_FILE } = require('../../../server/portal');
const { runChild, serveUntilStdinCloses, startBackend } = require('../../backend/harness');

async function main() {
  const backend = await startBackend();
  const today = new Date();
  await seedDemo(backend.db, readFileSync(SEED_REPORT_FILE, 'utf8'), today);
  const logins = await demoLogins(backend.db, backend.local.server.adminKey.secretKey);
  const year =
    Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(today)) - 1;
  serveUntilStdinCloses(backend, { url: backend.local.server.url, year, logins });
}

runChild('report-e2e-server', main);
