/** Helpers for the staff page tests: storage that really stores, and a fake transport routed by action. */
import type { Result } from 'gongkai-core';
import { useFakeTransport, type Call, type FakeTransport } from '../fake-transport';
import type { StaffMe } from 'gongkai-core';
import { ROLE_LABELS } from 'gongkai-staff';

/**
 * simulate's storage stores nothing: give wx a Map-backed set/get/remove. The Map outlives a page, so a page
 * opened again (a reload, or the app killed and started) reads what the last one wrote.
 */
export function useMemoryStorage(): Map<string, unknown> {
  const store = new Map<string, unknown>();
  // Stored as JSON, as the real storage does: nothing shared by reference between writes and reads.
  Object.assign(wx, {
    setStorageSync: (key: string, value: unknown) => void store.set(key, JSON.parse(JSON.stringify(value)) as unknown),
    getStorageSync: (key: string) => (store.has(key) ? (JSON.parse(JSON.stringify(store.get(key))) as unknown) : ''),
    removeStorageSync: (key: string) => void store.delete(key),
  });
  return store;
}

export type Handler = (payload: Record<string, unknown>, call: Call) => Result<unknown> | Promise<Result<unknown>>;

export const OFFLINE: Result<never> = { ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' };

export interface Routed {
  calls: Call[];
  /** `fn.action` of every call so far. */
  actions(): string[];
  /** Payloads sent to one `fn.action`. */
  payloads(key: string): Record<string, unknown>[];
  /** Replaces or adds handlers for the following calls. */
  route(next: Record<string, Handler>): void;
}

/** A fake transport answering `fn.action` from `handlers`; anything else fails as if offline. */
export function routeTransport(handlers: Record<string, Handler>): Routed {
  let current = handlers;
  const fake: FakeTransport = useFakeTransport((call) => {
    const handler = current[`${call.name}.${call.event.action}`];
    return handler ? handler((call.event.payload ?? {}) as Record<string, unknown>, call) : OFFLINE;
  });
  return {
    calls: fake.calls,
    actions: () => fake.calls.map((c) => `${c.name}.${c.event.action}`),
    payloads: (key) =>
      fake.calls
        .filter((c) => `${c.name}.${c.event.action}` === key)
        .map((c) => (c.event.payload ?? {}) as Record<string, unknown>),
    route(next) {
      current = { ...current, ...next };
    },
  };
}

export function me(role: StaffMe['role'], displayName = '张三'): Handler {
  return () => ({
    ok: true,
    data: {
      signedIn: true,
      role,
      roleLabel: ROLE_LABELS[role],
      organId: role === 'citizen' ? null : 'org-1',
      displayName: role === 'citizen' ? null : displayName,
      staffId: role === 'citizen' ? null : 's-1',
    },
  });
}
