/**
 * The organ function's own collections: one-time setup codes and invitations, each stored under the SHA-256 of
 * its code (codes.ts) and used once, inside the transaction that binds its user.
 */
import * as z from 'zod';
import { ROLES } from '../../shared/policy';
import { COLLECTIONS } from '../collections';
import type { Store } from '../sdk';
import { storedDate, typedCollection } from '../typed-store';

const setupCodeSchema = z.looseObject({
  _id: z.string(),
  used: z.boolean().catch(true),
  at: storedDate.optional().catch(undefined),
});
export type StoredSetupCode = z.output<typeof setupCodeSchema>;
export const setupCodes = typedCollection(COLLECTIONS.setupCodes, setupCodeSchema);

const inviteRecordSchema = z.looseObject({
  _id: z.string(),
  organId: z.string().nullable().catch(null),
  /** A role that no longer exists invites nobody. */
  role: z.enum(ROLES).nullable().catch(null),
  /** Missing or unreadable: expired. */
  expiresAt: storedDate.nullable().catch(null),
  used: z.boolean().catch(true),
  createdBy: z.string().optional().catch(undefined),
});
export type StoredInvite = z.output<typeof inviteRecordSchema>;
export const invites = typedCollection(COLLECTIONS.invites, inviteRecordSchema);

/** Marks a setup code or an invitation used by `openid` (inside the binding's transaction). */
export async function markUsed(
  tx: Store,
  collection: typeof setupCodes | typeof invites,
  key: string,
  openid: string | null,
  now: Date,
): Promise<void> {
  await collection.raw(tx).doc(key).update({ used: true, usedBy: openid, usedAt: now });
}
