/** A local server with the functions mounted, and a caller per OPENID going through the real handlers and SDK. */
import '../server/helpers/env';
import { SECRECY_ALL_CONFIRMED } from '../../shared/api/items';
import { INDEXES } from '../../backend/indexes';
import { createSetupCode } from '../../backend/organ';
import { FUNCTION_HANDLERS } from '../../backend/functions';
import type { FunctionName } from '../../shared/api';
import { CONTRACTS } from '../../shared/api/contracts';
import type { Result } from '../../shared/errors';
import { connectLocal, type Db } from '../../backend/sdk';
import type { FileStore } from '../../backend/files';
import { localFileStore } from '../../server/files';
import { installFunctions } from '../../server/functions';
import { startLocal, type LocalServer } from '../server/helpers/local';

/**
 * Jest runs tests in a vm context, but Node's structuredClone builds its copies in the outer realm: a Date the
 * local server clones into a transaction's overlay then fails `instanceof Date` in its EJSON encoder and is stored
 * as {}. Outside Jest (npm start, production) this cannot happen. A copy made in this realm keeps Dates Dates.
 */
const outerClone = globalThis.structuredClone;
function cloneHere(value: unknown): unknown {
  if (Object.prototype.toString.call(value) === '[object Date]' && typeof value === 'object' && value !== null) {
    return new Date(Date.prototype.getTime.call(value));
  }
  if (Array.isArray(value)) return value.map(cloneHere);
  if (typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneHere(v)]));
  }
  return typeof value === 'object' && value !== null ? outerClone(value) : value;
}
globalThis.structuredClone = (<T>(value: T): T => cloneHere(value) as T) as typeof structuredClone;

/**
 * Every answer of every function test is checked against its contract's answer schema, as it travels (JSON): an
 * answer that drifts from the contract fails the test that got it.
 */
export function checkAnswer(fn: FunctionName, action: string, data: unknown): void {
  const actions: Record<string, { answer: { safeParse(v: unknown): { success: boolean; error?: unknown } } }> =
    CONTRACTS[fn];
  const contract = actions[action];
  if (!contract) throw new Error(`${fn}.${action}: no contract`);
  const parsed = contract.answer.safeParse(data === undefined ? null : JSON.parse(JSON.stringify(data)));
  if (!parsed.success)
    throw new Error(`${fn}.${action}: the answer does not follow its contract: ${String(parsed.error)}`);
}

export interface Backend {
  local: LocalServer;
  db: Db;
  call(
    openid: string | null,
    fn: FunctionName,
    action: string,
    payload?: unknown,
    idempotencyKey?: string,
  ): Promise<Result<unknown>>;
  ok<T = Record<string, unknown>>(
    openid: string | null,
    fn: FunctionName,
    action: string,
    payload?: unknown,
    idempotencyKey?: string,
  ): Promise<T>;
  stop(): Promise<void>;
}

export async function startBackend(): Promise<Backend> {
  let db: Db | null = null;
  // The functions' cloud storage: the server's files store, as under npm start (reports.exportDocx).
  let files: FileStore | null = null;
  const local = await startLocal({
    indexes: INDEXES,
    routes: (r) =>
      installFunctions(
        r,
        () => db ?? (db = connectLocal(local.server.url, local.server.adminKey)),
        () => files,
      ),
  });
  db = connectLocal(local.server.url, local.server.adminKey);
  const handle: Db = db;
  const store = localFileStore(local.dataDir, local.server.publicUrl);
  files = store;
  const call: Backend['call'] = async (openid, fn, action, payload, idempotencyKey) => {
    const handler = FUNCTION_HANDLERS[fn];
    if (!handler) throw new Error(`no function ${fn}`);
    const result = await handler(
      { action, payload, ...(idempotencyKey ? { idempotencyKey } : {}) },
      { db: handle, openid, log: () => undefined, files: store },
    );
    if (result.ok) checkAnswer(fn, action, result.data);
    return result;
  };
  return {
    local,
    db: handle,
    call,
    async ok<T>(openid: string | null, fn: FunctionName, action: string, payload?: unknown, idempotencyKey?: string) {
      const r = await call(openid, fn, action, payload, idempotencyKey);
      if (!r.ok) throw new Error(`${fn}.${action} failed: ${r.code} ${r.message}`);
      return r.data as T;
    },
    stop: () => local.stop(),
  };
}

export const ORGAN = {
  name: '扎毛乡人民政府',
  creditCode: '11632323MB12345670',
  contactPhone: '0973-0000000',
  address: '扎毛乡政府大院',
  // 条例 第五十一条: every letter names them; an organ without them issues no letter (test/backend/requests-letters).
  reviewOrgan: '同仁市人民政府',
  court: '同仁市人民法院',
  feePayment: '到乡财政所窗口缴纳，或通过非税收入缴款码缴纳',
};

/** An organ with one person per role: admin (by setup code), editor, reviewer, leader (by invitation). */
export async function seedOrgan(
  b: Backend,
  suffix = '',
): Promise<{ organId: string; admin: string; editor: string; reviewer: string; leader: string }> {
  const admin = `oAdmin${suffix}`;
  const code = await createSetupCode(b.db);
  const { organId } = await b.ok<{ organId: string }>(admin, 'organ', 'setup', {
    code,
    organ: ORGAN,
    displayName: '管理员',
  });
  const people = { editor: `oEditor${suffix}`, reviewer: `oReviewer${suffix}`, leader: `oLeader${suffix}` };
  for (const [role, openid] of Object.entries(people)) {
    const invite = await b.ok<{ code: string }>(admin, 'organ', 'invite', { role });
    await b.ok(openid, 'organ', 'bind', { code: invite.code, displayName: role });
  }
  return { organId, admin, ...people };
}

export function itemContent(title: string, extra: Record<string, unknown> = {}) {
  return {
    title,
    publisher: '扎毛乡人民政府',
    writtenDate: '2026-03-01',
    category: 'agriculture',
    body: `${title}的正文。`,
    ...extra,
  };
}

export const CHECKLIST = SECRECY_ALL_CONFIRMED;

/**
 * For a test's backend child process (the mini program e2e tests): prints `info` as one JSON line, the signal that
 * it is ready, then runs until its stdin closes, when the parent test ends.
 */
export function serveUntilStdinCloses(b: Backend, info: unknown): void {
  process.stdout.write(`${JSON.stringify(info)}\n`);
  const stop = (): void => {
    void b.stop().finally(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

export function runChild(name: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
