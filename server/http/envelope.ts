/** Reading request bodies and writing JSON replies, with a size cap so a client cannot exhaust memory. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A failure with an HTTP status, for handlers that want a non-200 answer. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code = 'SYS_ERR',
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;

/**
 * The largest JSON body of a cloud function call: CloudBase refuses a function request body over 6 MB
 * (EXCEED_MAX_PAYLOAD_SIZE, https://docs.cloudbase.net/en/error-code/EXCEED_MAX_PAYLOAD_SIZE).
 */
export const FUNCTION_BODY_LIMIT = 6 * MB;
/** The database endpoint: CloudBase accepts more (100 MB), we never take more than 10 MB of JSON. */
export const DATABASE_BODY_LIMIT = 10 * MB;
export const DEFAULT_BODY_LIMIT = DATABASE_BODY_LIMIT;
/** Past this much discarded body the connection is dropped instead of read to the end for a clean 413. */
const DRAIN_LIMIT = 64 * MB;

export const describeBytes = (n: number): string => (n % MB === 0 ? `${n / MB} MB` : `${n} bytes`);

export function tooLarge(limit: number): HttpError {
  return new HttpError(413, `request body over the limit of ${describeBytes(limit)}`, 'PAYLOAD_TOO_LARGE');
}

/**
 * The whole request body; HttpError 413 naming the limit past `limit` bytes. An oversized body is read to its end
 * and discarded (up to 64 MB), so the client gets the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length'] ?? 0) > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (over) {
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          reject(tooLarge(limit));
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => (over ? reject(tooLarge(limit)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

/** The body parsed as JSON; HttpError 400 when it is not. */
export async function readJson(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = (await readBody(req, limit)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'request body is not valid JSON', 'INVALID_JSON');
  }
}

/** How an endpoint answers a body it could not read (too large, not JSON): the status and the JSON it sends. */
export type BodyRefusal = (error: HttpError) => readonly [status: number, body: unknown];

/**
 * The body parsed as JSON, or null once `refuse` has answered why it could not be read, in the endpoint's own
 * envelope (a function's `{ ok: false, … }`, the database's `{ requestId, code, … }`). A failure that is not an
 * HttpError (the connection broke) comes to `refuse` as a 400 UNREADABLE.
 */
export async function readJsonOrRefuse(
  req: IncomingMessage,
  res: ServerResponse,
  limit: number,
  refuse: BodyRefusal,
): Promise<{ body: unknown } | null> {
  try {
    return { body: await readJson(req, limit) };
  } catch (e) {
    const error = e instanceof HttpError ? e : new HttpError(400, 'cannot read request body', 'UNREADABLE');
    const [status, body] = refuse(error);
    sendJson(res, status, body);
    return null;
  }
}

/** Sends `body` as JSON with the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
