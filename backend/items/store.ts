/**
 * The items collection: each document parsed with the item's record schema (shared/records/item) and its workflow
 * fields where it is read, written whole, and shaped for the client. Nothing past this store sees a raw row.
 */
import * as z from 'zod';
import type { ItemSummary, StaffItem } from '../../shared/api/items';
import {
  approvalChainSchema,
  chainFacts,
  DEFAULT_CHAIN,
  trailFrom,
  type Chain,
  type TrailEntry,
} from '../../shared/approval';
import { checkRules } from '../../shared/policy';
import { isoDate } from '../../shared/records/common';
import { keywordGrams } from '../../shared/records/grams';
import { ITEM_STATUSES, itemContentSchema } from '../../shared/records/item';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { afterPosition, decodeCursor, encodeCursor, positionOf, type SortKey } from '../cursor';
import { AppError, notFound } from '../errors';
import type { HandlerContext } from '../runtime';
import type { Db, Store } from '../sdk';
import { storedDate, typedCollection } from '../typed-store';

export type { TrailEntry };

/** A stored item: its content (what staff fill in) and the workflow fields. */
export const storedItemSchema = z.looseObject({
  _id: z.string(),
  ...itemContentSchema.shape,
  organId: z.string(),
  status: z.enum(ITEM_STATUSES),
  step: z.number().int().nullable().default(null),
  /** The chain fixed when the item was submitted (absent on a draft never submitted). */
  chain: approvalChainSchema.optional(),
  indexNo: z.string().nullable().default(null),
  publishedDate: isoDate.nullable().default(null),
  publishYear: z.number().int().optional(),
  version: z.number().int().positive().default(1),
  createdBy: z.string(),
  /** Search keys of the title and 文号 (shared/records/grams.ts); not part of the item anyone reads. */
  grams: z.array(z.string()).optional(),
  trail: z.unknown().optional().transform(trailFrom),
  correctionOf: z.string().optional(),
  correctionReason: z.string().optional(),
  supersededBy: z.string().optional(),
  withdrawReason: z.string().optional(),
  withdrawnAt: storedDate.optional(),
  createdAt: storedDate,
  updatedAt: storedDate,
});
export type StoredItem = z.output<typeof storedItemSchema>;
export type NewItem = Omit<StoredItem, '_id'>;

export const itemsCollection = typedCollection(COLLECTIONS.items, storedItemSchema);

export async function loadItem(store: Store, id: string): Promise<StoredItem> {
  const item = await itemsCollection.get(store, id);
  if (!item) throw notFound('公开信息');
  return item;
}

/** Staff see their organ's items in any status; everyone else only published ones. */
export async function loadVisibleItem(ctx: HandlerContext, id: string): Promise<StoredItem> {
  const item = await itemsCollection.get(ctx.db, id);
  const staffOfOrgan = item !== null && ctx.caller.staff?.organId === item.organId;
  if (!item || (!staffOfOrgan && item.status !== 'published')) throw notFound('公开信息');
  return item;
}

/** The item inside a transaction (its read is part of the conflict check); NOT_FOUND when absent. */
export async function loadInTx(tx: Store, id: string): Promise<StoredItem> {
  return loadItem(tx, id);
}

/** Replaces the whole document: fields the edit dropped (a removed 文号) really go. */
export async function saveInTx(tx: Store, item: StoredItem): Promise<void> {
  await itemsCollection.set(tx, item);
}

/** A new item (a draft or a correction's draft); its id. */
export async function addInTx(tx: Store, item: NewItem): Promise<string> {
  return itemsCollection.add(tx, item);
}

export function chainOf(item: StoredItem): Chain {
  return item.chain ?? DEFAULT_CHAIN;
}

/** Checks the rules the policy table lists for items.<action> against this item; throws the first refusal. */
export function enforce(action: string, staff: StaffRecord, item: StoredItem, hasChecklist = false): void {
  const facts = chainFacts(
    { status: item.status, step: item.step, chain: chainOf(item), trail: item.trail },
    hasChecklist,
  );
  const refusal = checkRules(
    'items',
    action,
    { staffId: staff._id, organId: staff.organId, role: staff.role },
    { ...facts, organId: item.organId },
  );
  if (refusal)
    throw new AppError(
      refusal.code,
      refusal.code === 'NOT_FOUND' ? '公开信息不存在或无权查看' : refusal.message,
      refusal.fieldErrors,
    );
}

