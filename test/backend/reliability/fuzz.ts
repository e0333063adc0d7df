/**
 * What every fuzzed call must hold, in process or over HTTP: an answer (never a throw), never INTERNAL, an answer
 * that follows the contract when it succeeds (the harness checks it), no write at all when the input is refused,
 * and a validation error that names each field in Chinese with its stable path.
 */
import { labelOf, type Result } from '../../../shared/errors';
import { allows } from '../../../shared/policy';
import { COLLECTIONS } from '../../../backend/collections';
import { normalizeTexts } from '../../../shared/records/common';
import fc from 'fast-check';
import { FUNCTION_NAMES, type FunctionName } from '../../../shared/api';
import { fuzzPayloadOf } from './arbitraries';
import { ACTIONS, buildWorld, type ActionCase, type CallerKind, type World } from './world';

/** Runs per action: the environment's `variable` (npm run fuzz sets FUZZ_RUNS=10000), else what `npm test` runs. */
export const fuzzRuns = (inTest: number, variable = 'FUZZ_RUNS'): number => Number(process.env[variable] ?? inTest);

/** fast-check's seed: `FUZZ_SEED`, else a fixed one per action in `npm test` (the script draws one and prints it). */
export function fuzzSeed(index: number): number | undefined {
  if (process.env.FUZZ_SEED === 'random') return undefined;
  return Number(process.env.FUZZ_SEED ?? 20_261_207) + index;
}

/** A caller the action's access lets through, so the payload reaches the contract and the handler. */
export function fuzzCallerOf(w: World, a: ActionCase): CallerKind {
  const pick = w.callers.find((c) => c.organ !== 'B' && c.openid !== null && allows(a.contract.access, c.role, true));
  const anonymous = w.callers.find((c) => c.openid === null);
  const caller = a.contract.access === 'public' ? anonymous : pick;
  if (!caller) throw new Error(`${a.name}: no caller may call it`);
  return caller;
}

/** Whether the action's contract refuses `payload` (its texts, then its input schema), as the runtime checks it. */
export function contractRefuses(a: ActionCase, payload: unknown): boolean {
  const texts = normalizeTexts(payload ?? {});
  return texts.issues.length > 0 || !a.contract.input.safeParse(texts.value).success;
}

/**
 * Asserts what every fuzzed answer must be; `mark` is the store watch's write log length before the call. A payload
 * the contract refuses writes nothing at all; one its handler refuses (a wrong code, an unknown id) at most the
 * attempt a rate limit counts.
 */
export function expectSafeAnswer(w: World, a: ActionCase, payload: unknown, r: Result<unknown>, mark: number): void {
  const written = w.watch.written.slice(mark);
  if (contractRefuses(a, payload))
    expect({ action: a.name, ok: r.ok, written }).toEqual({ action: a.name, ok: false, written: [] });
  if (r.ok) return;
  expect({ action: a.name, code: r.code }).toEqual({ action: a.name, code: expect.not.stringMatching(/^INTERNAL$/) });
  if (r.code === 'VALIDATION') {
    // Each field named: a stable path, and the field's Chinese name in the message.
    expect(r.fieldErrors?.length ?? 0).toBeGreaterThan(0);
    for (const e of r.fieldErrors ?? []) {
      expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
      const label = labelOf(e.path.split('.'));
      if (label && e.path !== '')
        expect({
          path: e.path,
          message: e.message,
          named: e.message.startsWith('请') || e.message.includes(label) || e.message.includes(label.slice(-2)),
        }).toEqual({ path: e.path, message: e.message, named: true });
    }
  }
  // Refused by the handler (not found, a conflict, a wrong code, a limit): at most the attempt a rate limit counts.
  expect({ action: a.name, code: r.code, written: written.filter((c) => c !== COLLECTIONS.trackAttempts) }).toEqual({
    action: a.name,
    code: r.code,
    written: [],
  });
}

/** The functions of each fuzz file but the last, which takes every other function (a new one is fuzzed there). */
const FUZZ_GROUPS: Record<'organ-items' | 'records-reports', readonly FunctionName[]> = {
  'organ-items': ['organ', 'items'],
  'records-reports': ['stats', 'cases', 'reports'],
};

/**
 * The in-process fuzz of the actions of one group of functions (one test file per group, so jest can spread them over its
 * workers): hostile JSON and near misses through the function's dispatch (defineFunction: caller, access, texts,
 * contract, handler) on the local server through the real SDK, as a caller the action lets through. `npm test`
 * runs 1,000 per action with a fixed seed; `npm run fuzz` 10,000 with a fresh one (printed on a failure).
 */
export function fuzzInProcess(group: 'organ-items' | 'records-reports' | 'the rest'): void {
  const functions: readonly FunctionName[] =
    group === 'the rest'
      ? FUNCTION_NAMES.filter((f) => !Object.values(FUZZ_GROUPS).flat().includes(f))
      : FUZZ_GROUPS[group];
  const runs = fuzzRuns(1000);
  jest.setTimeout(Math.max(60_000, runs * 60));
  let w: World;
  beforeAll(async () => {
    w = await buildWorld();
  }, 60_000);
  afterAll(() => w.b.stop());
  const cases = ACTIONS.map((a, i) => [a.name, a, i] as const).filter(([, a]) => functions.includes(a.fn));
  it.each(cases)(`%s: ${runs} hostile payloads, no crash, no write on a refusal`, async (_n, a, index) => {
    const caller = fuzzCallerOf(w, a);
    const seed = fuzzSeed(index);
    await fc.assert(
      fc.asyncProperty(fuzzPayloadOf(a.contract.input), async (payload) => {
        const mark = w.watch.written.length;
        const writes = w.watch.writes;
        const r = await w.b.call(caller.openid, a.fn, a.action, payload);
        expectSafeAnswer(w, a, payload, r, mark);
        if (contractRefuses(a, payload)) expect(w.watch.writes).toBe(writes);
      }),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
    );
  });
}
