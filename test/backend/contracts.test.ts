/**
 * Every function is its contract: each action the contract names has a handler and is reachable; nothing else is
 * (an unknown action, or a name on Object.prototype, is refused as VALIDATION on `action` before anything runs).
 */
import { startBackend, type Backend } from './harness';
import { FUNCTION_HANDLERS } from '../../backend/functions';
import { defineFunction } from '../../backend/runtime';
import { FUNCTION_NAMES } from '../../shared/api';
import { accessOf, CONTRACTS, POLICY } from '../../shared/api/contracts';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
}, 60_000);
afterAll(() => b.stop());

const unknownAction = (fn: string, action: string) => ({
  ok: false,
  code: 'VALIDATION',
  message: `未知的操作：${fn}.${action}`,
  fieldErrors: [{ path: 'action', message: `未知的操作 ${action}` }],
});

describe('each function against its contract', () => {
  it('has a contract and a handler for every function name', () => {
    expect(Object.keys(CONTRACTS).sort()).toEqual([...FUNCTION_NAMES].sort());
    expect(Object.keys(FUNCTION_HANDLERS).sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it.each(FUNCTION_NAMES.map((fn) => [fn]))('%s: every contract action is reachable', async (fn) => {
    for (const action of Object.keys(CONTRACTS[fn])) {
      // No caller and no payload: refused by access or by the input check, never as an unknown action.
      const answer = await b.call(null, fn, action, {});
      if (!answer.ok) expect(answer.fieldErrors?.[0]?.path).not.toBe('action');
    }
  });

  it.each(FUNCTION_NAMES.map((fn) => [fn]))('%s: nothing outside the contract is reachable', async (fn) => {
    for (const action of ['nope', 'toString', 'constructor', 'hasOwnProperty', '__proto__', 'valueOf'])
      expect(await b.call('oSomeone', fn, action, {})).toEqual(unknownAction(fn, action));
  });

  it('refuses to define a function whose handlers do not match its contract', () => {
    const contract = { ping: CONTRACTS.organ.me, pong: CONTRACTS.organ.me };
    const handler = { handler: () => Promise.reject(new Error('not called')) };
    // @ts-expect-error -- `pong` has no handler
    expect(() => defineFunction('organ', contract, { ping: handler })).toThrow(/missing: pong/);
    // @ts-expect-error -- `extra` is not in the contract
    expect(() => defineFunction('organ', contract, { ping: handler, pong: handler, extra: handler })).toThrow(
      /extra: extra/,
    );
    // A transactional action needs `transaction`, a plain one `handler`.
    const tx = { save: CONTRACTS.organ.removeStaff };
    // @ts-expect-error -- a transactional action's handler is `transaction`
    expect(() => defineFunction('organ', tx, { save: handler })).toThrow(/missing: save/);
  });
});

describe('the policy table is read from the contracts', () => {
  it('gives each action the access its contract names, and none to an unknown one', () => {
    for (const fn of FUNCTION_NAMES)
      for (const [action, c] of Object.entries(CONTRACTS[fn] as Record<string, { access: unknown }>)) {
        expect(accessOf(fn, action)).toBe(c.access);
        expect((POLICY[fn] as Record<string, unknown>)[action]).toBe(c.access);
      }
    expect(accessOf('items', 'nope')).toBeUndefined();
    expect(accessOf('items', 'toString')).toBeUndefined();
    expect(accessOf('nope', 'list')).toBeUndefined();
  });
});
