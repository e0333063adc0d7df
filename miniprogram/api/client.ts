/**
 * The one typed client: `call(fn, action, payload, requestId?)` → `Result` of that action's data. The transport is
 * chosen once (app.ts onLaunch, see config/) and set here; pages never see it.
 */
import type { FunctionEvent, FunctionName, Result } from 'gongkai-core';
import type { ActionOf, DataOf, PayloadOf } from './contract';
import type { Transport, Upload, UploadedFile, UploadInput } from './transport';

let transport: Transport | null = null;
let uploader: Upload | null = null;

export function setTransport(next: Transport): void {
  transport = next;
  uploader = next.upload ?? null;
}

/** Replaces how files are stored (tests: a real dev upload beside a fake transport). */
export function setUploader(next: Upload | null): void {
  uploader = next;
}

/**
 * A fresh id for one intended write — a form, a tap (8–64 characters, as the envelope requires): a repeat with the
 * same id acts once.
 */
export function newRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 12; i += 1) tail += Math.floor(random() * 36).toString(36);
  return `req-${now.toString(36)}-${tail}`;
}

export const NOT_READY_MESSAGE = '应用尚未完成初始化，请重新打开小程序';

export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  action: A,
  payload: PayloadOf<F, A>,
  requestId?: string,
): Promise<Result<DataOf<F, A>>> {
  if (transport === null) return { ok: false, code: 'INTERNAL', message: NOT_READY_MESSAGE };
  const event: FunctionEvent = requestId === undefined ? { action, payload } : { action, payload, requestId };
  const result = await transport(fn, event);
  // The answer's shape was checked by the transport; its data is trusted to follow the contract of `action`.
  return result as Result<DataOf<F, A>>;
}

/** Stores a local file with the transport's own upload (cloud storage, or the local server's /files). */
export async function upload(file: UploadInput): Promise<Result<UploadedFile>> {
  if (uploader === null) return { ok: false, code: 'INTERNAL', message: NOT_READY_MESSAGE };
  return uploader(file);
}
