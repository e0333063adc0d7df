/**
 * Roles, their labels and who may call what (roles.ts), and the rules beyond roles: whose record it is and whose
 * turn it is in the approval chain (rules.ts). The access table itself — function → action → roles — is read from
 * the contracts (shared/api/contracts `POLICY`, `accessOf`), which import this module: it imports none of them.
 */
export * from './roles';
export * from './rules';