// ---- the catalogue query ----

export interface ItemFilter {
  /** One organ's items, or every organ's. */
  organId?: string | undefined;
  /** One status; undefined: any status. */
  status?: StoredItem['status'] | undefined;
  category?: string | undefined;
  year?: number | undefined;
  keyword?: string | undefined;
  /** Staff see the latest edited first among the same date; citizens' pages follow the items' index. */
  staff?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The catalogue's order, newest published first. Citizens' pages (all published) follow the items' index
 * (backend/indexes.ts: organ, status, publish date, id); staff see the latest edited first among the same date
 * (drafts have no publish date: they come last, by edit).
 */
const CITIZEN_ORDER: readonly SortKey[] = [
  { field: 'publishedDate', kind: 'string', nullable: false },
  { field: '_id', kind: 'string', nullable: false },
];
const STAFF_ORDER: readonly SortKey[] = [
  { field: 'publishedDate', kind: 'string', nullable: true },
  { field: 'updatedAt', kind: 'date', nullable: false },
  { field: '_id', kind: 'string', nullable: false },
];

/**
 * One page of the catalogue without the heavy fields, after `cursor` (where the previous page ended): one read of
 * `limit + 1` documents says whether more follow. No count: CloudBase caps a get at 1000 and counting every match
 * of a keyword cost as much as reading them.
 */
export async function itemPage(
  db: Db,
  filter: ItemFilter,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: StoredItem[]; more: boolean; cursor: string | null }> {
  const _ = db.command;
  const order = filter.staff ? STAFF_ORDER : CITIZEN_ORDER;
  const conditions: object[] = [];
  if (filter.organId) conditions.push({ organId: filter.organId });
  conditions.push({ status: filter.status ?? _.neq('__none__') });
  if (filter.category) conditions.push({ category: filter.category });
  if (filter.year) conditions.push({ publishYear: filter.year });
  if (filter.keyword) {
    // The item's stored grams narrow (an array query both backends answer); the title or 文号 then must hold the
    // keyword itself, tested only on what the grams let through.
    const grams = keywordGrams(filter.keyword);
    if (grams.length > 0) conditions.push({ grams: _.all(grams) });
    const re = db.RegExp({ regexp: escapeRegExp(filter.keyword), options: 'i' });
    conditions.push(_.or([{ title: re }, { docNo: re }]));
  }
  if (page.cursor !== undefined) conditions.push(afterPosition(db, order, decodeCursor(order, page.cursor)));
  let query = itemsCollection.raw(db).where(_.and(conditions));
  for (const key of order) query = query.orderBy(key.field, 'desc');
  const read = itemsCollection.parseAll(
    await query
      .limit(page.limit + 1)
      .field({ body: false, attachments: false, trail: false, grams: false })
      .get(),
  );
  const items = read.slice(0, page.limit);
  const last = items[items.length - 1];
  const more = read.length > page.limit && last !== undefined;
  return { items, more, cursor: more ? encodeCursor(positionOf(order, last)) : null };
}

// ---- shapes for the client ----

export function toSummary(item: StoredItem): ItemSummary {
  return {
    id: item._id,
    title: item.title,
    indexNo: item.indexNo,
    docNo: item.docNo,
    publisher: item.publisher,
    category: item.category,
    publishedDate: item.publishedDate,
    writtenDate: item.writtenDate,
    validity: item.validity,
    status: item.status,
  };
}

/** The full item as the client sees it: internal fields renamed; the trail and who wrote it only for staff. */
export function toDetail(item: StoredItem, staff: boolean): StaffItem | Omit<StaffItem, 'trail' | 'chain'> {
  const { _id, trail, createdBy, chain, grams: _grams, ...rest } = item;
  const detail = { id: _id, ...rest } as unknown as Omit<StaffItem, 'trail' | 'chain'>;
  if (!staff) return detail;
  const staffDetail = { ...detail, createdBy, chain, trail } as unknown as StaffItem;
  return staffDetail;
}
