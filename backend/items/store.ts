/** Reading and shaping item documents (the repository side of the items function). */
import type { ItemSummary } from '../../shared/api/items';
import { COLLECTIONS } from '../collections';
import { notFound } from '../errors';
import type { HandlerContext } from '../runtime';
import { one, type Db, type Row } from '../sdk';

export interface TrailEntry {
  step: number;
  decision: 'submit' | 'approve' | 'reject' | 'withdraw' | 'correct';
  staffId: string;
  role: string;
  comment?: string;
  at: Date;
}

/** The approval chain: step 0 分管领导 (with 保密审查), step 1 第一负责人 (publishes). */
export const CHAIN = ['reviewer', 'leader'] as const;

export const items = (db: Db) => db.collection(COLLECTIONS.items);

export async function loadItem(db: Db, id: string): Promise<Row> {
  const item = one(await items(db).doc(id).get());
  if (!item) throw notFound('公开信息');
  return item;
}

/** Staff see their organ's items in any status; everyone else only published ones. */
export async function loadVisibleItem(ctx: HandlerContext, id: string): Promise<Row> {
  const item = one(await items(ctx.db).doc(id).get());
  const staffOfOrgan = item !== null && ctx.caller.staff?.organId === item.organId;
  if (!item || (!staffOfOrgan && item.status !== 'published')) throw notFound('公开信息');
  return item;
}

export async function loadOwnItem(ctx: HandlerContext, id: string): Promise<Row> {
  const item = one(await items(ctx.db).doc(id).get());
  if (!item || item.organId !== ctx.caller.staff?.organId) throw notFound('公开信息');
  return item;
}

export function toSummary(row: Row): ItemSummary {
  return {
    id: String(row._id),
    title: String(row.title ?? ''),
    indexNo: typeof row.indexNo === 'string' ? row.indexNo : null,
    docNo: typeof row.docNo === 'string' ? row.docNo : undefined,
    publisher: String(row.publisher ?? ''),
    category: String(row.category ?? ''),
    publishedDate: typeof row.publishedDate === 'string' ? row.publishedDate : null,
    writtenDate: String(row.writtenDate ?? ''),
    validity: row.validity === 'inForce' || row.validity === 'repealed' || row.validity === 'expired' ? row.validity : null,
    status: row.status === 'draft' || row.status === 'inReview' || row.status === 'withdrawn' ? row.status : 'published',
  };
}

/** The full item as the client sees it: internal fields renamed, the trail only for staff. */
export function toDetail(row: Row, staff: boolean): Row {
  const { _id, trail, ...rest } = row;
  return staff ? { id: _id, ...rest, trail } : { id: _id, ...rest };
}
