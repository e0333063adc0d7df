/** The `items` function's contract: each action's input, answer, access and rules. */
import * as z from 'zod';
import { APPROVER_ROLES } from '../../policy/rules';
import { ROLES, STAFF } from '../../policy/roles';
import { isoDate } from '../../records/common';
import { disclosureItemSchema, ITEM_STATUSES } from '../../records/item';
import { answerOf, defineContract, IDEMPOTENT_WRITE, WRITE } from '../contract';
import {
  approveItemSchema,
  correctItemSchema,
  createItemSchema,
  getItemSchema,
  listItemsSchema,
  rejectItemSchema,
  SECRECY_CHECKLIST,
  submitItemSchema,
  updateItemSchema,
  withdrawItemSchema,
  type ItemCorrection,
  type ItemDetail,
  type ItemHistory,
  type ItemMoved,
  type ItemPage,
  type ItemWritten,
  type SecrecyPoint,
  type TrailView,
  publicationDelaySchema,
  type PublicationCheck,
} from '../items';

// ---- answer schemas (the tests check every answer with them) ----

const approverRole = z.enum(APPROVER_ROLES);
const itemSummarySchema = disclosureItemSchema
  .pick({
    id: true,
    title: true,
    indexNo: true,
    docNo: true,
    publisher: true,
    category: true,
    publishedDate: true,
    writtenDate: true,
    validity: true,
    status: true,
  })
  .extend({ waitingFor: approverRole.optional() });
const itemPageSchema: z.ZodType<ItemPage> = z
  .object({ items: z.array(itemSummarySchema), more: z.boolean(), cursor: z.string().min(1).nullable() })
  .refine((p) => p.more === (p.cursor !== null), { message: 'a cursor exactly when more pages follow' });
const trailViewSchema: z.ZodType<TrailView> = z.object({
  step: z.number().int(),
  decision: z.enum(['submit', 'approve', 'reject', 'withdraw', 'correct']),
  staffId: z.string(),
  role: z.enum([...ROLES, 'citizen']),
  comment: z.string().optional(),
  checklist: z.record(z.enum(Object.keys(SECRECY_CHECKLIST) as [SecrecyPoint]), z.literal(true)).optional(),
  at: z.string(),
});
const itemDetailSchema = answerOf<ItemDetail>(
  disclosureItemSchema.extend({
    organId: z.string().optional(),
    step: z.number().int().nullable().optional(),
    chain: z.array(approverRole).optional(),
    correctionOf: z.string().optional(),
    correctionReason: z.string().optional(),
    supersededBy: z.string().optional(),
    trail: z.array(trailViewSchema).optional(),
  }),
);
const itemWrittenSchema: z.ZodType<ItemWritten> = z.object({ id: z.string(), version: z.number().int().positive() });
const itemCreatedSchema: z.ZodType<ItemWritten & { status: 'draft' }> = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  status: z.literal('draft'),
});
const itemMovedSchema: z.ZodType<ItemMoved> = z.object({
  id: z.string(),
  status: z.enum(ITEM_STATUSES),
  step: z.number().int().optional(),
  waitingFor: approverRole.optional(),
  indexNo: z.string().optional(),
  publishedDate: isoDate.optional(),
});
const itemCorrectionSchema: z.ZodType<ItemCorrection> = z.object({
  id: z.string(),
  correctionOf: z.string(),
  status: z.literal('draft'),
});
const itemHistorySchema: z.ZodType<ItemHistory> = z.object({
  id: z.string(),
  status: z.enum(ITEM_STATUSES),
  version: z.number().int().positive(),
  correctionOf: z.string().nullable(),
  supersededBy: z.string().nullable(),
  trail: z.array(trailViewSchema),
});

/** The `items` function: every action, what it takes and answers, who may call it, and how it runs. */
export const itemsContract = defineContract({
  list: { input: listItemsSchema, answer: itemPageSchema, access: 'public' },
  publicationDelay: {
    input: publicationDelaySchema,
    answer: answerOf<PublicationCheck>(
      z.object({
        workdays: z.number().int().nonnegative(),
        late: z.boolean(),
        lastDay: isoDate,
        provisional: z.boolean(),
        warning: z.string().nullable(),
      }),
    ),
    access: STAFF,
  },
  get: { input: getItemSchema, answer: itemDetailSchema, access: 'public' },
  create: {
    input: createItemSchema,
    answer: itemCreatedSchema,
    access: ['editor'],
    ...IDEMPOTENT_WRITE,
  },
  update: {
    input: updateItemSchema,
    answer: itemWrittenSchema,
    access: ['editor'],
    ...WRITE,
  },
  submit: {
    input: submitItemSchema,
    answer: itemMovedSchema,
    access: ['editor'],
    ...IDEMPOTENT_WRITE,
  },
  approve: {
    input: approveItemSchema,
    answer: itemMovedSchema,
    access: ['reviewer', 'leader'],
    ...IDEMPOTENT_WRITE,
  },
  reject: {
    input: rejectItemSchema,
    answer: itemMovedSchema,
    access: ['reviewer', 'leader'],
    ...IDEMPOTENT_WRITE,
  },
  withdraw: {
    input: withdrawItemSchema,
    answer: itemMovedSchema,
    access: ['leader', 'admin'],
    ...IDEMPOTENT_WRITE,
  },
  correct: {
    input: correctItemSchema,
    answer: itemCorrectionSchema,
    access: ['editor'],
    ...IDEMPOTENT_WRITE,
  },
  history: { input: getItemSchema, answer: itemHistorySchema, access: STAFF },
});
