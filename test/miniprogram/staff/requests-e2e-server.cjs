/**
 * The real backend for the 依申请 desk end-to-end test (requests-e2e.test.ts), in its own Node process (the local
 * server and the SDK need Node's timers, which jsdom replaces): startBackend() + seedOrgan(), a development login
 * for the editor (the clerk at the desk) and a citizen, then one JSON line on stdout
 * `{ url, organId, logins: { editor, citizen } }`. Stops when stdin closes. Plain JS: see e2e-server.cjs.
 *
 *   node --import tsx test/miniprogram/staff/requests-e2e-server.cjs
 */
const { createDevLogin } = require('../../../backend/dev-logins');
const { seedOrgan, runChild, serveUntilStdinCloses, startBackend } = require('../../backend/harness');

async function main() {
  const backend = await startBackend();
  const organ = await seedOrgan(backend);
  const logins = {
    editor: await createDevLogin(backend.db, organ.editor, 'editor'),
    citizen: await createDevLogin(backend.db, 'oCitizen', 'citizen'),
  };
  serveUntilStdinCloses(backend, { url: backend.local.server.url, organId: organ.organId, logins });
}

runChild('requests-e2e-server', main);
