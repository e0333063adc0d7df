/**
 * A cloud function as a table of actions. Every call goes the same way: parse the event, resolve the caller,
 * check the policy table, parse the payload with the shared zod schema, run the handler (idempotent by requestId
 * where asked), answer `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors? }`.
 * Two kinds of action:
 *  - `txAction`: the body runs in ONE transaction with its audit entries and, with a requestId, its stored answer —
 *    a refusal, a crash or a lost race writes nothing, and a conflict re-runs the whole body;
 *  - `action`: reads, and writes that validate everything before their first write (appending audit after);
 *    never idempotent by requestId (one mechanism: the txAction's stored answer, idempotency.ts).
 */
import type { z } from 'zod';
import { functionEventSchema } from '../shared/api/envelope';
import { failure, parseWith, type Result } from '../shared/errors';
import { accessOf, allows } from '../shared/policy';
import { normalizeTexts } from '../shared/records/common';
import { appendAudit, appendChained, auditRow, withChainTurn, type AuditEntry } from './audit';
import { resolveCaller, type Caller } from './caller';
import { ensureCollections } from './collections';
import { AppError } from './errors';
import { idempotencyKey, storeAnswer, storedAnswer } from './idempotency';
import { errorCodeOf, type Db } from './sdk';
import { inTransaction, type Transaction } from './transaction';
import type { SubscribeSender } from './subscribe';

/** What reaches the platform beyond the database, injected per deployment (production, local, tests). */
export interface Services {
  /** Sends a subscribe message (订阅消息); null where none can be sent (nothing leaves, messages stay queued). */
  subscribe: SubscribeSender | null;
  log: (line: string) => void;
}

/** Work that must see the committed state and may fail on its own (e.g. a message to WeChat). */
export type AfterCommit = (db: Db, services: Services) => Promise<void>;

export interface HandlerContext {
  db: Db;
  caller: Caller;
  now: Date;
  audit(entry: AuditEntry): Promise<void>;
}

/** What a transactional body gets: the transaction for every read and write, and a buffered audit. */
export interface TxContext {
  tx: Transaction;
  /** Reads that need not join the transaction (paged queries, counts: the records a report counts); never writes. */
  db: Db;
  caller: Caller;
  now: Date;
  /** Recorded now, appended inside the same transaction just before it commits. */
  audit(entry: AuditEntry): void;
  /** Run once the transaction committed (never for a replayed answer); a failure is logged, the answer stands. */
  afterCommit(task: AfterCommit): void;
  /** What the action's `prepare` read before the transaction began (undefined without one). */
  prepared?: unknown;
}

export interface ActionDef<S extends z.ZodType> {
  input: S;
  /** Plain actions read; a write that must answer a repeat with its first result is a txAction (idempotency.ts). */
  idempotent?: never;
  handler(input: z.output<S>, ctx: HandlerContext): Promise<unknown>;
}

export interface TxActionDef<S extends z.ZodType> {
  input: S;
  /** Repeats with the same requestId answer the first result (stored in the same transaction). */
  idempotent?: boolean;
  /**
   * Reads done once, before the transaction (and not again when a conflict re-runs it): work that need not join
   * the transaction and would otherwise stretch it, e.g. the records a report counts. Its result is `ctx.prepared`.
   */
  prepare?(input: z.output<S>, ctx: Omit<HandlerContext, 'audit'>): Promise<unknown>;
  transaction(input: z.output<S>, ctx: TxContext): Promise<unknown>;
}

// Each action keeps its own schema type; the table only needs the common shape.
type AnyAction = ActionDef<z.ZodType> | TxActionDef<z.ZodType>;
export type ActionTable = Record<string, AnyAction>;

export function action<S extends z.ZodType>(def: ActionDef<S>): ActionDef<z.ZodType> {
  return def as unknown as ActionDef<z.ZodType>;
}

export function txAction<S extends z.ZodType>(def: TxActionDef<S>): TxActionDef<z.ZodType> {
  return def as unknown as TxActionDef<z.ZodType>;
}

export interface Invocation {
  db: Db;
  /** From the platform, never from the event. */
  openid: string | null;
  now?: () => Date;
  log?: (line: string) => void;
  /** How subscribe messages leave (cloudfunctions: the SDK's openapi; local server: recorded as sent locally). */
  subscribe?: SubscribeSender;
  /** The caller's network address, where known (the local server), for the anonymous rate limits. */
  client?: string | null;
}

export type FunctionHandler = (event: unknown, invocation: Invocation) => Promise<Result<unknown>>;

interface Call {
  fn: string;
  db: Db;
  caller: Caller;
  now: Date;
  requestId: string | null;
  /** Set when the action is an idempotent txAction and the event carried a requestId from a signed-in caller. */
  key: string | null;
  services: Services;
}

/** The answer as it travels (JSON), so a first answer and its replay are identical. */
function asAnswer(data: unknown): Result<unknown> {
  return { ok: true, data: data === undefined ? null : (JSON.parse(JSON.stringify(data)) as unknown) };
}

