/** Requests to /admin signed as the SDK signs them (same signer library), for tests that speak the wire directly. */
import { sign } from '@cloudbase/signature-nodejs';
import type { AdminKey } from '../../../server/auth/admin-key';

export interface SignOptions {
  /** Seconds since the epoch the signature claims (default: now). */
  timestamp?: number;
  /** The headers signed besides host (default: content-type application/json). */
  headers?: Record<string, string>;
}

/** The headers of a POST of `body` to `url` signed with `key`. */
export function signedHeaders(
  url: string,
  body: Record<string, unknown>,
  key: AdminKey,
  options: SignOptions = {},
): Record<string, string> {
  const headers = { 'content-type': 'application/json', ...options.headers, host: new URL(url).host };
  const signed = sign({
    secretId: key.secretId,
    secretKey: key.secretKey,
    method: 'post',
    url,
    params: body,
    headers,
    withSignedParams: true,
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000) - 1,
  });
  return { ...headers, authorization: signed.authorization, 'x-timestamp': String(signed.timestamp) };
}

/** POSTs `body` (an object: signed; a string: sent as is, unsigned) to the database endpoint. */
export async function postAdmin(
  baseUrl: string,
  key: AdminKey,
  body: Record<string, unknown> | string,
  extra: RequestInit = {},
): Promise<Response> {
  const url = `${baseUrl}/admin?env=local&seqId=${Math.random().toString(36).slice(2)}`;
  const headers = typeof body === 'string' ? { 'content-type': 'application/json' } : signedHeaders(url, body, key);
  return fetch(url, {
    method: 'POST',
    ...extra,
    headers: { ...headers, ...(extra.headers as Record<string, string> | undefined) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
