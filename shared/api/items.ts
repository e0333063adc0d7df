/** The `items` function: the catalogue citizens browse and the items staff write and approve. */
import * as z from 'zod';
import type { ApproverRole } from '../policy/rules';
import type { Role } from '../policy/roles';
import { isoDateField } from '../calendar/schema';
import { itemContentSchema, type DisclosureItem } from '../records/item';
import { isCategoryKey } from '../catalogue/categories';

export const listItemsSchema = z.object({
  organId: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  keyword: z.string().trim().max(50).optional(),
  /** Staff only; citizens always see published items. */
  status: z.enum(['draft', 'inReview', 'published', 'withdrawn']).optional(),
  /** Where the previous page ended: its answer's `cursor`; absent for the first page. */
  cursor: z.string().min(1).max(300).optional(),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type ListItemsInput = z.input<typeof listItemsSchema>;

/** One page of the catalogue: no total (counting every match cost as much as reading them all), but whether more follow. */
export interface ItemPage {
  items: ItemSummary[];
  /** Another page follows this one. */
  more: boolean;
  /** The next page's `cursor`; null when `more` is false. */
  cursor: string | null;
}

/** What a list shows: no body, no attachments. */
export type ItemSummary = Pick<
  DisclosureItem,
  | 'id'
  | 'title'
  | 'indexNo'
  | 'docNo'
  | 'publisher'
  | 'category'
  | 'publishedDate'
  | 'writtenDate'
  | 'validity'
  | 'status'
> & {
  /** Staff lists only, while in review: the role at the item's current step (the 工作台's 待我审批). */
  waitingFor?: ApproverRole | undefined;
};

export const getItemSchema = z.object({ id: z.string().min(1) });

/**
 * `items.publicationDelay` (条例 第二十六条): how many working days publishing today would be after 成文日期, on the
 * organ's calendar (the holiday tables stay on the server), for the editor's line under the date.
 */
export const publicationDelaySchema = z.object({ writtenDate: isoDateField('成文日期') });
export interface PublicationCheck {
  /** Working days from 成文日期 to today (0 on the day or before). */
  workdays: number;
  late: boolean;
  /** The 20th working day after 成文日期: the last day to publish. */
  lastDay: string;
  provisional: boolean;
  warning: string | null;
}

/** 保密审查 (条例 第十七条): the reviewer confirms each point before approving. */
export const SECRECY_CHECKLIST = {
  noStateSecret: '不含国家秘密',
  noWorkSecret: '不含工作秘密、敏感信息',
  noPrivacy: '不含个人隐私（身份证号、电话、住址等）',
  noTradeSecret: '不含商业秘密',
  lawful: '公开不危及国家安全、公共安全、经济安全和社会稳定',
} as const;
export type SecrecyPoint = keyof typeof SECRECY_CHECKLIST;

/** Every point confirmed: what a reviewer who approves sends (the seed and the tests use it). */
export const SECRECY_ALL_CONFIRMED = Object.fromEntries(Object.keys(SECRECY_CHECKLIST).map((k) => [k, true])) as Record<
  SecrecyPoint,
  true
>;

export const secrecyChecklistSchema = z.object(
  Object.fromEntries(
    Object.keys(SECRECY_CHECKLIST).map((k) => [
      k,
      z.literal(true, { error: `保密审查须逐项确认：${SECRECY_CHECKLIST[k as SecrecyPoint]}` }),
    ]),
  ) as Record<SecrecyPoint, z.ZodLiteral<true>>,
);

/**
 * What a write may store: the content with a category of the catalogue's list (第二十条/第二十一条), so a citizen
 * never meets a raw key. Stored items are read with the lenient itemContentSchema.
 */
const writtenContentSchema = itemContentSchema.extend({
  category: itemContentSchema.shape.category.refine(isCategoryKey, '请从列表中选择分类'),
});

export const createItemSchema = z.object({ content: writtenContentSchema });
export const updateItemSchema = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  content: writtenContentSchema,
});
/** `version`, when sent, must be the one the editor last saw: what is submitted is what they read. */
export const submitItemSchema = z.object({ id: z.string().min(1), version: z.number().int().positive().optional() });
export const approveItemSchema = z.object({
  id: z.string().min(1),
  comment: z.string().trim().max(500).optional(),
  checklist: secrecyChecklistSchema.optional(),
});
export const rejectItemSchema = z.object({
  id: z.string().min(1),
  comment: z.string().trim().min(2, '请写明退回理由').max(500),
});
export const withdrawItemSchema = z.object({
  id: z.string().min(1),
  reason: z.string().trim().min(2, '请写明撤回理由').max(500),
});
export const correctItemSchema = z.object({
  id: z.string().min(1),
  reason: z.string().trim().min(2, '请写明更正理由').max(500),
  content: writtenContentSchema,
});

/** `items.create` / `items.update`: the version to send with the next update. */
export interface ItemWritten {
  id: string;
  version: number;
}

/** `items.submit` / `approve` / `reject` / `withdraw`: where the item now stands. */
export interface ItemMoved {
  id: string;
  status: 'draft' | 'inReview' | 'published' | 'withdrawn';
  /** In review: the chain step now waiting, and for whom. */
  step?: number | undefined;
  waitingFor?: ApproverRole | undefined;
  /** Published: the 索引号 and 发布日期. */
  indexNo?: string | undefined;
  publishedDate?: string | undefined;
}

/** One entry of an item's approval trail (staff only). */
export interface TrailView {
  step: number;
  decision: 'submit' | 'approve' | 'reject' | 'withdraw' | 'correct';
  staffId: string;
  role: Role;
  comment?: string | undefined;
  checklist?: Record<SecrecyPoint, true> | undefined;
  at: string;
}

/** `items.get` for the item's own organ: the workflow fields beside the item. */
export type StaffItem = DisclosureItem & {
  organId: string;
  step: number | null;
  /** The approval chain fixed when the item was submitted. */
  chain?: ApproverRole[];
  correctionOf?: string;
  correctionReason?: string;
  supersededBy?: string;
  trail?: TrailView[];
};

/** `items.history`: the versions (the correction chain) and the approval trail. */
export interface ItemHistory {
  id: string;
  status: DisclosureItem['status'];
  version: number;
  correctionOf: string | null;
  supersededBy: string | null;
  trail: TrailView[];
}

/** `items.correct`: the new draft that, once through the chain, replaces the published item. */
export interface ItemCorrection {
  id: string;
  correctionOf: string;
  status: 'draft';
}

/** `items.get`: the item; for staff of its organ, with the workflow fields (StaffItem). */
export type ItemDetail = DisclosureItem | StaffItem;
