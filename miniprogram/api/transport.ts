/**
 * The two ways a call reaches a cloud function, with the same envelope either way:
 *  - cloud: `wx.cloud.callFunction({ name, data: event })`, the answer in `result`;
 *  - dev: `POST {devServer}/functions/{name}` with the event as JSON body (the local server, `npm start`).
 * A transport never throws: a network failure or an answer that is not a Result becomes a Failure.
 */
import type { FunctionEvent, FunctionName, Result } from 'gongkai-core';

export type Transport = (name: FunctionName, event: FunctionEvent) => Promise<Result<unknown>>;

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
export const UNREADABLE_MESSAGE = '服务返回了无法识别的结果，请稍后重试';
const TIMEOUT_MS = 20000;

function failed(message: string): Result<never> {
  return { ok: false, code: 'INTERNAL', message };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The envelope's answer shape: `{ ok: true, data }` or `{ ok: false, code, message }`. */
export function isResult(value: unknown): value is Result<unknown> {
  if (!isObject(value)) return false;
  if (value.ok === true) return 'data' in value;
  return value.ok === false && typeof value.code === 'string' && typeof value.message === 'string';
}

export function toResult(value: unknown): Result<unknown> {
  return isResult(value) ? value : failed(UNREADABLE_MESSAGE);
}

export function cloudTransport(): Transport {
  return (name, event) =>
    new Promise((resolve) => {
      try {
        wx.cloud.callFunction({
          name,
          data: event,
          success: (res) => resolve(toResult(res.result)),
          fail: () => resolve(failed(NETWORK_MESSAGE)),
        });
      } catch {
        resolve(failed(NETWORK_MESSAGE));
      }
    });
}

export interface DevTransportOptions {
  server: string;
  /** The `x-gongkai-login` token, read on every call so a later sign-in takes effect; '' sends no header. */
  login: () => string;
}

/** HTTP errors still carry the envelope when the local server answered; anything else is unreadable. */
function fromHttp(status: number, body: unknown): Result<unknown> {
  if (isResult(body)) return body;
  return failed(status >= 200 && status < 300 ? UNREADABLE_MESSAGE : `服务暂时不可用（HTTP ${status}），请稍后重试`);
}

export const LOGIN_HEADER = 'x-gongkai-login';

export function devTransport(options: DevTransportOptions): Transport {
  return (name, event) =>
    new Promise((resolve) => {
      try {
        const token = options.login();
        wx.request({
          url: `${options.server}/functions/${name}`,
          method: 'POST',
          data: event,
          header: token === '' ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', [LOGIN_HEADER]: token },
          dataType: 'json',
          timeout: TIMEOUT_MS,
          success: (res) => resolve(fromHttp(res.statusCode, res.data)),
          fail: () => resolve(failed(NETWORK_MESSAGE)),
        });
      } catch {
        resolve(failed(NETWORK_MESSAGE));
      }
    });
}
