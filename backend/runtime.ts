/**
 * A cloud function as its contract (shared/api/contracts) plus one handler per action. Every call goes the same way:
 * parse the event, resolve the caller, check the contract's access, parse the payload with the contract's input
 * schema, run the handler (idempotent by the envelope's idempotencyKey where the contract says so), answer
 * `{ ok: true, data }` or `{ ok: false, code, message, fieldErrors? }`.
 * Two kinds of action, as the contract's `transactional` flag says:
 *  - transactional: the body runs in ONE transaction with its audit entries and, with an idempotency key, its
 *    stored answer — a refusal, a crash or a lost race writes nothing, and a conflict re-runs the whole body;
 *  - plain: reads, and writes that validate everything before their first write (appending audit after); never
 *    idempotent (one mechanism: the transactional action's stored answer, idempotency.ts).
 */
import type { ActionContract, AnswerOf, FunctionContract, InputOf } from '../shared/api/contract';
import { functionEventSchema, type FunctionName } from '../shared/api/envelope';
import { failure, parseWith, type Result } from '../shared/errors';
import { allows } from '../shared/policy/roles';
import { normalizeTexts } from '../shared/records/common';
import { appendAudit, appendChained, auditRow, withChainTurn, type AuditEntry } from './audit';
import { resolveCaller, type Caller } from './caller';
import { ensureCollections } from './collections';
import { AppError } from './errors';
import { idempotencyKey, storeAnswer, storedAnswer } from './idempotency';
import { errorCodeOf, type Db } from './sdk';
import { inTransaction, type Transaction } from './transaction';
import type { FileStore } from './files';
import type { SubscribeSender } from './subscribe';

/** What reaches the platform beyond the database, injected per deployment (production, local, tests). */
export interface Services {
  /** Sends a subscribe message (订阅消息); null where none can be sent (nothing leaves, messages stay queued). */
  subscribe: SubscribeSender | null;
  /** Cloud storage for files a function makes (the report as .docx); null where there is none. */
  files?: FileStore | null;
  log: (line: string) => void;
}

/** Work that must see the committed state and may fail on its own (e.g. a message to WeChat). */
export type AfterCommit = (db: Db, services: Services) => Promise<void>;

