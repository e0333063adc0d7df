/** A thin fake transport for page tests: records each call and answers with what the test gives. */
import type { FunctionEvent, FunctionName, Result } from 'gongkai-core';
import { setTransport, type Transport } from '../../miniprogram/api/index';

export interface Call {
  name: FunctionName;
  event: FunctionEvent;
}

export type Answer = (call: Call) => Result<unknown> | Promise<Result<unknown>>;

export interface FakeTransport {
  calls: Call[];
  /** Replaces the answer for the following calls. */
  answer(next: Answer): void;
}

/** Installs the fake as the client's transport. */
export function useFakeTransport(first: Answer): FakeTransport {
  let current = first;
  const calls: Call[] = [];
  const transport: Transport = async (name, event) => {
    const call = { name, event };
    calls.push(call);
    return current(call);
  };
  setTransport(transport);
  return {
    calls,
    answer(next) {
      current = next;
    },
  };
}

/** A promise with its resolver, to hold a call open (loading state). */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
