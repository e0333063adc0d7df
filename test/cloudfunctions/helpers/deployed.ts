/**
 * A deployed function bundle pointed at the local backend the way the platform points a function at its
 * environment: TCB_CONTEXT_CNFG's URL, and the function's own credential (here the local server's key).
 * Registers the jest hooks that start the backend and set, then restore, the environment.
 */
import { startBackend, type Backend } from '../../backend/harness';

const ENV_KEYS = ['TCB_CONTEXT_CNFG', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY', 'SCF_NAMESPACE'] as const;

/** The backend the bundles talk to, started before the file's tests and stopped after them. */
export function deployedAgainstLocal(): { backend(): Backend } {
  let b: Backend | null = null;
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    b = await startBackend();
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${b.local.server.url}/admin` });
    process.env.TENCENTCLOUD_SECRETID = b.local.server.adminKey.secretId;
    process.env.TENCENTCLOUD_SECRETKEY = b.local.server.adminKey.secretKey;
    process.env.SCF_NAMESPACE = 'local';
  });
  afterAll(async () => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await b?.stop();
  });
  return {
    backend() {
      if (!b) throw new Error('the backend starts in beforeAll');
      return b;
    },
  };
}
