/**
 * The CloudBase database contract: what the app relies on from `@cloudbase/node-sdk`, checked through the
 * SDK itself. Runs against the local server (contract.local.test.ts) and, when credentials are set,
 * against a real CloudBase environment (contract.cloudbase.test.ts) — the same expectations for both.
 */
import type { Db } from '../helpers/sdk';
import { aggregateContract } from './aggregate';
import { contractContext } from './context';
import { crudContract } from './crud';
import { dateContract } from './dates';
import { queryContract } from './query';
import { scaleContract } from './scale';
import { transactionContract } from './transactions';
import { updateContract } from './update';

/** Defines the suite; `getDb` is read lazily (inside hooks/tests), `prefix` namespaces collections. */
export function defineContractSuite(getDb: () => Db, prefix: string): void {
  const ctx = contractContext(getDb, prefix);
  crudContract(ctx);
  queryContract(ctx);
  updateContract(ctx);
  aggregateContract(ctx);
  transactionContract(ctx);
  dateContract(ctx);
  scaleContract(ctx);
}
