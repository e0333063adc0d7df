/**
 * One idempotency mechanism: a write called again with the same idempotencyKey answers its stored first answer,
 * stored in the write's own transaction (a transactional action; atomic.test.ts shows the replay). A plain action —
 * a read — cannot ask for it: `idempotent` on a contract action that is not transactional does not compile.
 */
import * as z from 'zod';
import { defineContract } from '../../shared/api/contract';

it('only a transactional action may be idempotent by idempotencyKey', () => {
  const contract = defineContract({
    read: { input: z.object({}), answer: z.null(), access: 'public' },
    write: { input: z.object({}), answer: z.null(), access: 'public', transactional: true, idempotent: true },
  });
  defineContract({
    // @ts-expect-error a plain action has no stored answer to replay
    bad: { input: z.object({}), answer: z.null(), access: 'public', idempotent: true },
  });
  expect('idempotent' in contract.read).toBe(false);
  expect(contract.write.idempotent).toBe(true);
});
