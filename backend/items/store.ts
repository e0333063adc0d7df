/** Reading and shaping item documents (the repository side of the items function). */
import type { ItemSummary, TrailView } from '../../shared/api/items';
import { approvalChainSchema } from '../../shared/api/organ';
import { checkRules, DEFAULT_CHAIN, type ApproverRole, type TargetFacts } from '../../shared/policy/rules';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { AppError, notFound } from '../errors';
import type { HandlerContext } from '../runtime';
import { isRow, one, type Db, type Row } from '../sdk';
import type { Transaction } from '../transaction';

export interface TrailEntry {
  step: number;
  decision: TrailView['decision'];
  staffId: string;
  role: string;
  comment?: string;
  checklist?: Record<string, true>;
  at: Date;
}

/** The default approval chain; an item keeps the chain its organ had when it was submitted. */
export const CHAIN = DEFAULT_CHAIN;

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

/** The item inside a transaction (its read is part of the conflict check); NOT_FOUND when absent. */
export async function loadInTx(tx: Transaction, id: string): Promise<Row> {
  const item = one(await tx.collection(COLLECTIONS.items).doc(id).get());
  if (!item) throw notFound('公开信息');
  return item;
}

/** Replaces the whole document: fields the edit dropped (a removed 文号) really go. */
export async function saveInTx(tx: Transaction, item: Row): Promise<void> {
  const { _id, ...doc } = item;
  await tx.collection(COLLECTIONS.items).doc(String(_id)).set(doc);
}

export function trailOf(item: Row): TrailEntry[] {
  return Array.isArray(item.trail) ? item.trail.filter(isRow).map((t) => t as unknown as TrailEntry) : [];
}

export function chainOf(item: Row): readonly ApproverRole[] {
  const parsed = approvalChainSchema.safeParse(item.chain);
  return parsed.success ? parsed.data : CHAIN;
}

/** Staff who approved since the last submission: each may approve once per round. */
export function approvedThisRound(trail: readonly TrailEntry[]): string[] {
  const lastSubmit = trail.map((t) => t.decision).lastIndexOf('submit');
  return trail
    .slice(lastSubmit + 1)
    .filter((t) => t.decision === 'approve')
    .map((t) => t.staffId);
}

/** Checks the rules the policy table lists for items.<action> against this item; throws the first refusal. */
export function enforce(action: string, staff: StaffRecord, item: Row, hasChecklist = false): void {
  const target: TargetFacts = {
    organId: String(item.organId),
    step: item.status === 'inReview' && typeof item.step === 'number' ? item.step : null,
    chain: chainOf(item),
    approvedBy: approvedThisRound(trailOf(item)),
    hasChecklist,
  };
  const refusal = checkRules('items', action, { staffId: staff._id, organId: staff.organId, role: staff.role }, target);
  if (refusal)
    throw new AppError(
      refusal.code,
      refusal.code === 'NOT_FOUND' ? '公开信息不存在或无权查看' : refusal.message,
      refusal.fieldErrors,
    );
}

export function trailEntry(
  staff: StaffRecord,
  at: Date,
  step: number,
  decision: TrailEntry['decision'],
  comment?: string,
): TrailEntry {
  return { step, decision, staffId: staff._id, role: staff.role, at, ...(comment ? { comment } : {}) };
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
    validity:
      row.validity === 'inForce' || row.validity === 'repealed' || row.validity === 'expired' ? row.validity : null,
    status:
      row.status === 'draft' || row.status === 'inReview' || row.status === 'withdrawn' ? row.status : 'published',
  };
}

/** The full item as the client sees it: internal fields renamed; the trail and who wrote it only for staff. */
export function toDetail(row: Row, staff: boolean): Row {
  // grams are search keys (shared/records/grams.ts), not part of the item anyone reads.
  const { _id, trail, createdBy, chain, grams: _grams, ...rest } = row;
  return staff ? { id: _id, ...rest, createdBy, chain, trail } : { id: _id, ...rest };
}
