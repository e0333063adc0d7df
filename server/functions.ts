/**
 * POST /functions/<name>: the cloud functions in development, with the event as the JSON body and a development
 * login token in the `x-gongkai-login` header mapped to an OPENID — the same handlers as production. No header (or
 * an empty one) is a citizen who has not signed in; an unknown token is refused with 401. Subscribe messages go to
 * the local sender: marked sent, nothing leaves the machine. The event may be at most what CloudBase accepts for a
 * function call (413 past it); the caller's address goes along for the anonymous rate limits.
 */
import { openidForToken, LOGIN_HEADER } from '../backend/dev-logins';
import { FUNCTION_HANDLERS } from '../backend/functions';
import type { FileStore } from '../backend/files';
import type { Db } from '../backend/sdk';
import { localSubscribeSender } from '../backend/subscribe';
import { describeBytes, FUNCTION_BODY_LIMIT, readJsonOrRefuse, sendJson } from './http/envelope';
import type { Router } from './http/router';

/** `files`: the functions' cloud storage (the files store once the server knows its address), else none. */
export function installFunctions(router: Router, db: () => Db, files: () => FileStore | null = () => null): void {
  router.post('/functions/:name', async (req, res, { params }) => {
    const name = params.name ?? '';
    const handler = Object.prototype.hasOwnProperty.call(FUNCTION_HANDLERS, name)
      ? FUNCTION_HANDLERS[name as keyof typeof FUNCTION_HANDLERS]
      : undefined;
    if (!handler) {
      sendJson(res, 404, { ok: false, code: 'NOT_FOUND', message: `没有云函数 ${name}` });
      return;
    }
    const read = await readJsonOrRefuse(req, res, FUNCTION_BODY_LIMIT, (e) =>
      e.status === 413
        ? [
            413,
            {
              ok: false,
              code: 'PAYLOAD_TOO_LARGE',
              message: `请求体超过 ${describeBytes(FUNCTION_BODY_LIMIT)}（云函数调用的上限）`,
            },
          ]
        : [400, { ok: false, code: 'VALIDATION', message: '请求体不是有效的 JSON' }],
    );
    if (read === null) return;
    const event = read.body;
    const header = req.headers[LOGIN_HEADER];
    const token = (Array.isArray(header) ? header[0] : header)?.trim() || undefined;
    const openid = await openidForToken(db(), token);
    // A token that maps to nobody (say, after the data directory was wiped) is an error, not a silent citizen.
    if (token && !openid) {
      sendJson(res, 401, {
        ok: false,
        code: 'UNAUTHENTICATED',
        message: '登录令牌无效：请使用 npm start 打印的令牌重新登录',
      });
      return;
    }
    const client = req.socket.remoteAddress ?? null;
    const store = files();
    const invocation = {
      db: db(),
      openid,
      client,
      subscribe: localSubscribeSender,
      ...(store ? { files: store } : {}),
    };
    sendJson(res, 200, await handler(event, invocation));
  });
}
