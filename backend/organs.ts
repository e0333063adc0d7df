/**
 * The organs collection, read by several functions (kept apart from organ/ so they do not bundle it). An organ's
 * document is read tolerantly — one stored before a field or a check existed still opens (the admin's
 * updateProfile re-checks it whole with organProfileSchema and says what to mend) — but always typed.
 */
import * as z from 'zod';
import { approvalChainSchema, DEFAULT_CHAIN, type Chain } from '../shared/approval';
import { COLLECTIONS } from './collections';
import { notFound } from './errors';
import { str, type Db, type Store } from './sdk';
import { storedDate, typedCollection } from './typed-store';

const text = z.string().catch('');
const optionalText = z.string().optional().catch(undefined);

export const storedOrganSchema = z.looseObject({
  _id: z.string(),
  name: text,
  creditCode: optionalText,
  contactPhone: optionalText,
  address: optionalText,
  reportDueDate: optionalText,
  indexPattern: optionalText,
  /** Absent or no longer valid: the default chain. */
  chain: approvalChainSchema.optional().catch(undefined),
  /** purpose → template id; other values are left out. */
  templateIds: z
    .record(z.string(), z.unknown())
    .catch({})
    .default({})
    .transform((ids) =>
      Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => typeof e[1] === 'string')),
    ),
  /** Checked by their own schemas where they are used (shared/api/organ), which fall back to the defaults. */
  noticeFields: z.unknown().optional(),
  templateFields: z.unknown().optional(),
  extensionApprovers: z
    .array(z.unknown())
    .catch([])
    .default([])
    .transform((ids) => ids.filter((v): v is string => typeof v === 'string')),
  feePayment: optionalText,
  /** 条例 第五十一条: where the applicant seeks 行政复议 and 行政诉讼, named in every letter. */
  reviewOrgan: optionalText,
  court: optionalText,
  createdAt: storedDate.optional().catch(undefined),
  // ---- the county view (backend/county) ----
  /** The county organ this organ is under (set by county.addOrgan or organ.joinCounty). */
  parentId: optionalText,
  /** 'county': set up by a county's setup code; its admin may invite the county role. */
  level: z.enum(['county']).optional().catch(undefined),
  /** Other names the organ's reports are published under (matched after normalisation). */
  aliases: z.array(z.string()).optional().catch(undefined),
  /** Added by its county without staff: its reports are pasted in by the county. */
  offProduct: z.boolean().optional().catch(undefined),
  /** A county's due date for its organs' reports (MM-DD; default 01-31). */
  townshipDueDate: optionalText,
});
export type StoredOrgan = z.output<typeof storedOrganSchema>;

export const organsCollection = typedCollection(COLLECTIONS.organs, storedOrganSchema);

/** The organ's document, in a database or a transaction; an unknown id is NOT_FOUND. */
export async function organOf(store: Store, organId: string): Promise<StoredOrgan> {
  const organ = await organsCollection.get(store, organId);
  if (!organ) throw notFound('机关');
  return organ;
}

/** The organ's document or null (callers that carry on without one). */
export function findOrgan(store: Store, organId: string): Promise<StoredOrgan | null> {
  return organsCollection.get(store, organId);
}

/** A new organ (organ.setup; a county's organ not on the product, backend/county); its id. */
export async function addOrganRecord(tx: Store, doc: Record<string, unknown>): Promise<string> {
  return str(await organsCollection.raw(tx).add(doc), 'id');
}

/** Replaces the organ's whole document (the admin's profile form); the organ as it now reads. */
export async function replaceOrgan(tx: Store, organId: string, doc: Record<string, unknown>): Promise<StoredOrgan> {
  await organsCollection.raw(tx).doc(organId).set(doc);
  return organsCollection.parse({ ...doc, _id: organId });
}

/** The first organ set up: a single-organ deployment (a township's own mini program) needs no id. */
export async function firstOrgan(db: Db): Promise<StoredOrgan | null> {
  return (
    organsCollection.parseAll(await organsCollection.raw(db).orderBy('createdAt', 'asc').limit(1).get())[0] ?? null
  );
}

/** Whether any organ exists yet (`npm start` seeds the demo organ into an empty database). */
export async function hasOrgans(db: Db): Promise<boolean> {
  return organsCollection.count(await organsCollection.raw(db).count()) > 0;
}

/** The chain items and reports go through when submitted now. */
export function organChain(organ: StoredOrgan | null): Chain {
  return organ?.chain ?? DEFAULT_CHAIN;
}