async function runTx(def: TxActionDef<z.ZodType>, input: unknown, call: Call): Promise<Result<unknown>> {
  const { db, key } = call;
  if (key) {
    // Fast path for a repeat after the first call committed; the check inside the transaction decides races.
    const prior = await storedAnswer(db, key);
    if (prior) return prior;
  }
  // A staff member's writes go to their organ's audit chain: take turns with the organ's other writers here.
  const chain = call.caller.staff?.organId;
  const turn = chain ? <R>(work: () => Promise<R>) => withChainTurn(chain, work) : undefined;
  const prepared = def.prepare ? await def.prepare(input, { db, caller: call.caller, now: call.now }) : undefined;
  return inTransactionThen(
    db,
    call.services,
    async (tx, afterCommit) => {
      if (key) {
        const prior = await storedAnswer(tx, key);
        if (prior) return prior;
      }
      const entries: AuditEntry[] = [];
      const data = await def.transaction(input, {
        tx,
        db,
        caller: call.caller,
        now: call.now,
        audit: (e) => void entries.push(e),
        afterCommit,
        prepared,
      });
      const answer = asAnswer(data);
      await appendChained(
        tx,
        entries.map((e) => auditRow(call.caller, call.fn, e, call.now, call.requestId)),
      );
      if (key) await storeAnswer(tx, key, answer, call.now);
      return answer;
    },
    turn,
  );
}

/**
 * One transaction whose body may hand work to after its commit (`afterCommit`): the tasks of the run that committed
 * — a conflict re-runs the body and drops the earlier run's — run once it has.
 */
export async function inTransactionThen<T>(
  db: Db,
  services: Services,
  body: (tx: Transaction, afterCommit: (task: AfterCommit) => void) => Promise<T>,
  /** Runs the transaction (not the after-commit work) inside, e.g. the organ's turn (audit.ts withChainTurn). */
  around: <R>(work: () => Promise<R>) => Promise<R> = (work) => work(),
): Promise<T> {
  let tasks: AfterCommit[] = [];
  const result = await around(() =>
    inTransaction(db, (tx) => {
      tasks = [];
      return body(tx, (task) => void tasks.push(task));
    }),
  );
  await runAfterCommit(db, services, tasks);
  return result;
}

/** Runs committed work in turn; a failure is logged by name only (its message may hold personal data). */
async function runAfterCommit(db: Db, services: Services, tasks: readonly AfterCommit[]): Promise<void> {
  for (const task of tasks) {
    try {
      await task(db, services);
    } catch (e) {
      services.log(`after-commit task failed: ${errorCodeOf(e) ?? (e instanceof Error ? e.name : 'error')}`);
    }
  }
}

async function runPlain(def: ActionDef<z.ZodType>, input: unknown, call: Call): Promise<Result<unknown>> {
  const { db, caller, now, fn } = call;
  const ctx: HandlerContext = { db, caller, now, audit: (entry) => appendAudit(db, caller, fn, entry, now) };
  try {
    return { ok: true, data: await def.handler(input, ctx) };
  } catch (e) {
    if (e instanceof AppError) return failure(e.code, e.message, e.fieldErrors);
    throw e;
  }
}

export function defineFunction(name: string, actions: ActionTable): FunctionHandler {
  return async (event, { db, openid, now = () => new Date(), log = (l) => console.error(l), subscribe, client }) => {
    const parsed = parseWith(functionEventSchema, event);
    if (!parsed.ok) return parsed;
    const { action: actionName, payload, requestId } = parsed.data;
    const def = Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
    if (!def)
      return failure('VALIDATION', `未知的操作：${name}.${actionName}`, [
        { path: 'action', message: `action：未知的操作 ${actionName}` },
      ]);
    try {
      await ensureCollections(db);
      const caller = await resolveCaller(db, openid, client ?? null);
      const access = accessOf(name, actionName);
      if (!allows(access, caller.role, caller.openid !== null)) {
        return caller.openid === null && access !== 'public'
          ? failure('UNAUTHENTICATED', '请先在微信中打开并登录')
          : failure('FORBIDDEN', '您没有此项操作的权限');
      }
      // Every text field of every action: no control characters or unpaired surrogates, NFC (shared/records).
      const texts = normalizeTexts(payload ?? {});
      if (texts.issues.length > 0)
        return failure('VALIDATION', texts.issues[0]?.message ?? '输入含有无效字符', texts.issues.slice(0, 20));
      const input = parseWith(def.input, texts.value);
      if (!input.ok) return input;
      const key =
        'transaction' in def && def.idempotent && requestId && caller.openid
          ? idempotencyKey(caller.openid, name, actionName, requestId)
          : null;
      const call: Call = {
        fn: name,
        db,
        caller,
        now: now(),
        requestId: requestId ?? null,
        key,
        services: { subscribe: subscribe ?? null, log },
      };
      if ('transaction' in def) {
        try {
          return await runTx(def, input.data, call);
        } catch (e) {
          if (e instanceof AppError) return failure(e.code, e.message, e.fieldErrors);
          throw e;
        }
      }
      return await runPlain(def, input.data, call);
    } catch (e) {
      // Never echo internals (they may hold personal data): log the code, answer in general terms.
      log(`${name}.${actionName} failed: ${errorCodeOf(e) ?? (e instanceof Error ? e.message : 'error')}`);
      return failure('INTERNAL', '服务暂时不可用，请稍后再试');
    }
  };
}
