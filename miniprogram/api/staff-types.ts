/** What the staff actions take and answer: the types of shared/api (items, organ) through the core bundle. */
import type { z } from 'zod';
import type {
  approveItemSchema,
  closeCaseSchema,
  createCaseSchema,
  correctItemSchema,
  createItemSchema,
  rejectItemSchema,
  setupSchema,
  updateProfileSchema,
  updateItemSchema,
  withdrawItemSchema,
} from 'gongkai-core';

/** organ.me and organ.bind answers, as shared/api/organ.ts declares them. */
export type { BindAnswer, StaffMe } from 'gongkai-core';

export type CreateItemPayload = z.input<typeof createItemSchema>;
export type UpdateItemPayload = z.input<typeof updateItemSchema>;
export type ApproveItemPayload = z.input<typeof approveItemSchema>;
export type RejectItemPayload = z.input<typeof rejectItemSchema>;
export type WithdrawItemPayload = z.input<typeof withdrawItemSchema>;
export type CorrectItemPayload = z.input<typeof correctItemSchema>;

/** organ.updateProfile's patch and organ.setup's payload (staff-admin). */
export type ProfilePatch = z.input<typeof updateProfileSchema>['patch'];
export type SetupPayload = z.input<typeof setupSchema>;

/** cases.create's case and cases.close's payload (staff-records). */
export type CaseInput = z.input<typeof createCaseSchema>['case'];
export type CloseCasePayload = z.input<typeof closeCaseSchema>;

/** `items.correct`: the new draft that, once through the chain, replaces the published item. */
export interface ItemCorrection {
  id: string;
  correctionOf: string;
  status: 'draft';
}

/** The items answers staff get (create/update, submit/approve/reject, get for the item's own organ). */
export type { ItemHistory, ItemMoved, ItemWritten, StaffItem, TrailView } from 'gongkai-core';
