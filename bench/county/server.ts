/**
 * The bench's local server, in a process of its own so its memory is measured alone: the store at argv[2] with the
 * declared indexes (without them given --bulk). Prints `{"url": …, "adminKey": …}` when ready; GET /bench/rss
 * answers its peak resident set (MB); stops when stdin closes.
 */
import '../../server/env';
import { INDEXES } from '../../backend/indexes';
import { startServer } from '../../server/app';
import { sendJson } from '../../server/http/envelope';

async function main(): Promise<void> {
  const server = await startServer({
    port: 0,
    dataDir: process.argv[2],
    // --bulk: none while the bench loads the store; the next start builds them over the loaded rows.
    indexes: process.argv.includes('--bulk') ? [] : INDEXES,
    routes: (r) =>
      r.get('/bench/rss', async (_req, res) => {
        // maxRSS: the peak since the process started, in KiB (getrusage).
        sendJson(res, 200, {
          peakMb: process.resourceUsage().maxRSS / 1024,
          nowMb: process.memoryUsage().rss / 2 ** 20,
        });
      }),
  });
  process.stdout.write(`${JSON.stringify({ url: server.url, adminKey: server.adminKey })}\n`);
  const stop = (): void => void server.close().finally(() => process.exit(0));
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((e: unknown) => {
  process.stderr.write(`bench server: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
