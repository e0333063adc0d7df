/**
 * The local CloudBase-compatible server: node:http + a tiny router, with the database endpoint mounted at
 * POST /admin so the unmodified SDK works with
 *   tcb.init({ env: 'local', serviceUrl: 'http://127.0.0.1:<port>/admin', ...server.adminKey }).
 * /admin answers loopback peers signing with the server's key only; every request passes the Host/Origin/type
 * guard (http/guard.ts). More routes can be mounted through `routes` (before start) or the returned `router`.
 */
import http from 'node:http';
import path from 'node:path';
import { COLLECTIONS } from '../backend/collections';
import { type AdminKey, loadAdminKey } from './auth/admin-key';
import { TxManager } from './db/transactions';
import { localEnv } from './env';
import { databaseHandler } from './http/database';
import { HttpError, sendJson } from './http/envelope';
import { isLoopbackHost, RequestGuard, setSecurityHeaders } from './http/guard';
import { Router } from './http/router';
import { openSqliteStore } from './store/sqlite';
import type { DocStore, IndexSpec } from './store/types';

export { Router } from './http/router';
export type { RouteContext, RouteHandler } from './http/router';
export type { Doc, DocStore, IndexSpec } from './store/types';
export type { AdminKey } from './auth/admin-key';

export const DEFAULT_DATA_DIR = path.resolve(__dirname, '..', '.data');

export interface ServerOptions {
  /** Default: $HOST or 127.0.0.1. */
  host?: string;
  /** Default: $PORT or 8787; 0 picks a free port. */
  port?: number;
  /** Where the SQLite file lives. Default: <repo>/.data. */
  dataDir?: string | undefined;
  /** Registers extra routes before the server starts; the database endpoint is matched first. */
  routes?: (router: Router) => void;
  /** How long an unfinished CloudBase transaction lives. Default 30 s, as in CloudBase. */
  transactionTimeoutMs?: number;
  /** Indexes to create in the store (backend/indexes.ts); queries are correct without them, only slower. */
  indexes?: readonly IndexSpec[];
  /** Where unexpected errors and start-up warnings are reported. Default: console.error. */
  log?: (message: string) => void;
  /** The key /admin requests must be signed with. Default: ADMIN_SECRET_ID/KEY, else `<dataDir>/admin-key.json`. */
  adminKey?: AdminKey;
  /** The base URL phones and browsers reach the server at (its host is allowed; upload URLs use it). Default: $PUBLIC_URL. */
  publicUrl?: string;
  /** Collections no request may update or remove. Default: the audit log. */
  appendOnly?: readonly string[];
  /** Answers a request no route took (the portal's Chinese error page); default a JSON 404. */
  notFound?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 (the SDK's serviceUrl is `${url}/admin`). */
  url: string;
  port: number;
  host: string;
  dataDir: string;
  /** The credential for tcb.init({ serviceUrl: `${url}/admin`, ...adminKey }). */
  adminKey: AdminKey;
  /** Where clients reach the server: PUBLIC_URL when set, else `url`. */
  publicUrl: string;
  /** Add routes at any time; they are consulted in registration order. */
  router: Router;
  store: DocStore;
  /** Stops listening, drops open connections and transactions, closes the SQLite file. */
  close(): Promise<void>;
}

/** Listening on every interface (loopback included). */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::']);

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? localEnv.host() ?? '127.0.0.1';
  const port = options.port ?? Number(localEnv.port() ?? 8787);
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const log = options.log ?? ((message: string) => console.error(message));

  const adminKey = options.adminKey ?? loadAdminKey(dataDir);
  const configuredUrl = options.publicUrl ?? localEnv.publicUrl();
  const guard = new RequestGuard({ publicUrl: configuredUrl, rawBodyPaths: ['/files'] });
  if (!isLoopbackHost(host) && !WILDCARD_HOSTS.has(host))
    throw new Error(`HOST=${host}：数据库接口 /admin 只接受本机访问，请用 HOST=0.0.0.0（所有网卡）或 127.0.0.1`);
  if (!isLoopbackHost(host)) {
    log(
      [
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        `!! 警告：服务器监听 ${host}，本机以外的设备可以访问云函数、文件和公开页面。`,
        '!! WARNING: listening beyond loopback — functions, files and public pages are reachable from the network.',
        '!! 数据库接口 /admin 仍只接受本机访问（loopback only）。',
        '!! 仅在可信的局域网中用于真机预览；用完请改回 HOST=127.0.0.1。',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
      ].join('\n'),
    );
  }

  const store = openSqliteStore(dataDir);
  store.ensureIndexes(options.indexes ?? []);
  const txm = new TxManager(store, options.transactionTimeoutMs);
  const router = new Router();
  const appendOnly = new Set(options.appendOnly ?? [COLLECTIONS.audit]);
  router.post('/admin', databaseHandler({ store, txm, log, adminKey, appendOnly }));
  options.routes?.(router);

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    const refused = guard.check(req, new URL(req.url ?? '/', 'http://localhost').pathname);
    if (refused) {
      req.resume();
      sendJson(res, refused.status, { ok: false, code: refused.code, message: refused.message });
      return;
    }
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
        const message = e instanceof HttpError ? e.message : 'internal error';
        if (!res.headersSent)
          sendJson(res, status, { ok: false, code: e instanceof HttpError ? e.code : 'SYS_ERR', message });
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

  // On all interfaces this machine still talks to itself over loopback (the SDK's /admin calls must).
  const localHost = WILDCARD_HOSTS.has(host) ? '127.0.0.1' : host;
  const url = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${actualPort}`;
  const publicUrl = (configuredUrl ?? url).replace(/\/+$/, '');
  return { url, port: actualPort, host, dataDir, adminKey, publicUrl, router, store, close };
}
