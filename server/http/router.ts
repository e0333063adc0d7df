/**
 * A tiny method + path router for node:http. Patterns are literal segments, `:name` parameters and a
 * final `*` for the rest of the path: `router.post('/functions/:name', handler)`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  /** Decoded `:name` parameters (and `*` for a trailing wildcard). */
  params: Record<string, string>;
  /** The request URL, parsed (query string in `url.searchParams`). */
  url: URL;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>;

interface Route {
  method: string;
  segments: string[];
  handler: RouteHandler;
}

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

function match(route: Route, segments: string[]): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (let i = 0; i < route.segments.length; i += 1) {
    const want = route.segments[i] ?? '';
    if (want === '*' && i === route.segments.length - 1) {
      params['*'] = segments.slice(i).join('/');
      return params;
    }
    const got = segments[i];
    if (got === undefined) return null;
    if (want.startsWith(':')) {
      try {
        params[want.slice(1)] = decodeURIComponent(got);
      } catch {
        return null; // malformed %-escape: no route matches
      }
    } else if (want !== got) return null;
  }
  return segments.length === route.segments.length ? params : null;
}

export class Router {
  private readonly routes: Route[] = [];

  /** Registers a handler; `method` '*' matches any. Earlier registrations win. */
  on(method: string, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  get(pattern: string, handler: RouteHandler): this {
    return this.on('GET', pattern, handler);
  }

  post(pattern: string, handler: RouteHandler): this {
    return this.on('POST', pattern, handler);
  }

  put(pattern: string, handler: RouteHandler): this {
    return this.on('PUT', pattern, handler);
  }

  delete(pattern: string, handler: RouteHandler): this {
    return this.on('DELETE', pattern, handler);
  }

  all(pattern: string, handler: RouteHandler): this {
    return this.on('*', pattern, handler);
  }

  /** Runs the first matching route; false when none matched (the caller answers 404/405). */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const segments = split(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    for (const route of this.routes) {
      const accepts = route.method === '*' || route.method === method || (method === 'HEAD' && route.method === 'GET');
      if (!accepts) continue;
      const params = match(route, segments);
      if (params) {
        await route.handler(req, res, { params, url });
        return true;
      }
    }
    return false;
  }
}
