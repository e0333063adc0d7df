/**
 * The one typed client: `call('items.list', payload, idempotencyKey?)` → `Result` of that action's answer. Payload
 * and answer types come from the functions' contracts (shared/api/contracts, types only: no schema ships here), so
 * a page that sends the wrong shape, or reads an answer field that is not there, does not compile. The function
 * parses every payload with the contract's schema and answers a field error in Chinese. The transport is chosen once
 * (app.ts onLaunch, see config/) and set here; pages never see it.
 */
import {
  parseWith,
  type CallAnswer,
  type CallName,
  type CallPayload,
  type FunctionEvent,
  type FunctionName,
  type Result,
} from 'gongkai-core';
import type { z } from 'zod';
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
 * A fresh idempotency key for one intended write — a form, a tap (8–64 characters, as the envelope requires): a
 * repeat with the same key acts once.
 */
export function newIdempotencyKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = '';
  for (let i = 0; i < 12; i += 1) tail += Math.floor(random() * 36).toString(36);
  return `key-${now.toString(36)}-${tail}`;
}

export const NOT_READY_MESSAGE = '应用尚未完成初始化，请重新打开小程序';

export async function call<N extends CallName>(
  name: N,
  payload: CallPayload<N>,
  idempotencyKey?: string,
): Promise<Result<CallAnswer<N>>> {
  if (transport === null) return { ok: false, code: 'INTERNAL', message: NOT_READY_MESSAGE };
  const dot = name.indexOf('.');
  const fn = name.slice(0, dot) as FunctionName;
  const action = name.slice(dot + 1);
  const event: FunctionEvent = idempotencyKey === undefined ? { action, payload } : { action, payload, idempotencyKey };
  const result = await transport(fn, event);
  // The answer's shape was checked by the transport; its data follows the contract of `name` (the function tests
  // check every answer against the contract's answer schema).
  return result as Result<CallAnswer<N>>;
}

/**
 * `call` after checking the payload on the phone with the action's input schema (the one the function parses with,
 * from shared/api through gongkai-core): a form's field errors come back at once, in the same Chinese words, and
 * nothing is sent; what is sent is the parsed payload (trimmed, defaults filled).
 */
export async function callChecked<N extends CallName>(
  name: N,
  schema: z.ZodType<CallPayload<N>>,
  payload: CallPayload<N>,
  idempotencyKey?: string,
): Promise<Result<CallAnswer<N>>> {
  const checked = parseWith(schema, payload);
  if (!checked.ok) return checked;
  return call(name, checked.data, idempotencyKey);
}

/** Stores a local file with the transport's own upload (cloud storage, or the local server's /files). */
export async function upload(file: UploadInput): Promise<Result<UploadedFile>> {
  if (uploader === null) return { ok: false, code: 'INTERNAL', message: NOT_READY_MESSAGE };
  return uploader(file);
}
