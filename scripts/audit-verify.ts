/**
 * `npm run audit-verify [-- --data-dir <dir>]`: checks every organ's audit chain in the local server's database
 * (DATA_DIR, default .data/; the server may be running) with AUDIT_HMAC_KEY (or the key file npm start keeps, see
 * server/audit-key.ts). Prints each chain's head (seq and hash — note them down: a chain cut short after its last
 * noted head would still verify) and the first broken link; exit 1 when there is one, 2 when it cannot run.
 */
import '../server/env';
import { auditKey, verifyChains, type ChainReport } from '../backend/audit';
import { COLLECTIONS } from '../backend/collections';
import { DEFAULT_DATA_DIR } from '../server/app';
import { describeReport, ensureAuditKey } from '../server/audit-key';
import { openSqliteStore } from '../server/store/sqlite';

export function verifyDataDir(dataDir: string): ChainReport {
  const store = openSqliteStore(dataDir);
  try {
    const entries = store.hasCollection(COLLECTIONS.audit) ? store.scan(COLLECTIONS.audit) : [];
    return verifyChains(entries, auditKey());
  } finally {
    store.close();
  }
}

function main(argv: string[]): number {
  const at = argv.indexOf('--data-dir');
  const dataDir = at >= 0 ? argv[at + 1] : process.env.DATA_DIR || DEFAULT_DATA_DIR;
  if (!dataDir) {
    console.error('用法：npm run audit-verify -- [--data-dir <目录>]');
    return 2;
  }
  try {
    ensureAuditKey(dataDir, false);
    const report = verifyDataDir(dataDir);
    for (const line of describeReport(report)) console.log(line);
    return report.broken ? 1 : 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 2;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
