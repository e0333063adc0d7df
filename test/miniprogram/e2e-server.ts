/**
 * The plumbing of the mini program's end-to-end tests: the real backend in a child Node process (the local server
 * and the SDK need Node's timers, which jsdom replaces), wx.request as a real HTTP POST to it (jsdom has no fetch;
 * node:http makes the same request), a wait for a page to settle, and `useE2eBackend` putting them together.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { devTransport, setTransport } from '../../miniprogram/api/index';
import { flush } from './harness';
import { useMemoryStorage } from './staff/helpers';

const ROOT = path.resolve(__dirname, '..', '..');

export interface RunningE2eServer<T> {
  info: T;
  stop(): void;
}

/** Starts `script` (a .cjs next to the test) and resolves with the JSON line it prints once ready. */
export function startE2eServer<T>(script: string): Promise<RunningE2eServer<T>> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT });
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) {
        resolve({
          info: JSON.parse(line) as T,
          stop: () => {
            proc.removeAllListeners('exit');
            proc.stdin.end();
          },
        });
      }
    });
    proc.on('exit', (code) => reject(new Error(`e2e server exited (${String(code)}): ${err}`)));
  });
}

export interface RequestOptions {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  success?: (res: { statusCode: number; data: unknown }) => void;
  fail?: (e: { errMsg: string }) => void;
}

/** wx.request as a real HTTP request to the local server. */
export function realRequest(options: RequestOptions): void {
  const body = JSON.stringify(options.data ?? {});
  const req = http.request(
    options.url,
    // A fresh connection per call (agent: false), as wx.request makes: Node 20's global agent keeps sockets alive,
    // and one the server closed after its keep-alive timeout (a slow page load between two calls) hangs up.
    {
      method: options.method ?? 'POST',
      headers: { ...options.header, 'content-length': Buffer.byteLength(body) },
      agent: false,
    },
    (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let data: unknown = text;
        try {
          data = JSON.parse(text) as unknown;
        } catch {
          // Not JSON: the transport turns it into a readable failure.
        }
        options.success?.({ statusCode: res.statusCode ?? 0, data });
      });
    },
  );
  req.on('error', (e) => options.fail?.({ errMsg: `request:fail ${e.message}` }));
  req.end(body);
}

export async function waitFor(what: string, ready: () => boolean, ms = 15_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  await flush();
}

/** What an end-to-end child prints first: where it listens and a development login per person. */
export interface E2eInfo {
  url: string;
  logins: Record<string, string>;
}

export interface E2eSession<T extends E2eInfo> {
  /** The child's line (from beforeAll on). */
  readonly info: T;
  /** The calls that follow are this person's (their development login; '' = a citizen not signed in). */
  as(person: keyof T['logins'] & string): void;
}

/**
 * One backend child per test file (`script`, a .cjs beside the test), started before the tests and stopped after:
 * wx.request performs real HTTP to it, the app's own dev transport sends the chosen person's login, and wx
 * storage really stores.
 */
export function useE2eBackend<T extends E2eInfo>(script: string): E2eSession<T> {
  let server: RunningE2eServer<T> | null = null;
  let token = '';
  const session = {
    get info(): T {
      if (!server) throw new Error('the e2e backend has not started');
      return server.info;
    },
    as(person: string) {
      token = session.info.logins[person] ?? '';
    },
  };
  beforeAll(async () => {
    server = await startE2eServer<T>(script);
    Object.assign(wx, { request: jest.fn(realRequest) });
    setTransport(devTransport({ server: server.info.url, login: () => token }));
    useMemoryStorage();
  });
  afterAll(() => server?.stop());
  return session;
}
