/**
 * The one-time codes' stores: three kinds, one collection each, every code stored only as the SHA-256 of what its
 * holder types (codes.ts), as the document's id:
 * - setup codes (`setup_codes`): make their user the first admin of a new organ (organ.setup);
 * - invitations (`invites`): bind their user to an organ in a role (organ.bind);
 * - county links (`county_links`): put the user's organ under a county (organ.joinCounty).
 * Their one use is redeem-code.ts. (county.inviteOrgan makes its links itself: the county function bundles no store
 * of codes it never reads.)
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ROLES } from '../shared/policy/roles';
import { hashCode, newCode, type RandomBytes } from './codes';
import { COLLECTIONS, ensureCollections, type CollectionName } from './collections';
import { backendEnv } from './env';
import { one, type Db, type Store } from './sdk';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What every code carries: its hash as id, whether it was used, until when it serves. */
const codeFields = {
  _id: z.string(),
  used: z.boolean().optional(),
  expiresAt: z.date(),
};

/** A setup code; `level: 'county'` sets up a county (its admin may invite the county role; backend/county). */
const setupCodeSchema = z.looseObject({
  ...codeFields,
  /** Absent on a code stored before codes expired: then it serves 7 days from `at`, when it was made. */
  expiresAt: z.date().optional(),
  at: z.date().optional(),
  level: z.literal('county').optional(),
});
export type SetupCode = z.output<typeof setupCodeSchema>;

/** An invitation to the organ `organId` in `role` (organ.invite). */
const inviteSchema = z.looseObject({
  ...codeFields,
  organId: z.string(),
  role: z.enum(ROLES),
  createdBy: z.string().optional(),
});
export type Invite = z.output<typeof inviteSchema>;

/** A county's code for an organ already on the product to go under it (county.inviteOrgan). */
const countyLinkSchema = z.looseObject({
  ...codeFields,
  countyId: z.string(),
  createdBy: z.string().optional(),
});
export type CountyLink = z.output<typeof countyLinkSchema>;

/** One kind of code: where it is kept, its record, what its holder calls it, and the audit entry of its use. */
export interface CodeKind<C> {
  collection: CollectionName;
  schema: z.ZodType<C>;
  /** 设置码, 邀请码, 加入码: named in the refusal. */
  label: string;
  /** When it stops serving. */
  until(code: C): number;
  /** The audit entry of its use (none where the action's own entry tells it: joinCounty). */
  audit?: (code: C) => { action: string; organId?: string };
}

export const SETUP_CODES: CodeKind<SetupCode> = {
  collection: COLLECTIONS.setupCodes,
  schema: setupCodeSchema,
  label: '设置码',
  until: (c) => c.expiresAt?.getTime() ?? (c.at ? c.at.getTime() + 7 * DAY_MS : 0),
  audit: () => ({ action: 'useSetupCode' }),
};

export const INVITES: CodeKind<Invite> = {
  collection: COLLECTIONS.invites,
  schema: inviteSchema,
  label: '邀请码',
  until: (c) => c.expiresAt.getTime(),
  audit: (c) => ({ action: 'useInvite', organId: c.organId }),
};

export const COUNTY_LINKS: CodeKind<CountyLink> = {
  collection: COLLECTIONS.countyLinks,
  schema: countyLinkSchema,
  label: '加入码',
  until: (c) => c.expiresAt.getTime(),
};

/** The code of `kind` stored under `key`; null when there is none, or it no longer fits its kind (refused alike). */
export async function findCode<C>(store: Store, kind: CodeKind<C>, key: string): Promise<C | null> {
  const parsed = kind.schema.safeParse(one(await store.collection(kind.collection).doc(key).get()));
  return parsed.success ? parsed.data : null;
}

/** Marks the code used: by whom (an OPENID, or the organ that joined) and when. */
export async function markUsed(
  store: Store,
  kind: Pick<CodeKind<unknown>, 'collection'>,
  key: string,
  use: { used: true; usedBy: string | null; usedAt: Date },
): Promise<void> {
  await store.collection(kind.collection).doc(key).update(use);
}

// ---- making codes: the plain code is answered once, only its hash is kept ----

/** How long a setup code stays usable: SETUP_CODE_TTL_DAYS (whole days, at least 1), default 7. */
export function setupCodeTtlDays(setting: string | undefined = backendEnv.setupCodeTtlDays()): number {
  const days = Number(setting ?? 7);
  return Number.isInteger(days) && days >= 1 ? days : 7;
}

/** For `npm start` and a deploy script: a fresh one-time code that makes its user the first admin of a new organ. */
export async function createSetupCode(
  db: Db,
  random: RandomBytes = randomBytes,
  now: Date = new Date(),
  ttlDays: number = setupCodeTtlDays(),
  /** 'county': the organ it sets up is a county (its admin may invite the county role; backend/county). */
  level?: 'county',
): Promise<string> {
  await ensureCollections(db);
  const code = newCode(12, random);
  const expiresAt = new Date(now.getTime() + ttlDays * DAY_MS);
  const doc = { _id: hashCode(code), used: false, at: now, expiresAt, ...(level ? { level } : {}) };
  await db.collection(COLLECTIONS.setupCodes).add(doc);
  return code;
}

/**
 * A new code of `kind` serving `days` days from `now`, stored with `fields` under its hash; the plain code (shown
 * once), its key and the stored record.
 */
export async function addCode<F extends object>(
  tx: Store,
  kind: Pick<CodeKind<unknown>, 'collection'>,
  fields: F,
  now: Date,
  days: number,
): Promise<{ code: string; key: string; record: F & { expiresAt: Date; used: false } }> {
  const code = newCode(10);
  const key = hashCode(code);
  const record = { ...fields, expiresAt: new Date(now.getTime() + days * DAY_MS), used: false as const };
  await tx.collection(kind.collection).add({ _id: key, ...record });
  return { code, key, record };
}
