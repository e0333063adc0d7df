/** The one module of the functions' runtime that reads `process.env` (ESLint holds the rest to it). */
export const backendEnv = {
  /** AUDIT_HMAC_KEY: the audit chain's key (backend/audit.ts); set in each function's environment on CloudBase. */
  auditKey: (): string | undefined => process.env.AUDIT_HMAC_KEY || undefined,
  /** SETUP_CODE_TTL_DAYS: how long a setup code stays usable (default 7). */
  setupCodeTtlDays: (): string | undefined => process.env.SETUP_CODE_TTL_DAYS,
};