export interface HandlerContext {
  db: Db;
  caller: Caller;
  now: Date;
  audit(entry: AuditEntry): Promise<void>;
  /** Cloud storage (Services.files); absent where there is none. */
  files?: FileStore | null;
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

/**
 * One action's handler, typed from its contract: it takes the parsed input and answers the contract's answer. A
 * transactional action's is `transaction` (run in one transaction with a TxContext), any other's `handler`.
 */
export type HandlerOf<C extends ActionContract> = C['transactional'] extends true
  ? {
      /**
       * Reads done once, before the transaction (and not again when a conflict re-runs it): work that need not join
       * the transaction and would otherwise stretch it, e.g. the records a report counts. Its result is `ctx.prepared`.
       */
      prepare?(input: InputOf<C>, ctx: Omit<HandlerContext, 'audit'>): Promise<unknown>;
      transaction(input: InputOf<C>, ctx: TxContext): Promise<AnswerOf<C>>;
    }
  : { handler(input: InputOf<C>, ctx: HandlerContext): Promise<AnswerOf<C>> };

/** Exactly one handler per action of the contract (an extra or a missing one does not compile). */
export type Handlers<FC extends FunctionContract> = { [A in keyof FC]: HandlerOf<FC[A]> };

type PlainHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>;
type TxHandler = (input: unknown, ctx: TxContext) => Promise<unknown>;
type Prepare = (input: unknown, ctx: Omit<HandlerContext, 'audit'>) => Promise<unknown>;

export interface Invocation {
  db: Db;
  /** From the platform, never from the event. */
  openid: string | null;
  now?: () => Date;
  log?: (line: string) => void;
  /** How subscribe messages leave (cloudfunctions: the SDK's openapi; local server: recorded as sent locally). */
  subscribe?: SubscribeSender;
  /** Where files a function makes are stored (cloudfunctions: cloud storage; local server: its files store). */
  files?: FileStore;
  /** The caller's network address, where known (the local server), for the anonymous rate limits. */
  client?: string | null;
}

export type FunctionHandler = (event: unknown, invocation: Invocation) => Promise<Result<unknown>>;

interface Call {
  fn: string;
  db: Db;
  caller: Caller;
  now: Date;
  /** The envelope's idempotency key, kept with the audit entries of the call. */
  idempotencyKey: string | null;
  /** Set when the action is idempotent and the event carried an idempotency key from a signed-in caller. */
  key: string | null;
  services: Services;
}

/** The answer as it travels (JSON), so a first answer and its replay are identical. */
function asAnswer(data: unknown): Result<unknown> {
  return { ok: true, data: data === undefined ? null : (JSON.parse(JSON.stringify(data)) as unknown) };
}

async function runTx(
  handler: TxHandler,
  prepare: Prepare | undefined,
  input: unknown,
  call: Call,
): Promise<Result<unknown>> {
  const { db, key } = call;
  if (key) {
    // Fast path for a repeat after the first call committed; the check inside the transaction decides races.
    const prior = await storedAnswer(db, key);
    if (prior) return prior;
  }
  // A staff member's writes go to their organ's audit chain: take turns with the organ's other writers here.
  const chain = call.caller.staff?.organId;
  const turn = chain ? <R>(work: () => Promise<R>) => withChainTurn(chain, work) : undefined;
  const prepared = prepare ? await prepare(input, { db, caller: call.caller, now: call.now }) : undefined;
  return inTransactionThen(
    db,
    call.services,
    async (tx, afterCommit) => {
      if (key) {
        const prior = await storedAnswer(tx, key);
        if (prior) return prior;
      }
      const entries: AuditEntry[] = [];
      const data = await handler(input, {
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
        entries.map((e) => auditRow(call.caller, call.fn, e, call.now, call.idempotencyKey)),
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

async function runPlain(handler: PlainHandler, input: unknown, call: Call): Promise<Result<unknown>> {
  const { db, caller, now, fn } = call;
  const audit = (entry: AuditEntry) => appendAudit(db, caller, fn, entry, now);
  const ctx: HandlerContext = { db, caller, now, audit, files: call.services.files ?? null };
  try {
    return { ok: true, data: await handler(input, ctx) };
  } catch (e) {
    if (e instanceof AppError) return failure(e.code, e.message, e.fieldErrors);
    throw e;
  }
}

/**
 * The cloud function `name`: its contract's actions, each with its handler. Nothing else is reachable: an action the
 * contract does not name is refused as VALIDATION before anything runs.
 */
export function defineFunction<FC extends FunctionContract>(
  name: FunctionName,
  contract: FC,
  handlers: Handlers<FC>,
): FunctionHandler {
  // Each handler was typed against its own action above; the dispatch below needs only the common shape.
  const table = handlers as unknown as Record<
    string,
    { handler?: PlainHandler; transaction?: TxHandler; prepare?: Prepare } | undefined
  >;
  const missing = Object.keys(contract).filter((a) => {
    const h = table[a];
    return typeof (contract[a]?.transactional ? h?.transaction : h?.handler) !== 'function';
  });
  const extra = Object.keys(table).filter((a) => !Object.prototype.hasOwnProperty.call(contract, a));
  if (missing.length > 0 || extra.length > 0)
    throw new Error(
      `${name}: handlers do not match the contract (missing: ${missing.join(', ')}; extra: ${extra.join(', ')})`,
    );
  return async (
    event,
    { db, openid, now = () => new Date(), log = (l) => console.error(l), subscribe, files, client },
  ) => {
    const parsed = parseWith(functionEventSchema, event);
    if (!parsed.ok) return parsed;
    const { action: actionName, payload, idempotencyKey: callKey } = parsed.data;
    const def: ActionContract | undefined = Object.prototype.hasOwnProperty.call(contract, actionName)
      ? contract[actionName]
      : undefined;
    const handler = def ? table[actionName] : undefined;
    if (!def || !handler)
      return failure('VALIDATION', `未知的操作：${name}.${actionName}`, [
        { path: 'action', message: `未知的操作 ${actionName}` },
      ]);
    try {
      await ensureCollections(db);
      const caller = await resolveCaller(db, openid, client ?? null);
      if (!allows(def.access, caller.role, caller.openid !== null)) {
        return caller.openid === null && def.access !== 'public'
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
        def.transactional && def.idempotent && callKey && caller.openid
          ? idempotencyKey(caller.openid, name, actionName, callKey)
          : null;
      const call: Call = {
        fn: name,
        db,
        caller,
        now: now(),
        idempotencyKey: callKey ?? null,
        key,
        services: { subscribe: subscribe ?? null, files: files ?? null, log },
      };
      if (def.transactional) {
        try {
          return await runTx(handler.transaction as TxHandler, handler.prepare, input.data, call);
        } catch (e) {
          if (e instanceof AppError) return failure(e.code, e.message, e.fieldErrors);
          throw e;
        }
      }
      return await runPlain(handler.handler as PlainHandler, input.data, call);
    } catch (e) {
      // Never echo internals (they may hold personal data): log the code, answer in general terms.
      log(`${name}.${actionName} failed: ${errorCodeOf(e) ?? (e instanceof Error ? e.message : 'error')}`);
      return failure('INTERNAL', '服务暂时不可用，请稍后再试');
    }
  };
}
