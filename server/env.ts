/**
 * The one module of the local side (server, CLI, bench) that touches `process.env` (ESLint holds the rest to it).
 * Imported first by the server's entry: the SDK must never look up a cloud metadata host from this machine.
 */
process.env.TENCENTCLOUD = 'true';
process.env.TENCENTCLOUD_SECRETID ??= 'local';
process.env.TENCENTCLOUD_SECRETKEY ??= 'local';
process.env.SILENCE ??= 'true';

/** What the local side reads from its environment; read when asked, so a test may set a variable after import. */
export const localEnv = {
  /** DATA_DIR: the local store's folder; empty counts as unset. */
  dataDir: (): string | undefined => process.env.DATA_DIR || undefined,
  host: (): string | undefined => process.env.HOST,
  port: (): string | undefined => process.env.PORT,
  /** INIT_CWD: the folder `npm run` was started from (npm runs scripts from the package root). */
  initCwd: (): string | undefined => process.env.INIT_CWD,
  /** PUBLIC_URL: the base URL phones and browsers reach the server at (its host is allowed; upload URLs use it). */
  publicUrl: (): string | undefined => process.env.PUBLIC_URL || undefined,
  /** The whole environment, for a reader that takes its settings from it (cli/setup-code's targetOf). */
  all: (): NodeJS.ProcessEnv => process.env,
};
