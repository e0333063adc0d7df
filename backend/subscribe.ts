/**
 * Subscribe messages (订阅消息) leaving for WeChat: the message as the platform's subscribeMessage.send takes it,
 * and the senders. Production sends through the SDK's cloud call (callWxOpenApi, no access_token needed inside
 * a cloud function; the function's config.json declares the `subscribeMessage.send` permission). The local server
 * has no WeChat to talk to: its sender accepts every message, so the queue, the claim and the states run as in
 * production and the developer sees in the `notifications` collection exactly what would have been sent.
 */
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';

/** The body of POST /cgi-bin/message/subscribe/send. */
export interface SubscribeMessage {
  touser: string;
  template_id: string;
  /** The mini program page the message opens, with its query. */
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
}

export type SendResult = { ok: true } | { ok: false; errcode: number; errmsg: string };

export type SubscribeSender = (message: SubscribeMessage) => Promise<SendResult>;

/**
 * Errors that no retry can mend: 43101 the user did not (or no longer) accept the template, 47003 the data do
 * not fit the template's keys, 40003 an OPENID that is not this app's, 40037 an unknown template id.
 */
export const PERMANENT_ERRCODES: ReadonlySet<number> = new Set([43101, 47003, 40003, 40037]);

function resultOf(reply: unknown): SendResult {
  const r = (typeof reply === 'object' && reply !== null ? reply : {}) as {
    code?: unknown;
    message?: unknown;
    result?: unknown;
  };
  // The SDK answers a transport or permission failure as { code, message } instead of a result.
  if (typeof r.code === 'string' && r.code)
    return { ok: false, errcode: -1, errmsg: `${r.code} ${typeof r.message === 'string' ? r.message : ''}`.trim() };
  const result = (typeof r.result === 'object' && r.result !== null ? r.result : {}) as {
    errcode?: unknown;
    errmsg?: unknown;
  };
  const errcode = typeof result.errcode === 'number' ? result.errcode : 0;
  return errcode === 0
    ? { ok: true }
    : { ok: false, errcode, errmsg: typeof result.errmsg === 'string' ? result.errmsg : '' };
}

/** Production: the cloud call of the function's own environment. */
export function cloudSubscribeSender(): SubscribeSender {
  const app = init({ env: SYMBOL_CURRENT_ENV });
  return async (message) =>
    resultOf(await app.callWxOpenApi({ apiName: '/cgi-bin/message/subscribe/send', requestData: message }));
}

/** Development: nothing leaves the machine; the message counts as delivered. */
export const localSubscribeSender: SubscribeSender = async () => ({ ok: true });

export { resultOf as subscribeResultOf };
