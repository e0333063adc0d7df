/**
 * POST {serviceUrl}?env=…&seqId=… — the CloudBase database endpoint the SDK talks to. Answers loopback peers only,
 * and only requests signed with the server's key (auth/tc3.ts): anything else gets 403/401 before its body is
 * acted on, so nothing is read or written without the credential.
 */
import { randomUUID } from 'node:crypto';
import { dispatch } from '../actions';
import type { AdminKey } from '../auth/admin-key';
import { verifySignature } from '../auth/tc3';
import { isPlainObject } from '../ejson';
import type { TxManager } from '../db/transactions';
import type { DocStore } from '../store/types';
import { DATABASE_BODY_LIMIT, readJsonOrRefuse, sendJson } from './envelope';
import { isLoopbackAddress } from './guard';
import type { RouteHandler } from './router';

export interface DatabaseDeps {
  store: DocStore;
  txm: TxManager;
  log: (message: string) => void;
  adminKey: AdminKey;
  /** Collections whose documents are never updated or removed (the audit log). */
  appendOnly?: ReadonlySet<string>;
}

export function databaseHandler(deps: DatabaseDeps): RouteHandler {
  return async (req, res) => {
    const requestId = randomUUID();
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      req.resume();
      sendJson(res, 403, {
        requestId,
        code: 'LOOPBACK_ONLY',
        message: 'the database endpoint answers this machine only',
      });
      return;
    }
    const read = await readJsonOrRefuse(req, res, DATABASE_BODY_LIMIT, (e) =>
      e.status === 413
        ? [413, { requestId, code: e.code, message: e.message }]
        : // Still HTTP 200: the SDK turns a top-level code into a proper error for its caller.
          [200, { requestId, code: 'INVALID_PARAM', message: e.message }],
    );
    if (read === null) return;
    const body = read.body;
    const signed = isPlainObject(body)
      ? verifySignature(
          { method: req.method ?? 'POST', url: req.url ?? '', headers: req.headers, body },
          deps.adminKey,
          Date.now(),
        )
      : 'request body must be a JSON object';
    if (signed !== null) {
      sendJson(res, 401, { requestId, code: 'UNAUTHENTICATED', message: `/admin: ${signed}` });
      return;
    }
    // Handled synchronously from here on: no other request interleaves with this one's reads and writes.
    const reply = dispatch(
      body,
      { store: deps.store, txm: deps.txm, now: Date.now(), appendOnly: deps.appendOnly ?? new Set() },
      deps.log,
    );
    sendJson(res, 200, { requestId, ...reply });
  };
}
