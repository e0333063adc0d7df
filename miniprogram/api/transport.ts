/**
 * The two ways a call reaches a cloud function, with the same envelope either way:
 *  - cloud: `wx.cloud.callFunction({ name, data: event })`, the answer in `result`;
 *  - dev: `POST {devServer}/functions/{name}` with the event as JSON body (the local server, `npm start`).
 * A transport never throws: a network failure or an answer that is not a Result becomes a Failure.
 * Each also uploads files: cloud → wx.cloud.uploadFile (the answer's fileID); dev → wx.uploadFile to
 * `{devServer}/files` with the login header (the local server's file id, served at `{devServer}/files/<id>`).
 */
import type { FunctionEvent, FunctionName, Result } from 'gongkai-core';

/** A local file (wx.chooseMedia's temp path) to store; the cloud path goes under the organ. */
export interface UploadInput {
  filePath: string;
  /** Shown to readers (附件 name); its extension is kept in the stored path. */
  name: string;
  organId: string;
  /** 0–100, as the upload task reports it. */
  onProgress?: (percent: number) => void;
}

/** What an item stores as an attachment's `fileId`: a CloudBase fileID, or the local server's file id. */
export interface UploadedFile {
  fileId: string;
  size?: number;
}

export type Upload = (file: UploadInput) => Promise<Result<UploadedFile>>;

export interface Transport {
  (name: FunctionName, event: FunctionEvent): Promise<Result<unknown>>;
  /** Storing files the same way calls are made (wx.cloud.uploadFile, or POST /files); absent in test fakes. */
  upload?: Upload;
}

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

export const UPLOAD_MESSAGE = '照片上传失败，请检查网络后重试';
const UPLOAD_TIMEOUT_MS = 60000;

/** Progress as whole percents, each reported once (setData on every tick would flood a weak phone). */
function progressOf(
  task: { onProgressUpdate?: (cb: (res: { progress: number }) => void) => void } | undefined,
  report?: (percent: number) => void,
): void {
  if (report === undefined || typeof task?.onProgressUpdate !== 'function') return;
  let last = -1;
  task.onProgressUpdate((res) => {
    if (res.progress === last) return;
    last = res.progress;
    report(res.progress);
  });
}

function extensionOf(name: string): string {
  return /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? 'jpg';
}

/** `items/<organ>/<yyyymm>/<time>-<random>.<ext>`: one folder per organ, never a name that can collide. */
export function cloudPathOf(file: UploadInput, now = new Date()): string {
  const month = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}`;
  const unique = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  return `items/${file.organId}/${month}/${unique}.${extensionOf(file.name)}`;
}

function cloudUpload(): Upload {
  return (file) =>
    new Promise((resolve) => {
      try {
        const task = wx.cloud.uploadFile({
          cloudPath: cloudPathOf(file),
          filePath: file.filePath,
          success: (res) => resolve({ ok: true, data: { fileId: res.fileID } }),
          fail: () => resolve(failed(UPLOAD_MESSAGE)),
        });
        progressOf(task as unknown as Parameters<typeof progressOf>[0], file.onProgress);
      } catch {
        resolve(failed(UPLOAD_MESSAGE));
      }
    });
}

export function cloudTransport(): Transport {
  return Object.assign(cloudCall(), { upload: cloudUpload() });
}

function cloudCall(): Transport {
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

const LOCAL_FILE_PREFIX = 'local://';

/** The local server answers `{ ok, data: { fileID: 'local://<id>', size } }` as JSON text (wx.uploadFile does not parse). */
export function uploadedFrom(status: number, text: unknown): Result<UploadedFile> {
  let body: unknown = text;
  if (typeof text === 'string') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      return failed(status >= 200 && status < 300 ? UNREADABLE_MESSAGE : UPLOAD_MESSAGE);
    }
  }
  const result = fromHttp(status, body);
  if (!result.ok) return result;
  const data = result.data;
  if (!isObject(data) || typeof data.fileID !== 'string' || data.fileID === '') return failed(UNREADABLE_MESSAGE);
  // The id alone: pages turn it into `{devServer}/files/<id>` (api/files.ts), wherever the server runs.
  const fileId = data.fileID.startsWith(LOCAL_FILE_PREFIX) ? data.fileID.slice(LOCAL_FILE_PREFIX.length) : data.fileID;
  return { ok: true, data: typeof data.size === 'number' ? { fileId, size: data.size } : { fileId } };
}

function devUpload(options: DevTransportOptions): Upload {
  return (file) =>
    new Promise((resolve) => {
      try {
        const token = options.login();
        const task = wx.uploadFile({
          url: `${options.server}/files`,
          filePath: file.filePath,
          name: 'file',
          header: token === '' ? {} : { [LOGIN_HEADER]: token },
          timeout: UPLOAD_TIMEOUT_MS,
          success: (res) => resolve(uploadedFrom(res.statusCode, res.data)),
          fail: () => resolve(failed(UPLOAD_MESSAGE)),
        });
        progressOf(task, file.onProgress);
      } catch {
        resolve(failed(UPLOAD_MESSAGE));
      }
    });
}

export function devTransport(options: DevTransportOptions): Transport {
  return Object.assign(devCall(options), { upload: devUpload(options) });
}

function devCall(options: DevTransportOptions): Transport {
  return (name, event) =>
    new Promise((resolve) => {
      try {
        const token = options.login();
        wx.request({
          url: `${options.server}/functions/${name}`,
          method: 'POST',
          data: event,
          header:
            token === ''
              ? { 'content-type': 'application/json' }
              : { 'content-type': 'application/json', [LOGIN_HEADER]: token },
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
