/**
 * A transactional action's `prepare` (backend/runtime.ts) reads once before the transaction: when a conflict re-runs the
 * transaction body, the preparation is not repeated, and the body sees its result. reports.approve counts the
 * report's records this way, so its transaction holds only the draft, the published version and the audit.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../backend/collections';
import { defineFunction } from '../../backend/runtime';
import { defineContract } from '../../shared/api/contract';
import { one } from '../../backend/sdk';
import { startBackend, type Backend } from './harness';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.stop());

it('prepares once, then runs the transaction until it commits, handing it what was prepared', async () => {
  let prepares = 0;
  let runs = 0;
  // A public, transactional action: it stands in for any one.
  const contract = defineContract({
    me: { input: z.object({}), answer: z.unknown(), access: 'public', transactional: true },
  });
  const fn = defineFunction('organ', contract, {
    me: {
      prepare: async () => {
        prepares += 1;
        return { counted: 42 };
      },
      async transaction(_input, ctx) {
        runs += 1;
        const counter = ctx.tx.collection(COLLECTIONS.counters).doc('prepare-test');
        const before = one(await counter.get());
        // The first run loses a race: someone else writes the document it read.
        if (runs === 1) await ctx.db.collection(COLLECTIONS.counters).doc('prepare-test').set({ n: 100 });
        await counter.set({ n: Number(before?.n ?? 0) + 1 });
        return ctx.prepared;
      },
    },
  });
  const answer = await fn({ action: 'me', payload: {} }, { db: b.db, openid: null, log: () => undefined });
  expect(answer).toEqual({ ok: true, data: { counted: 42 } });
  expect(runs).toBe(2);
  expect(prepares).toBe(1);
  expect(one(await b.db.collection(COLLECTIONS.counters).doc('prepare-test').get())?.n).toBe(101);
}, 30_000); // measured 1.2 s under load
