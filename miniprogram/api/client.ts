/**
 * The one typed client: `call(fn, action, payload, requestId?)` → `Result` of that action's data. The transport is
 * chosen once (app.ts onLaunch, see config/) and set here; pages never see it.
 */
import type { FunctionEvent, FunctionName, Result } from 'gongkai-core';
import type { ActionOf, DataOf, PayloadOf } from './contract';
import type { Transport } from './transport';

let transport: Transport | null = null;

export function setTransport(next: Transport): void {
  transport = next;
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
