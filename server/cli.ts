/**
 * Runs the local CloudBase-compatible server until killed:
 *   PORT=8787 HOST=127.0.0.1 DATA_DIR=.data npx tsx server/cli.ts
 * Prints one line "listening <url>" once the port is bound (tests wait for it).
 */
import { startServer } from './app';
import { localEnv } from './env';
import { runMain, stopOnSignals } from './process';

async function main(): Promise<void> {
  const server = await startServer({ dataDir: localEnv.dataDir() });
  console.log(
    `listening ${server.url} (SDK serviceUrl ${server.url}/admin, secretId ${server.adminKey.secretId}, data in ${server.dataDir})`,
  );
  stopOnSignals(server);
}

runMain(main);
