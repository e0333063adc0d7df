/**
 * A cloud function as a table of actions. Every call goes the same way: parse the event, resolve the caller,
 * check the policy table, parse the payload with the shared zod schema, run the handler (idempotent by requestId
 * where asked), answer `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors? }`.
 * Handlers validate everything before their first write, so a refusal writes nothing.
 */
import type { z } from 'zod';
import { functionEventSchema } from '../shared/api/envelope';
import { failure, parseWith, type Result } from '../shared/errors';
import { accessOf, allows } from '../shared/policy';
import { appendAudit, type AuditEntry } from './audit';
import { resolveCaller, type Caller } from './caller';
import { ensureCollections } from './collections';
import { AppError } from './errors';
import { idempotencyKey, once } from './idempotency';
import { errorCodeOf, type Db } from './sdk';

export interface HandlerContext {
  db: Db;
  caller: Caller;
  now: Date;
  audit(entry: AuditEntry): Promise<void>;
}

export interface ActionDef<S extends z.ZodType> {
  input: S;
  /** Repeats with the same requestId answer the first result. */
  idempotent?: boolean;
  handler(input: z.output<S>, ctx: HandlerContext): Promise<unknown>;
}

// Each action keeps its own schema type; the table only needs the common shape.
export type ActionTable = Record<string, ActionDef<z.ZodType>>;

export function action<S extends z.ZodType>(def: ActionDef<S>): ActionDef<z.ZodType> {
  return def as unknown as ActionDef<z.ZodType>;
}

export interface Invocation {
  db: Db;
  /** From the platform, never from the event. */
  openid: string | null;
  now?: () => Date;
  log?: (line: string) => void;
}

export type FunctionHandler = (event: unknown, invocation: Invocation) => Promise<Result<unknown>>;

export function defineFunction(name: string, actions: ActionTable): FunctionHandler {
  return async (event, { db, openid, now = () => new Date(), log = (l) => console.error(l) }) => {
    const parsed = parseWith(functionEventSchema, event);
    if (!parsed.ok) return parsed;
    const { action: actionName, payload, requestId } = parsed.data;
    const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
    if (!def) return failure('VALIDATION', `未知的操作：${name}.${actionName}`, [{ path: 'action', message: `action：未知的操作 ${actionName}` }]);
    try {
      await ensureCollections(db);
      const caller = await resolveCaller(db, openid);
      const access = accessOf(name, actionName);
      if (!allows(access, caller.role, caller.openid !== null)) {
        return caller.openid === null && access !== 'public'
          ? failure('UNAUTHENTICATED', '请先在微信中打开并登录')
          : failure('FORBIDDEN', '您没有此项操作的权限');
      }
      const input = parseWith(def.input, payload ?? {});
      if (!input.ok) return input;
      const at = now();
      const ctx: HandlerContext = { db, caller, now: at, audit: (entry) => appendAudit(db, caller, name, entry, at) };
      const act = async (): Promise<Result<unknown>> => {
        try {
          return { ok: true, data: await def.handler(input.data, ctx) };
        } catch (e) {
          if (e instanceof AppError) return failure(e.code, e.message, e.fieldErrors);
          throw e;
        }
      };
      if (def.idempotent && requestId && caller.openid) {
        return await once(db, idempotencyKey(caller.openid, name, actionName, requestId), act);
      }
      return await act();
    } catch (e) {
      // Never echo internals (they may hold personal data): log the code, answer in general terms.
      log(`${name}.${actionName} failed: ${errorCodeOf(e) ?? (e instanceof Error ? e.message : 'error')}`);
      return failure('INTERNAL', '服务暂时不可用，请稍后再试');
    }
  };
}
