/**
 * Publishing on the last approval, inside the approval's own transaction, with a 索引号 unique and gapless per
 * organ and year: the counter document (`indexNo-<organ>-<year>`) is read and set in the same transaction as the
 * item, its audit entry and its idempotency record. Two publishes that race both read the counter; the second to
 * commit gets DATABASE_TRANSACTION_CONFLICT and re-runs from scratch with the new value; a publish that fails
 * rolls back its increment too, so no number is skipped. A correction keeps the 索引号 of what it corrects.
 */
import { DEFAULT_INDEX_PATTERN, formatIndexNo } from '../../shared/records/index-no';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { conflict } from '../errors';
import type { TxContext } from '../runtime';
import { one, type Row } from '../sdk';
import { shanghaiDate } from '../time';
import { saveInTx, trailOf, type TrailEntry } from './store';

async function nextIndexNo(ctx: TxContext, organId: string, year: number): Promise<string> {
  const organ = one(await ctx.tx.collection(COLLECTIONS.organs).doc(organId).get());
  const counters = ctx.tx.collection(COLLECTIONS.counters);
  const key = `indexNo-${organId}-${year}`;
  const counter = one(await counters.doc(key).get());
  const serial = (typeof counter?.n === 'number' ? counter.n : 0) + 1;
  await counters.doc(key).set({ n: serial, organId, year });
  const pattern = typeof organ?.indexPattern === 'string' ? organ.indexPattern : DEFAULT_INDEX_PATTERN;
  return formatIndexNo(pattern, { code: String(organ?.creditCode ?? ''), year, serial });
}

/** The published item (already saved in the transaction). */
export async function publishInTx(ctx: TxContext, staff: StaffRecord, item: Row, entry: TrailEntry): Promise<Row> {
  const today = shanghaiDate(ctx.now);
  const year = Number(today.slice(0, 4));
  let indexNo: string;
  if (typeof item.correctionOf === 'string') {
    const original = one(await ctx.tx.collection(COLLECTIONS.items).doc(item.correctionOf).get());
    if (!original || original.status !== 'published' || typeof original.indexNo !== 'string') {
      throw conflict('所更正的信息已撤回或已被另一更正替换，此更正不能发布');
    }
    indexNo = original.indexNo;
    const superseded = {
      ...original,
      status: 'withdrawn',
      supersededBy: String(item._id),
      withdrawnAt: ctx.now,
      updatedAt: ctx.now,
    };
    await saveInTx(ctx.tx, superseded);
    ctx.audit({ action: 'supersede', target: String(original._id), before: original, after: superseded });
  } else {
    indexNo = await nextIndexNo(ctx, staff.organId, year);
  }
  const published: Row = {
    ...item,
    status: 'published',
    step: null,
    indexNo,
    publishedDate: today,
    publishYear: year,
    trail: [...trailOf(item), entry],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, published);
  return published;
}
