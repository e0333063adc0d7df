/**
 * The local CloudBase-compatible server: node:http + a tiny router, with the database endpoint mounted at
 * POST /admin so the unmodified SDK works with
 *   tcb.init({ env: 'local', serviceUrl: 'http://127.0.0.1:<port>/admin', secretId: 'local', secretKey: 'local' }).
 * More routes can be mounted through `routes` (before start) or the returned `router`.
 */
import http from 'node:http';
import path from 'node:path';
import { TxManager } from './db/transactions';
import { localEnv } from './env';
import { databaseHandler } from './http/database';
import { HttpError, sendJson } from './http/envelope';
import { Router } from './http/router';
import { openSqliteStore } from './store/sqlite';
import type { DocStore, IndexSpec } from './store/types';

export { Router } from './http/router';
export type { RouteContext, RouteHandler } from './http/router';
export type { Doc, DocStore, IndexSpec } from './store/types';

export const DEFAULT_DATA_DIR = path.resolve(__dirname, '..', '.data');

export interface ServerOptions {
  /** Default: $HOST or 127.0.0.1. */
  host?: string;
  /** Default: $PORT or 8787; 0 picks a free port. */
  port?: number;
  /** Where the SQLite file lives. Default: <repo>/.data. */
  dataDir?: string;
  /** Registers extra routes before the server starts; the database endpoint is matched first. */
  routes?: (router: Router) => void;
  /** How long an unfinished CloudBase transaction lives. Default 30 s, as in CloudBase. */
  transactionTimeoutMs?: number;
  /** Indexes to create in the store (backend/indexes.ts); queries are correct without them, only slower. */
  indexes?: readonly IndexSpec[];
  /** Where unexpected errors are reported. Default: console.error. */
  log?: (message: string) => void;
  /** Answers a request no route took (the portal's Chinese error page); default a JSON 404. */
  notFound?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 (the SDK's serviceUrl is `${url}/admin`). */
  url: string;
  port: number;
  host: string;
  dataDir: string;
  /** Add routes at any time; they are consulted in registration order. */
  router: Router;
  store: DocStore;
  /** Stops listening, drops open connections and transactions, closes the SQLite file. */
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? localEnv.host() ?? '127.0.0.1';
  const port = options.port ?? Number(localEnv.port() ?? 8787);
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? ((message: string) => console.error(message));

  const store = openSqliteStore(dataDir);
  store.ensureIndexes(options.indexes ?? []);
  const txm = new TxManager(store, options.transactionTimeoutMs);
  const router = new Router();
  router.post('/admin', databaseHandler({ store, txm, log }));
  options.routes?.(router);

  const server = http.createServer((req, res) => {
    router
      .handle(req, res)
      .then((handled) => {
        if (handled) return;
        if (options.notFound) return options.notFound(req, res);
        sendJson(res, 404, { code: 'NOT_FOUND', message: `没有这个地址：${req.method} ${req.url}` });
      })
      .catch((e: unknown) => {
        const status = e instanceof HttpError ? e.status : 500;
        if (status === 500) log(`request ${req.method} ${req.url} failed: ${e instanceof Error ? e.stack : String(e)}`);
        const message = e instanceof Error ? e.message : 'error';
        if (!res.headersSent) sendJson(res, status, { code: 'SYS_ERR', message });
        else res.end();
      });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    txm.close();
    store.close();
    throw e;
  }

  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => {
        txm.close();
        store.close();
        resolve();
      });
      // The SDK keeps connections alive; without this close() would wait for them to time out.
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${host}:${actualPort}`, port: actualPort, host, dataDir, router, store, close };
}
