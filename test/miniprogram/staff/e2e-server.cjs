/**
 * The real backend for the staff end-to-end test (e2e.test.ts), in its own Node process: the local server and
 * the SDK need Node's timers, which the jsdom test environment replaces. startBackend() + seedOrgan() from
 * test/backend/harness.ts, the file routes, a development login per person, then one JSON line on stdout
 * `{ url, logins: { editor, reviewer, leader, citizen } }`. Stops when stdin closes (the test ends).
 *
 *   node --import tsx test/miniprogram/staff/e2e-server.cjs
 *
 * Plain JS on purpose: miniprogram/tsconfig.json type-checks test/miniprogram/**\/*.ts with the mini program's
 * settings, and would otherwise pull the whole backend into that check (the root tsconfig checks the backend).
 */
const { createDevLogin } = require('../../../backend/dev-logins');
const { seedOrgan, runChild, serveUntilStdinCloses, startBackend } = require('../../backend/harness');
const { installFiles } = require('../../../server/files');

async function main() {
  const backend = await startBackend();
  // POST /files and GET /files/<id>, as `npm start` has them: the editor's photos go there.
  installFiles(backend.local.server.router, backend.local.dataDir, () => backend.db, backend.local.server.publicUrl);
  const organ = await seedOrgan(backend);
  const logins = {
    editor: await createDevLogin(backend.db, organ.editor, 'editor'),
    reviewer: await createDevLogin(backend.db, organ.reviewer, 'reviewer'),
    leader: await createDevLogin(backend.db, organ.leader, 'leader'),
    citizen: await createDevLogin(backend.db, 'oCitizen', 'citizen'),
  };
  serveUntilStdinCloses(backend, { url: backend.local.server.url, logins });
}

runChild('e2e-server', main);
