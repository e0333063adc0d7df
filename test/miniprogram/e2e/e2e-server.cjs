/**
 * The real backend for the citizen end-to-end test (citizen.test.ts), in its own Node process (the local server
 * and the SDK need Node's timers, which the jsdom environment replaces): startBackend() + seedOrgan() from
 * test/backend/harness.ts, one item published THROUGH THE FUNCTIONS (editor drafts and submits, the reviewer
 * approves with the 保密审查, the leader publishes), a development login for the reviewer and a citizen, then one
 * JSON line on stdout `{ url, organId, itemId, title, logins: { reviewer, citizen } }`. Stops when stdin closes.
 *
 *   node --import tsx test/miniprogram/e2e/e2e-server.cjs
 *
 * Plain JS for the same reason as test/miniprogram/staff/e2e-server.cjs: miniprogram/tsconfig.json would pull the
 * backend into the mini program's type check.
 */
const { createDevLogin } = require('../../../backend/dev-logins');
const {
  CHECKLIST,
  itemContent,
  seedOrgan,
  runChild,
  serveUntilStdinCloses,
  startBackend,
} = require('../../backend/harness');

const TITLE = '扎毛乡2026年草原生态保护补助奖励资金发放公示';

async function main() {
  const backend = await startBackend();
  const organ = await seedOrgan(backend, 'E2e');
  const { id } = await backend.ok(organ.editor, 'items', 'create', {
    content: itemContent(TITLE, {
      category: 'assistance',
      docNo: '扎政发〔2026〕7号',
      body: '各村：现将草原生态保护补助奖励资金发放情况公示如下。',
    }),
  });
  await backend.ok(organ.editor, 'items', 'submit', { id });
  await backend.ok(organ.reviewer, 'items', 'approve', { id, checklist: CHECKLIST });
  await backend.ok(organ.leader, 'items', 'approve', { id, comment: '同意发布' });
  // A second published item the keyword must not find.
  const other = await backend.ok(organ.editor, 'items', 'create', {
    content: itemContent('扎毛乡春季森林防火工作方案', { category: 'emergency' }),
  });
  await backend.ok(organ.editor, 'items', 'submit', { id: other.id });
  await backend.ok(organ.reviewer, 'items', 'approve', { id: other.id, checklist: CHECKLIST });
  await backend.ok(organ.leader, 'items', 'approve', { id: other.id });
  // The demo organ's published 2023 report: the seed imported through the reports function, as npm start does.
  const seedText = require('node:fs').readFileSync(
    require('node:path').join(__dirname, '../../../server/seed/zhamao-2023-report.txt'),
    'utf8',
  );
  const report = await backend.ok(organ.admin, 'reports', 'importPublished', { text: seedText });
  const logins = {
    reviewer: await createDevLogin(backend.db, organ.reviewer, 'reviewer'),
    citizen: await createDevLogin(backend.db, 'oCitizenE2e', 'citizen'),
  };
  serveUntilStdinCloses(backend, {
    url: backend.local.server.url,
    organId: organ.organId,
    itemId: id,
    title: TITLE,
    reportId: report.id,
    logins,
  });
}

runChild('e2e-server', main);
