/**
 * The permission matrix (issue #14, item 8), generated from the contracts: every action of every contract × every
 * kind of caller (anonymous, a citizen, the request's owner, each role of the organ, each role of another organ —
 * the roles from shared/policy ROLES). A caller the contract's access refuses gets UNAUTHENTICATED (no login) or
 * FORBIDDEN and the store is byte-for-byte unchanged (every collection dumped before and after); an allowed one
 * succeeds or fails for another reason (a payload valid for the action's input schema, with the world's real ids).
 * Beyond the roles: only the applicant reads her request, and another organ's staff neither change the organ's
 * records nor get its unpublished ones.
 */
import { allows } from '../../../shared/policy';
import type { Result } from '../../../shared/errors';
import { sampleValid } from './arbitraries';
import { ACTIONS, buildWorld, OWNER_ONLY, overrides, type ActionCase, type World } from './world';

jest.setTimeout(60_000);
let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 60_000);
afterAll(() => w.b.stop());

/** A payload the action's input schema accepts: generated from it, with the world's ids laid over. */
function payloadFor(a: ActionCase, seed: number): unknown {
  const generated = sampleValid(a.contract.input, seed);
  const extra = overrides(w)[a.name]?.();
  const both = typeof generated === 'object' && generated !== null && typeof extra === 'object' && extra !== null;
  const payload = both ? { ...generated, ...extra } : (extra ?? generated);
  const parsed = a.contract.input.safeParse(payload);
  if (!parsed.success) throw new Error(`${a.name}: no valid payload (add one to overrides): ${parsed.error.message}`);
  return payload;
}

const tally = { cells: 0, refused: 0, allowed: 0, succeeded: 0 };

describe.each(ACTIONS.map((a, i) => [a.name, a, i] as const))('%s', (_name, a, index) => {
  it('answers every kind of caller as its contract says, and a refusal changes nothing', async () => {
    for (const c of w.callers) {
      const payload = payloadFor(a, index);
      const before = w.watch.dump();
      const writes = w.watch.writes;
      const r: Result<unknown> = await w.b.call(c.openid, a.fn, a.action, payload);
      const cell = `${a.name} as ${c.name}`;
      tally.cells += 1;
      if (!allows(a.contract.access, c.role, c.openid !== null)) {
        tally.refused += 1;
        expect({ cell, code: r.ok ? 'ok' : r.code }).toEqual({
          cell,
          code: c.openid ? 'FORBIDDEN' : 'UNAUTHENTICATED',
        });
        expect(w.watch.writes).toBe(writes);
        expect(w.watch.dump()).toBe(before);
        continue;
      }
      tally.allowed += 1;
      if (r.ok) tally.succeeded += 1;
      // Another organ's staff may meet the handler's scope refusal (FORBIDDEN where their organ cannot act at all,
      // e.g. a county role in a township), which changes nothing; the organ's own people never do.
      const refusal = c.organ === 'B' ? /^(UNAUTHENTICATED|INTERNAL)$/ : /^(FORBIDDEN|UNAUTHENTICATED|INTERNAL)$/;
      if (!r.ok) expect({ cell, code: r.code }).toEqual({ cell, code: expect.not.stringMatching(refusal) });
      if (!r.ok && r.code === 'FORBIDDEN') expect({ cell, dump: w.watch.dump() }).toEqual({ cell, dump: before });
      if (OWNER_ONLY.has(a.name) && !c.owner) {
        // Someone else's request looks absent, and nothing is granted on it.
        expect({ cell, ok: r.ok }).toEqual({ cell, ok: false });
        expect(w.watch.dump()).toBe(before);
      }
      if (c.organ === 'B' && Array.isArray(a.contract.access)) {
        // Another organ's staff: organ A's records are untouched and its unpublished ones never answered.
        expect({ cell, organA: w.watch.slice(w.organA) }).toEqual({ cell, organA: sliceOf(before) });
        const text = JSON.stringify(r);
        for (const id of [w.ids.draft, w.ids.onlineRequest, w.ids.paperRequest, w.ids.statEntry, w.ids.reviewCase])
          expect({ cell, leaks: text.includes(id) }).toEqual({ cell, leaks: false });
      }
    }
  });
});

/** Organ A's documents in a dump taken before the call. */
function sliceOf(dump: string): string {
  const collections = JSON.parse(dump) as [string, Record<string, unknown>[]][];
  return JSON.stringify(collections.map(([c, docs]) => [c, docs.filter((d) => JSON.stringify(d).includes(w.organA))]));
}

describe('the matrix as a whole', () => {
  it('covered every action × every caller kind, and every allowed kind of caller reached its handler', () => {
    expect(tally.cells).toBe(ACTIONS.length * w.callers.length);
    expect(tally.allowed + tally.refused).toBe(tally.cells);
    // Each action has at least one caller who may call it, and most allowed calls succeed on real ids.
    expect(tally.succeeded).toBeGreaterThan(tally.allowed / 2);
    process.stdout.write(
      `permission matrix: ${ACTIONS.length} actions × ${w.callers.length} callers = ${tally.cells} cells, ` +
        `${tally.refused} refused, ${tally.allowed} allowed (${tally.succeeded} succeeded)\n`,
    );
  });
});
