/**
 * Keeps a process from reaching anything but this machine: TCP/TLS connections and DNS look-ups of names other
 * than loopback are refused and recorded. The compile check installs it around miniprogram-ci, which otherwise
 * asks WeChat's servers for project attributes and a file-extension list.
 */
import dns from 'node:dns';
import net from 'node:net';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|0\.0\.0\.0)$/i;

export function isLoopback(host: string | undefined): boolean {
  return host === undefined || host === '' || LOOPBACK.test(host.replace(/^\[|\]$/g, ''));
}

/** The host a `Socket#connect` call targets; undefined for an IPC path or the default (localhost). */
function targetHost(args: unknown[]): string | undefined {
  // net.connect() and http's agents pass their normalised arguments to Socket#connect as ONE array.
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: unknown; path?: unknown };
    if (typeof options.path === 'string') return undefined;
    return typeof options.host === 'string' ? options.host : undefined;
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
    return typeof second === 'string' ? second : undefined;
  return undefined;
}

export interface OfflineGuard {
  /** Hosts something tried to reach, in order. */
  blocked: string[];
  restore(): void;
}

export function goOffline(): OfflineGuard {
  const blocked: string[] = [];
  const connect = net.Socket.prototype.connect;
  const lookup = dns.lookup;
  const promisesLookup = dns.promises.lookup;
  const refuse = (host: string): Error => {
    blocked.push(host);
    return Object.assign(new Error(`offline: refused to reach ${host}`), { code: 'ECONNREFUSED' });
  };
  net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const host = targetHost(args);
    if (!isLoopback(host)) {
      const error = refuse(String(host));
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof connect;
  dns.lookup = function guardedLookup(hostname: string, ...rest: unknown[]): void {
    const callback = rest[rest.length - 1];
    if (!isLoopback(hostname)) {
      const error = refuse(hostname);
      if (typeof callback === 'function') process.nextTick(() => (callback as (e: Error) => void)(error));
      return;
    }
    (lookup as (...a: unknown[]) => void)(hostname, ...rest);
  } as typeof dns.lookup;
  dns.promises.lookup = async function guardedPromisesLookup(hostname: string, ...rest: unknown[]) {
    if (!isLoopback(hostname)) throw refuse(hostname);
    return (promisesLookup as (...a: unknown[]) => ReturnType<typeof promisesLookup>)(hostname, ...rest);
  } as typeof dns.promises.lookup;
  return {
    blocked,
    restore() {
      net.Socket.prototype.connect = connect;
      dns.lookup = lookup;
      dns.promises.lookup = promisesLookup;
    },
  };
}
