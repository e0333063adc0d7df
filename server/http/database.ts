/** POST {serviceUrl}?env=…&seqId=… — the CloudBase database endpoint the SDK talks to. */
import { randomUUID } from 'node:crypto';
import { dispatch } from '../actions';
import type { TxManager } from '../db/transactions';
import type { DocStore } from '../store/types';
import { HttpError, readJson, sendJson } from './envelope';
import type { RouteHandler } from './router';

export interface DatabaseDeps {
  store: DocStore;
  txm: TxManager;
  log: (message: string) => void;
}

export function databaseHandler(deps: DatabaseDeps): RouteHandler {
  return async (req, res) => {
    const requestId = randomUUID();
    let body: unknown;
    try {
      body = await readJson(req);
    } catch (e) {
      // Still HTTP 200: the SDK turns a top-level code into a proper error for its caller.
      const message = e instanceof HttpError ? e.message : 'cannot read request body';
      sendJson(res, 200, { requestId, code: 'INVALID_PARAM', message });
      return;
    }
    // Handled synchronously from here on: no other request interleaves with this one's reads and writes.
    const reply = dispatch(body, { store: deps.store, txm: deps.txm, now: Date.now() }, deps.log);
    sendJson(res, 200, { requestId, ...reply });
  };
}
