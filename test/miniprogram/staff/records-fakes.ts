/** An in-memory stats/cases store behind routeTransport, answering as the functions do (ids, year filters, idempotency-key replays). */
import type { Result } from 'gongkai-core';
import type { Handler } from './helpers';

type Row = Record<string, unknown> & { id: string };

export interface RecordStore {
  stats: Row[];
  cases: Row[];
  handlers: Record<string, Handler>;
}

export function recordStore(stats: Row[] = [], cases: Row[] = []): RecordStore {
  const store: RecordStore = { stats: [...stats], cases: [...cases], handlers: {} };
  const answered = new Map<string, Result<unknown>>();
  let next = 1;
  // Replays the first answer of an idempotency key, as the idempotent functions do.
  const once =
    (key: string, act: (p: Record<string, unknown>) => Result<unknown>): Handler =>
    (payload, call) => {
      const id = call.event.idempotencyKey === undefined ? undefined : `${key}:${call.event.idempotencyKey}`;
      const prior = id === undefined ? undefined : answered.get(id);
      if (prior) return prior;
      const answer = act(payload);
      if (id !== undefined && answer.ok) answered.set(id, answer);
      return answer;
    };
  const absent: Result<never> = { ok: false, code: 'NOT_FOUND', message: '记录不存在或已删除' };
  store.handlers = {
    'stats.list': (p) => {
      const y = String(p.year);
      return {
        ok: true,
        data: store.stats.filter((e) => String(e.date ?? '').startsWith(`${y}-`) || e.year === p.year),
      };
    },
    'stats.create': once('stats.create', (p) => {
      const row = { ...(p.entry as Record<string, unknown>), id: `s${next++}` };
      store.stats.push(row);
      return { ok: true, data: { id: row.id } };
    }),
    'stats.remove': once('stats.remove', (p) => {
      const i = store.stats.findIndex((e) => e.id === p.id);
      if (i < 0) return absent;
      store.stats.splice(i, 1);
      return { ok: true, data: { id: p.id } };
    }),
    'cases.list': (p) => ({
      ok: true,
      data: store.cases.filter((c) => String(c.filedDate) <= `${String(p.year)}-12-31`),
    }),
    'cases.create': once('cases.create', (p) => {
      const row = { result: null, closedDate: null, ...(p.case as Record<string, unknown>), id: `c${next++}` };
      store.cases.push(row);
      return { ok: true, data: { id: row.id } };
    }),
    'cases.close': once('cases.close', (p) => {
      const row = store.cases.find((c) => c.id === p.id);
      if (!row) return absent;
      Object.assign(row, { result: p.result, closedDate: p.closedDate });
      return { ok: true, data: { id: row.id } };
    }),
  };
  return store;
}

/** wx.showModal answering confirm (true) or cancel (false); returns the spy. */
export function answerModal(confirm: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((options: WechatMiniprogram.ShowModalOption) => {
    options.success?.({
      confirm,
      cancel: !confirm,
      errMsg: 'showModal:ok',
    } as WechatMiniprogram.ShowModalSuccessCallbackResult);
  }) as unknown as typeof wx.showModal);
}
