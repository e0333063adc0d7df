/**
 * Who may do what, as one table: function → action → the roles allowed. The table is read from the contracts
 * (shared/api/contracts: each action says who may call it), never kept beside them. The roles and their labels are
 * in roles.ts; step rules (reviewer approves step 1, leader step 2) in rules.ts, checked by the handlers.
 */
import { CONTRACTS, type Contracts } from '../api/contracts';
import type { Access } from './roles';

export * from './roles';

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

// Ownership and approval-step rules per action, as data beside the role table.
export * from './rules';
