/**
 * Verifies the TC3-HMAC-SHA256 signature @cloudbase/node-sdk (3.18, through @cloudbase/signature-nodejs 2.2)
 * sends with every database request:
 *   Authorization: TC3-HMAC-SHA256 Credential=<secretId>/<yyyy-mm-dd>/tcb/tc3_request,
 *                  SignedParams=<k1;k2…>, SignedHeaders=<h1;h2…>, Signature=<hex>
 *   X-Timestamp: <seconds>   (X-Signature-Expires: 600)
 * The canonical request is `method \n //host/path \n query \n headers \n signedHeaders \n hash(params)`, where
 * the params hash runs over EVERY truthy top-level body field (keys lower-cased, sorted, values as JSON strings):
 * we recompute it from the body we received, so a field added or changed after signing fails, whatever
 * SignedParams claims. The key is derived per day as in TC3: HMAC chain TC3<secretKey> → date → service → tc3_request.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { AdminKey } from './admin-key';

/** How far the signer's clock may be from ours, either way (the SDK's X-Signature-Expires is 600 s). */
export const SIGNATURE_WINDOW_SECONDS = 600;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: string | Buffer, text: string): Buffer => createHmac('sha256', key).update(text).digest();

/** encodeURIComponent plus the characters CAM escapes too, as the signer does to each key. */
const camEncode = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The signer's hash of the body fields. */
function paramsHash(body: Record<string, unknown>): string {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    fields.set(camEncode(key.toLowerCase().trim()), asText(value).trim());
  }
  const hash = createHash('sha256');
  for (const key of [...fields.keys()].sort((a, b) => a.localeCompare(b))) {
    const value = fields.get(key) ?? '';
    if (!value) continue; // the signer skips falsy values: '' (null, 0, false arrive as 'null', '0', 'false')
    hash.update(`&${key}=`).update(value).update('\r\n');
  }
  return hash.digest('hex');
}

interface Authorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): Authorization | null {
  const m =
    /^TC3-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{4}-\d{2}-\d{2})\/([\w-]+)\/tc3_request,(?: SignedParams=[^,]*,)? SignedHeaders=([^,\s]+), Signature=([0-9a-f]{64})$/.exec(
      header,
    );
  if (!m) return null;
  return {
    secretId: m[1] ?? '',
    date: m[2] ?? '',
    service: m[3] ?? '',
    signedHeaders: (m[4] ?? '').split(';'),
    signature: m[5] ?? '',
  };
}

export interface SignedRequest {
  method: string;
  /** The request target as received: path and query (`/admin?env=local&seqId=…`). */
  url: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body. */
  body: Record<string, unknown>;
}

/** Why the signature does not verify, or null when it does. */
export function verifySignature(req: SignedRequest, key: AdminKey, nowMs: number): string | null {
  const authorization = req.headers.authorization;
  if (!authorization) return 'missing Authorization header (tcb.init needs the secretId and secretKey)';
  const auth = parseAuthorization(authorization);
  if (!auth) return 'Authorization is not a TC3-HMAC-SHA256 signature';
  const idOk =
    auth.secretId.length === key.secretId.length &&
    timingSafeEqual(Buffer.from(auth.secretId), Buffer.from(key.secretId));
  if (!idOk) return 'unknown secretId';
  const timestamp = Number(req.headers['x-timestamp']);
  if (!Number.isInteger(timestamp)) return 'missing X-Timestamp header';
  if (Math.abs(nowMs / 1000 - timestamp) > SIGNATURE_WINDOW_SECONDS) return 'signature expired (check the clock)';
  if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== auth.date)
    return 'credential date does not match X-Timestamp';
  const host = req.headers.host;
  if (!auth.signedHeaders.includes('host') || !auth.signedHeaders.includes('content-type') || !host)
    return 'host and content-type must be signed';

  const headerLines: string[] = [];
  for (const name of auth.signedHeaders) {
    const value = req.headers[name];
    if (value === undefined || Array.isArray(value)) return `signed header ${name} missing or repeated`;
    const v = name === 'content-type' && value.startsWith('multipart/form-data') ? 'multipart/form-data' : value;
    headerLines.push(`${name}:${v.trim().toLowerCase()}\n`);
  }
  const queryAt = req.url.indexOf('?');
  const pathname = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : req.url.slice(queryAt + 1);
  const tail = `//${host}${pathname}\n${query}\n${headerLines.join('')}\n${auth.signedHeaders.join(';')}\n${paramsHash(req.body)}`;
  const scope = `${auth.date}/${auth.service}/tc3_request`;
  const signingKey = hmac(hmac(hmac(`TC3${key.secretKey}`, auth.date), auth.service), 'tc3_request');
  const given = Buffer.from(auth.signature, 'hex');
  // The SDK signs with the method as it spells it ('post'); other signers use 'POST'.
  for (const method of new Set([req.method.toLowerCase(), req.method.toUpperCase()])) {
    const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256(`${method}\n${tail}`)}`;
    const expected = createHmac('sha256', signingKey).update(stringToSign).digest();
    if (timingSafeEqual(expected, given)) return null;
  }
  return 'signature does not match (wrong secretKey, or the request was changed)';
}
