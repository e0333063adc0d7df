/**
 * One idempotency mechanism: a write called again with the same requestId answers its stored first answer, stored
 * in the write's own transaction (txAction; atomic.test.ts shows the replay). A plain action — a read — cannot ask
 * for it: `idempotent` on an action does not compile.
 */
import * as z from 'zod';
import { action, txAction } from '../../backend/runtime';

it('only a txAction may be idempotent by requestId', () => {
  const read = action({ input: z.object({}), handler: async () => null });
  // @ts-expect-error a plain action has no stored answer to replay
  action({ input: z.object({}), idempotent: true, handler: async () => null });
  const write = txAction({ input: z.object({}), idempotent: true, transaction: async () => null });
  expect('idempotent' in read).toBe(false);
  expect(write.idempotent).toBe(true);
});
