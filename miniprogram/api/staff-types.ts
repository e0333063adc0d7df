/**
 * What the staff actions take and answer. The items answers come from shared/api/items.ts; organ me/bind as
 * backend/organ.ts returns them (TODO(lead): those two answer types belong in shared/api/organ.ts).
 */
import type { z } from 'zod';
import type { Role, StaffRole, approveItemSchema, createItemSchema, rejectItemSchema, updateItemSchema } from 'gongkai-core';

export interface StaffMe {
  signedIn: boolean;
  role: Role;
  roleLabel: string;
  organId: string | null;
  displayName: string | null;
  staffId: string | null;
}

export interface BindAnswer {
  organId: string;
  role: StaffRole;
  roleLabel: string;
}

export type CreateItemPayload = z.input<typeof createItemSchema>;
export type UpdateItemPayload = z.input<typeof updateItemSchema>;
export type ApproveItemPayload = z.input<typeof approveItemSchema>;
export type RejectItemPayload = z.input<typeof rejectItemSchema>;

/** The items answers staff get (create/update, submit/approve/reject, get for the item's own organ). */
export type { ItemMoved, ItemWritten, StaffItem, TrailView } from 'gongkai-core';
