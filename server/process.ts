/** Running the server as a process: stop cleanly on Ctrl-C or SIGTERM (once), and exit 1 on a start-up failure. */
import type { RunningServer } from './app';

export function stopOnSignals(server: RunningServer): void {
  // server.close() is idempotent, so a second Ctrl-C waits for the same close.
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
