/** The router and the app shell: extra routes, parameters, 404, ports. */
import { sendJson } from '../../server/http/envelope';
import { type LocalServer, startLocal } from './helpers/local';

let local: LocalServer;

beforeAll(async () => {
  local = await startLocal({
    routes: (router) => {
      router.get('/', (_req, res) => sendJson(res, 200, { page: 'home' }));
      router.post('/functions/:name', (_req, res, ctx) =>
        sendJson(res, 200, { fn: ctx.params.name, q: ctx.url.searchParams.get('q') }),
      );
      router.get('/files/*', (_req, res, ctx) => sendJson(res, 200, { rest: ctx.params['*'] }));
      router.get('/boom', () => {
        throw new Error('kaboom');
      });
    },
    log: () => undefined,
  });
});

afterAll(async () => {
  await local.stop();
});

const json = async (res: Response): Promise<unknown> => res.json();

it('binds an ephemeral port when asked for port 0', () => {
  expect(local.server.port).toBeGreaterThan(0);
  expect(local.server.url).toBe(`http://127.0.0.1:${local.server.port}`);
});

it('serves routes registered through options and later through the returned router', async () => {
  expect(await json(await fetch(`${local.server.url}/`))).toEqual({ page: 'home' });
  const fn = await fetch(`${local.server.url}/functions/%E5%B9%B4%E6%8A%A5?q=1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
  });
  expect(await json(fn)).toEqual({ fn: '年报', q: '1' });
  expect(await json(await fetch(`${local.server.url}/files/a/b.txt`))).toEqual({ rest: 'a/b.txt' });
  local.server.router.get('/late', (_req, res) => sendJson(res, 200, { late: true }));
  expect(await json(await fetch(`${local.server.url}/late`))).toEqual({ late: true });
});

it('answers unknown routes with 404 and handler failures with 500', async () => {
  expect((await fetch(`${local.server.url}/functions/x`)).status).toBe(404); // GET, route is POST
  expect((await fetch(`${local.server.url}/admin`)).status).toBe(404);
  expect((await fetch(`${local.server.url}/boom`)).status).toBe(500);
});

it('matches literal segments, parameters and a trailing wildcard, first registration winning', async () => {
  const { router, url } = local.server;
  router.get('/a/:id/b', (_req, res, ctx) => sendJson(res, 200, { ab: ctx.params.id }));
  router.get('/a/first/b', (_req, res) => sendJson(res, 200, { shadowed: true }));
  router.all('/x/*', (req, res, ctx) => sendJson(res, 200, { x: ctx.params['*'], method: req.method }));
  expect(await json(await fetch(`${url}/a/first/b`))).toEqual({ ab: 'first' });
  expect((await fetch(`${url}/a/7`)).status).toBe(404);
  expect(
    await json(await fetch(`${url}/x/1/2`, { method: 'DELETE', headers: { 'content-type': 'application/json' } })),
  ).toEqual({ x: '1/2', method: 'DELETE' });
  expect((await fetch(`${url}/a/%E0%A4%A/b`)).status).toBe(404); // malformed escape matches nothing
});
