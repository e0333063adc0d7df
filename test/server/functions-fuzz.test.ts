/**
 * Every action fuzzed through the real local server over HTTP (issue #14, item 8): `POST /functions/<name>` with a
 * development login in `x-gongkai-login`, the event as JSON — hostile JSON and near misses, fewer per action than
 * in process (test/backend/reliability), since each pays a round trip. Every answer is JSON with `ok`, never
 * INTERNAL; a payload the contract refuses writes nothing.
 */
import fc from 'fast-check';
import { createDevLogin, LOGIN_HEADER } from '../../backend/dev-logins';
import type { Result } from '../../shared/errors';
import { fuzzPayloadOf } from '../backend/reliability/arbitraries';
import { contractRefuses, expectSafeAnswer, fuzzCallerOf, fuzzRuns, fuzzSeed } from '../backend/reliability/fuzz';
import { ACTIONS, buildWorld, type World } from '../backend/reliability/world';

const RUNS = fuzzRuns(30, 'FUZZ_HTTP_RUNS');
jest.setTimeout(Math.max(60_000, RUNS * 200));
let w: World;
const tokens = new Map<string, string>();
beforeAll(async () => {
  w = await buildWorld();
  for (const c of w.callers) if (c.openid) tokens.set(c.openid, await createDevLogin(w.b.db, c.openid, c.name));
}, 60_000);
afterAll(() => w.b.stop());

it.each(ACTIONS.map((a, i) => [a.name, a, i] as const))(
  `%s: ${RUNS} hostile payloads over HTTP`,
  async (_n, a, index) => {
    const caller = fuzzCallerOf(w, a);
    const token = caller.openid ? tokens.get(caller.openid) : undefined;
    const seed = fuzzSeed(index);
    await fc.assert(
      fc.asyncProperty(fuzzPayloadOf(a.contract.input), async (payload) => {
        const mark = w.watch.written.length;
        const body = JSON.stringify({ action: a.action, payload });
        const res = await fetch(`${w.b.local.server.url}/functions/${a.fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { [LOGIN_HEADER]: token } : {}) },
          body,
        });
        const answer = (await res.json()) as Result<unknown>;
        expect(res.status).toBe(200);
        expect(typeof answer.ok).toBe('boolean');
        // What the server received: the payload as JSON carries it.
        const sent = (JSON.parse(body) as { payload?: unknown }).payload;
        expectSafeAnswer(w, a, sent, answer, mark);
        if (contractRefuses(a, sent)) expect(w.watch.written.slice(mark)).toEqual([]);
      }),
      { numRuns: RUNS, ...(seed === undefined ? {} : { seed }) },
    );
  },
);
