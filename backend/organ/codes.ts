/**
 * The one-time codes an organ's staff are bound by: the setup code (the first admin of a new organ) and the
 * invitations (every other member). Both are stored under the SHA-256 of the code (backend/codes.ts) and used
 * once; their documents are parsed here, so organ/ reads them typed.
 */
import * as z from 'zod';
import { ROLES } from '../../shared/policy/roles';
import { COLLECTIONS } from '../collections';
import { storedDate, typedCollection } from '../typed-store';

const DAY_MS = 24 * 60 * 60 * 1000;

const usedFlag = z.boolean().catch(false);
const optionalDate = storedDate.optional().catch(undefined);

export const setupCodes = typedCollection(
  COLLECTIONS.setupCodes,
  z.looseObject({ _id: z.string(), used: usedFlag, at: optionalDate, expiresAt: optionalDate }),
);

export const invites = typedCollection(
  COLLECTIONS.invites,
  z.looseObject({
    _id: z.string(),
    organId: z.string().optional().catch(undefined),
    /** No longer a role: the invitation binds nobody. */
    role: z.enum(ROLES).optional().catch(undefined),
    used: usedFlag,
    expiresAt: optionalDate,
    createdBy: z.string().optional().catch(undefined),
  }),
);

/** A setup code's last usable moment (one stored before codes expired: 7 days after it was made). */
export function setupCodeUntil(code: { at?: Date | undefined; expiresAt?: Date | undefined }): number {
  if (code.expiresAt) return code.expiresAt.getTime();
  return code.at ? code.at.getTime() + 7 * DAY_MS : 0;
}
