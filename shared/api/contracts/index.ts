/**
 * Every cloud function's contract by name. The backend registers handlers against these (backend/runtime.ts), the
 * access table of shared/policy is read from them, the tests check answers with them, and the mini program's client
 * takes their types only (`import type`: none of these schemas ships in a package).
 */
import type { FunctionName } from '../envelope';
import type { Access } from '../../policy/roles';
import type { ActionContract, AnswerOf, PayloadOf } from '../contract';
import { countyContract } from './county';
import { itemsContract } from './items';
import { organContract } from './organ';
import { casesContract, statsContract } from './records';
import { reportsContract } from './reports';
import { requestsContract } from './requests';

export {
  casesContract,
  countyContract,
  itemsContract,
  organContract,
  reportsContract,
  requestsContract,
  statsContract,
};

export const CONTRACTS = {
  organ: organContract,
  items: itemsContract,
  stats: statsContract,
  cases: casesContract,
  reports: reportsContract,
  requests: requestsContract,
  county: countyContract,
} as const satisfies Record<FunctionName, Record<string, ActionContract>>;

export type Contracts = typeof CONTRACTS;

/** `'items.list'`, `'requests.submit'`, …: every action a client can call. */
export type CallName = {
  [F in FunctionName]: `${F}.${keyof Contracts[F] & string}`;
}[FunctionName];

type ContractOf<N extends CallName> = N extends `${infer F extends FunctionName}.${infer A}`
  ? A extends keyof Contracts[F]
    ? Contracts[F][A] extends ActionContract
      ? Contracts[F][A]
      : never
    : never
  : never;

/** What a page sends for `name` (before the function's defaults and trimming). */
export type CallPayload<N extends CallName> = PayloadOf<ContractOf<N>>;
/** What `name` answers in `{ ok: true, data }`. */
export type CallAnswer<N extends CallName> = AnswerOf<ContractOf<N>>;

/**
 * Who may do what, as one table: function → action → the roles allowed, read from the contracts (never kept beside
 * them). The role always comes from the stored staff record of the caller's OPENID, never from the client.
 */
export type PolicyTable = { [F in keyof Contracts]: { [A in keyof Contracts[F]]: Access } };

export const POLICY = Object.fromEntries(
  Object.entries(CONTRACTS).map(([fn, actions]) => [
    fn,
    Object.fromEntries(Object.entries(actions).map(([action, c]) => [action, c.access])),
  ]),
) as PolicyTable;

/** The access of `fn.action`, or undefined for an action no contract names (the runtime refuses it). */
export function accessOf(fn: string, action: string): Access | undefined {
  const table: Record<string, Record<string, Access>> = POLICY;
  const actions = Object.prototype.hasOwnProperty.call(table, fn) ? table[fn] : undefined;
  return actions && Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
}
