/** A local server with the portal mounted and the demo organ seeded (as `npm start` makes it) for the portal tests. */
import '../../backend/harness'; // keeps Dates Dates across Jest's realms (see there)
import { readFileSync } from 'node:fs';
import { seedDemo } from '../../../backend/seed';
import { installPortal, portalNotFound, SEED_REPORT_FILE } from '../../../server/portal';
import { startLocal, type LocalServer } from '../helpers/local';
import type { Db } from '../../../backend/sdk';

/** The day the demo is seeded in these tests. */
export const SEED_DAY = new Date('2025-06-16T10:00:00+08:00');

export async function startPortal(): Promise<LocalServer & { url: string; organId: string }> {
  let db: Db | null = null;
  const handle = (): Db => {
    if (!db) throw new Error('not ready');
    return db;
  };
  const local = await startLocal({
    routes: (r) => installPortal(r, handle, () => local.server.publicUrl),
    notFound: portalNotFound(handle),
  });
  db = local.db;
  const { organId } = await seedDemo(local.db, readFileSync(SEED_REPORT_FILE, 'utf8'), SEED_DAY);
  return { ...local, url: local.server.url, organId };
}
