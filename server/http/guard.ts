/**
 * What every request to the local server must pass before a route sees it:
 *  - Host: a loopback name, the configured public base URL's host, or a literal address of this machine — a page on
 *    another site that rebinds its DNS name to us (DNS rebinding) arrives with its own name and is refused;
 *  - state-changing requests (POST, PUT, PATCH, DELETE): an absent Origin, or one on an allowed host (or WeChat's
 *    servicewechat.com) — a web page the clerk visits cannot post to us (CSRF);
 *  - JSON endpoints: `application/json` only, so a cross-site "simple" request (text/plain, form) never reaches a
 *    handler; `POST /files` keeps multipart (as wx.uploadFile sends it) and is checked by its login token instead.
 * And what every answer carries: nosniff, no framing, a CSP that lets our HTML pages use only their inline styles.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { networkInterfaces } from 'node:os';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Origins of WeChat's own clients (DevTools and devices may send it with wx.request). */
const WECHAT_ORIGINS = new Set(['https://servicewechat.com']);

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** A loopback peer: 127.0.0.0/8, ::1, or either mapped into IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host) || host === '[::1]';
}

/** The addresses of this machine's interfaces, as a Host header names them. */
function ownAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) out.add(a.family === 'IPv6' ? `[${a.address}]` : a.address);
  }
  return out;
}

export interface GuardOptions {
  /** The public base URL the server is reached at (PUBLIC_URL), if any. */
  publicUrl?: string | undefined;
  /** Paths whose POST bodies are not JSON (multipart uploads). */
  rawBodyPaths?: readonly string[];
}

/** The hostname of a Host header value (`name[:port]`), lower-cased; null when it is not one. */
function hostnameOf(host: string): string | null {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export class RequestGuard {
  private readonly publicHost: string | null;
  private readonly rawBodyPaths: Set<string>;
  private readonly addresses = ownAddresses();

  constructor(options: GuardOptions = {}) {
    this.publicHost = options.publicUrl ? new URL(options.publicUrl).hostname.toLowerCase() : null;
    this.rawBodyPaths = new Set(options.rawBodyPaths ?? []);
  }

  allowsHost(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostnameOf(hostHeader);
    if (name === null) return false;
    if (LOOPBACK_NAMES.has(name) || isLoopbackHost(name) || name === this.publicHost) return true;
    // A literal address of this machine (the LAN address for 真机预览): a rebinding page always sends its name.
    return isIP(name.replace(/^\[|\]$/g, '')) !== 0 && this.addresses.has(name);
  }

  allowsOrigin(origin: string | undefined): boolean {
    if (origin === undefined) return true;
    if (WECHAT_ORIGINS.has(origin)) return true;
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && this.allowsHost(url.host);
    } catch {
      return false; // 'null' (a sandboxed frame, a file://) and anything unparsable
    }
  }

  /** The refusal for this request, or null when it may reach a route. */
  check(req: IncomingMessage, pathname: string): { status: number; code: string; message: string } | null {
    if (!this.allowsHost(req.headers.host))
      return {
        status: 421,
        code: 'HOST_NOT_ALLOWED',
        message: `Host ${req.headers.host ?? ''} is not this server (set PUBLIC_URL)`,
      };
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
    const origin = req.headers.origin;
    if (!this.allowsOrigin(Array.isArray(origin) ? origin[0] : origin))
      return { status: 403, code: 'ORIGIN_NOT_ALLOWED', message: `Origin ${String(origin)} may not change data here` };
    if (this.rawBodyPaths.has(pathname)) return null;
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'content-type must be application/json' };
    return null;
  }
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
