/** The `organ` function's contract: each action's input, answer, access and rules. */
import * as z from 'zod';
import { APPROVER_ROLES } from '../../policy/rules';
import { ROLES, STAFF } from '../../policy/roles';
import { defineContract, WRITE } from '../contract';
import { joinCountySchema } from '../county-join';
import {
  bindSchema,
  getProfileSchema,
  grantReminderSchema,
  inviteSchema,
  noticeFieldsSchema,
  remindersSchema,
  removeStaffSchema,
  setupSchema,
  STAFF_PURPOSES,
  SUBSCRIBE_PURPOSES,
  templateFieldsSchema,
  updateProfileSchema,
  type BindAnswer,
  type Invitation,
  type OrganPublicProfile,
  type OrganSettings,
  type ReminderCounts,
  type StaffListEntry,
  type StaffMe,
  type StaffPurpose,
} from '../organ';

// ---- answer schemas (the tests check every answer with them) ----

const staffRole = z.enum(ROLES);
const templateIdsSchema = z.partialRecord(z.enum(SUBSCRIBE_PURPOSES), z.string());
// Plain shapes, not the profile's checks: a stored organ is answered as it is (updateProfile says what to mend).
const organPublicProfileShape = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  contactPhone: z.string(),
  address: z.string(),
  reportDueDate: z.string(),
  indexPattern: z.string(),
  chain: z.array(z.enum(APPROVER_ROLES)),
  templateIds: templateIdsSchema,
});
const organPublicProfileSchema: z.ZodType<OrganPublicProfile> = organPublicProfileShape;
const organSettingsSchema: z.ZodType<OrganSettings> = organPublicProfileShape.extend({
  noticeFields: noticeFieldsSchema,
  templateFields: templateFieldsSchema.optional(),
  extensionApprovers: z.array(z.string()),
  feePayment: z.string(),
  reviewOrgan: z.string(),
  court: z.string(),
  isCounty: z.boolean(),
  county: z.string().nullable(),
});
const staffMeSchema: z.ZodType<StaffMe> = z.object({
  signedIn: z.boolean(),
  role: z.enum([...ROLES, 'citizen']),
  roleLabel: z.string(),
  organId: z.string().nullable(),
  displayName: z.string().nullable(),
  staffId: z.string().nullable(),
});
const bindAnswerSchema: z.ZodType<BindAnswer> = z.object({
  organId: z.string(),
  role: staffRole,
  roleLabel: z.string(),
});
const invitationSchema: z.ZodType<Invitation> = z.object({
  code: z.string(),
  role: staffRole,
  roleLabel: z.string(),
  expiresAt: z.string(),
});
const reminderCountsSchema: z.ZodType<ReminderCounts> = z.object(
  Object.fromEntries(STAFF_PURPOSES.map((p) => [p, z.number().int().nonnegative()])) as Record<
    StaffPurpose,
    z.ZodNumber
  >,
);
const staffListSchema: z.ZodType<StaffListEntry[]> = z.array(
  z.object({ id: z.string(), role: staffRole, displayName: z.string() }),
);
export const idAnswerSchema = z.object({ id: z.string() });
const noPayload = z.object({});

/** The `organ` function: every action, what it takes and answers, who may call it, and how it runs. */
export const organContract = defineContract({
  setup: { input: setupSchema, answer: bindAnswerSchema, access: 'signedIn', ...WRITE },
  bind: { input: bindSchema, answer: bindAnswerSchema, access: 'signedIn', ...WRITE },
  me: { input: noPayload, answer: staffMeSchema, access: 'public' },
  getProfile: { input: getProfileSchema, answer: organPublicProfileSchema, access: 'public' },
  updateProfile: {
    input: updateProfileSchema,
    answer: organPublicProfileSchema,
    access: ['admin'],
    ...WRITE,
  },
  // Not idempotent on purpose: a stored answer would keep the plain code; a double tap just makes a spare code.
  invite: { input: inviteSchema, answer: invitationSchema, access: ['admin'], ...WRITE },
  listStaff: { input: noPayload, answer: staffListSchema, access: ['admin'] },
  removeStaff: {
    input: removeStaffSchema,
    answer: idAnswerSchema,
    access: ['admin'],
    ...WRITE,
  },
  settings: { input: noPayload, answer: organSettingsSchema, access: ['admin'] },
  grantReminder: {
    input: grantReminderSchema,
    answer: reminderCountsSchema,
    access: STAFF,
    ...WRITE,
  },
  reminders: { input: remindersSchema, answer: reminderCountsSchema, access: STAFF },
  /** Puts the caller's organ under the county whose code it is (county.inviteOrgan); once. */
  joinCounty: {
    input: joinCountySchema,
    answer: z.object({ countyId: z.string(), county: z.string() }),
    access: ['admin'],
    ...WRITE,
  },
});
