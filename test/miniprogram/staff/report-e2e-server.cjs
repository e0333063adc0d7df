/**
 * The real backend for the report builder's end-to-end test (report-e2e.test.ts), in its own Node process (see
 * e2e-server.cjs): startBackend() + seedOrgan() of test/backend/harness.ts, last year's statistics and a closed
 * 复议 case entered through the real functions (the organ's latest year with records), a development login per
 * person, then one JSON line `{ url, year, logins }`. Stops when stdin closes.
 *
 *   node --import tsx test/miniprogram/staff/report-e2e-server.cjs
 */
const { createDevLogin } = require('../../../backend/dev-logins');
const { seedOrgan, runChild, serveUntilStdinCloses, startBackend } = require('../../backend/harness');

async function main() {
  const backend = await startBackend();
  const organ = await seedOrgan(backend);
  const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date())) - 1;
  await backend.ok(organ.editor, 'stats', 'create', { entry: { kind: 'count', metric: 'licensing.decisions', date: `${year}-03-15`, count: 4 } });
  await backend.ok(organ.editor, 'stats', 'create', { entry: { kind: 'count', metric: 'punishment.decisions', date: `${year}-06-20`, count: 1 } });
  await backend.ok(organ.editor, 'cases', 'create', { case: { kind: 'review', filedDate: `${year}-02-01`, result: 'upheld', closedDate: `${year}-04-01` } });
  const logins = {
    editor: await createDevLogin(backend.db, organ.editor, 'editor'),
    reviewer: await createDevLogin(backend.db, organ.reviewer, 'reviewer'),
    leader: await createDevLogin(backend.db, organ.leader, 'leader'),
    citizen: await createDevLogin(backend.db, 'oCitizen', 'citizen'),
  };
  serveUntilStdinCloses(backend, { url: backend.local.server.url, year, logins });
}

runChild('report-e2e-server', main);
