/**
 * The real backend for the organ admin's end-to-end test (admin-e2e.test.ts), in its own Node process (the local
 * server and the SDK need Node's timers, which jsdom replaces): startBackend() + seedOrgan(), a development login
 * for the admin, the editor and a newcomer who is not staff yet, then one JSON line on stdout
 * `{ url, logins: { admin, editor, newcomer } }`. Stops when stdin closes. Plain JS: see e2e-server.cjs.
 *
 * Besides /functions/<name>, `POST /at/<YYYY-MM-DD>/functions/<name>` runs the same handler with its clock set to
 * that day (10:00 Shanghai): a request received in a year still to come, through the real requests function.
 *
 *   node --import tsx test/miniprogram/staff/admin-e2e-server.cjs
 */
const { createDevLogin, openidForToken, LOGIN_HEADER } = require('../../../backend/dev-logins');
const { FUNCTION_HANDLERS } = require('../../../backend/functions');
const { seedOrgan, runChild, serveUntilStdinCloses, startBackend } = require('../../backend/harness');
const { readJson, sendJson } = require('../../../server/http/envelope');

async function main() {
  const backend = await startBackend();
  backend.local.server.router.post('/at/:date/functions/:name', async (req, res, { params }) => {
    const handler = FUNCTION_HANDLERS[params.name];
    const now = new Date(`${params.date}T10:00:00+08:00`);
    if (!handler || Number.isNaN(now.getTime())) {
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: 'no such function or date' });
      return;
    }
    const openid = await openidForToken(backend.db, req.headers[LOGIN_HEADER]);
    sendJson(res, 200, await handler(await readJson(req), { db: backend.db, openid, now: () => now }));
  });
  const organ = await seedOrgan(backend);
  const logins = {
    admin: await createDevLogin(backend.db, organ.admin, 'admin'),
    editor: await createDevLogin(backend.db, organ.editor, 'editor'),
    newcomer: await createDevLogin(backend.db, 'oNewcomer', 'citizen'),
  };
  serveUntilStdinCloses(backend, { url: backend.local.server.url, logins });
}

runChild('admin-e2e-server', main);
