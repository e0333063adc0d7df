/**
 * Publishing on the last approval, inside the approval's own transaction, with a 索引号 unique and gapless per
 * organ and year: the counter document (`indexNo-<organ>-<year>`) is read and set in the same transaction as the
 * item, its audit entry and its idempotency record. Two publishes that race both read the counter; the second to
 * commit gets DATABASE_TRANSACTION_CONFLICT and re-runs from scratch with the new value; a publish that fails
 * rolls back its increment too, so no number is skipped. A correction keeps the 索引号 of what it corrects.
 */
import type { TrailEntry } from '../../shared/approval';
import { DEFAULT_INDEX_PATTERN, formatIndexNo } from '../../shared/records/index-no';
import type { StaffRecord } from '../caller';
import { nextSerial } from '../counters';
import { conflict } from '../errors';
import { organOf } from '../organs';
import type { TxContext } from '../runtime';
import { shanghaiDate } from '../time';
import { itemsCollection, saveInTx, type StoredItem } from './store';

async function nextIndexNo(ctx: TxContext, organId: string, year: number): Promise<string> {
  const organ = await organOf(ctx.tx, organId);
  const serial = await nextSerial(ctx.tx, `indexNo-${organId}-${year}`, { organId, year });
  return formatIndexNo(organ.indexPattern ?? DEFAULT_INDEX_PATTERN, { code: organ.creditCode ?? '', year, serial });
}

/** The published item (already saved in the transaction). */
export async function publishInTx(
  ctx: TxContext,
  staff: StaffRecord,
  item: StoredItem,
  entry: TrailEntry,
): Promise<StoredItem> {
  const today = shanghaiDate(ctx.now);
  const year = Number(today.slice(0, 4));
  let indexNo: string;
  if (item.correctionOf !== undefined) {
    const original = await itemsCollection.get(ctx.tx, item.correctionOf);
    if (!original || original.status !== 'published' || original.indexNo === null) {
      throw conflict('所更正的信息已撤回或已被另一更正替换，此更正不能发布');
    }
    indexNo = original.indexNo;
    const superseded: StoredItem = {
      ...original,
      status: 'withdrawn',
      supersededBy: item._id,
      withdrawnAt: ctx.now,
      updatedAt: ctx.now,
    };
    await saveInTx(ctx.tx, superseded);
    ctx.audit({ action: 'supersede', target: original._id, before: original, after: superseded });
  } else {
    indexNo = await nextIndexNo(ctx, staff.organId, year);
  }
  const published: StoredItem = {
    ...item,
    status: 'published',
    step: null,
    indexNo,
    publishedDate: today,
    publishYear: year,
    trail: [...item.trail, entry],
    updatedAt: ctx.now,
  };
  await saveInTx(ctx.tx, published);
  return published;
}
