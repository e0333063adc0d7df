/**
 * Type-level checks, compiled by `tsc -p tsconfig.json` (not run): a handler that takes or returns the wrong shape
 * does not compile. Each `@ts-expect-error` fails the compile if the error it expects ever goes away.
 */
import type { defineFunction } from '../../backend/runtime';
import type { itemsContract } from '../../shared/api/contracts/items';

type Handlers = Parameters<typeof defineFunction<typeof itemsContract>>[2];
declare const handlers: Handlers;

export const checks = [
  // The handler of items.get reads the input its contract declares…
  (): Handlers['get'] => ({ handler: async (input) => handlers.get.handler({ id: input.id }, null as never) }),
  // …and not a field it does not declare.
  // @ts-expect-error -- items.get takes `id`, not `itemId`
  (): Handlers['get'] => ({ handler: async (input) => handlers.get.handler({ id: input.itemId }, null as never) }),
  // A handler that answers another shape does not compile.
  // @ts-expect-error -- items.history answers ItemHistory, not a string
  (): Handlers['history'] => ({ handler: async () => 'history' }),
  // A transactional action gets a transaction context, and must be registered as `transaction`.
  (): Handlers['update'] => ({ transaction: async (input, ctx) => ({ id: input.id, version: ctx.now.getTime() }) }),
  // @ts-expect-error -- items.update is transactional: `handler` is not its key
  (): Handlers['update'] => ({ handler: async (input) => ({ id: input.id, version: 1 }) }),
];
