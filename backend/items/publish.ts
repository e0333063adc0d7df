/**
 * Publishing on the leader's approval, with a 索引号 unique and gapless per organ and year: the counter document
 * and the item are written in ONE transaction, so a publish that fails leaves no gap and two publishes can never
 * take the same number. The local server (like CloudBase) answers a conflicting commit with
 * DATABASE_TRANSACTION_CONFLICT; runTransaction retries a few times and we retry further with jitter.
 */
import { formatIndexNo } from '../../shared/records/index-no';
import { COLLECTIONS } from '../collections';
import { conflict } from '../errors';
import type { HandlerContext } from '../runtime';
import { errorCodeOf, one, runTransaction, type Row } from '../sdk';
import { shanghaiDate } from '../time';
import { CHAIN, type TrailEntry } from './store';

const MAX_ATTEMPTS = 40;

async function retryOnConflict<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (errorCodeOf(e) !== 'DATABASE_TRANSACTION_CONFLICT' || attempt >= MAX_ATTEMPTS) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 20 * Math.min(attempt, 5)));
    }
  }
}

export async function publishItem(ctx: HandlerContext, id: string, entry: TrailEntry): Promise<Row> {
  const staff = ctx.caller.staff;
  if (!staff) throw conflict('仅限本机关工作人员');
  const today = shanghaiDate(ctx.now);
  const year = Number(today.slice(0, 4));
  return retryOnConflict(() =>
    runTransaction(ctx.db, async (tx) => {
      const itemsCol = tx.collection(COLLECTIONS.items);
      const item = one(await itemsCol.doc(id).get());
      if (!item || item.organId !== staff.organId) throw conflict('该信息不存在');
      if (item.status !== 'inReview' || item.step !== CHAIN.length - 1) throw conflict('该信息已被他人处理，请刷新');
      let indexNo: string;
      const original = typeof item.correctionOf === 'string' ? one(await itemsCol.doc(item.correctionOf).get()) : null;
      if (original && typeof original.indexNo === 'string') {
        // A correction keeps the 索引号 of what it corrects and replaces it.
        indexNo = original.indexNo;
        await itemsCol.doc(String(original._id)).update({ status: 'withdrawn', supersededBy: id, withdrawnAt: ctx.now });
      } else {
        const organ = one(await tx.collection(COLLECTIONS.organs).doc(staff.organId).get());
        const counters = tx.collection(COLLECTIONS.counters);
        const key = `indexNo-${staff.organId}-${year}`;
        const counter = one(await counters.doc(key).get());
        const serial = (typeof counter?.n === 'number' ? counter.n : 0) + 1;
        await counters.doc(key).set({ n: serial });
        indexNo = formatIndexNo(String(organ?.indexPattern ?? '{code}/{year}-{serial:5}'), { code: String(organ?.creditCode ?? ''), year, serial });
      }
      const trail = [...(Array.isArray(item.trail) ? item.trail : []), entry];
      const published = { status: 'published', step: null, indexNo, publishedDate: today, publishYear: year, trail, updatedAt: ctx.now };
      await itemsCol.doc(id).update(published);
      return { ...item, ...published };
    }),
  );
}
