/**
 * Every cloud function's contract by name. The backend registers handlers against these (backend/runtime.ts), the
 * access table of shared/policy is read from them, the tests check answers with them, and the mini program's client
 * takes their types only (`import type`: none of these schemas ships in a package).
 */
import type { FunctionName } from '../envelope';
import type { ActionContract, AnswerOf, PayloadOf } from '../contract';
import { itemsContract } from './items';
import { organContract } from './organ';
import { casesContract, statsContract } from './records';
import { reportsContract } from './reports';
import { requestsContract } from './requests';

export { casesContract, itemsContract, organContract, reportsContract, requestsContract, statsContract };

export const CONTRACTS = {
  organ: organContract,
  items: itemsContract,
  stats: statsContract,
  cases: casesContract,
  reports: reportsContract,
  requests: requestsContract,
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
