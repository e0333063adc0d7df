/**
 * A disclosure item (主动公开信息) with the metadata a portal shows: 名称, 索引号, 文号, 发布机构, 成文日期,
 * 发布日期, 主题/体裁分类, 公开方式, 公开范围, 有效性 (for 规范性文件), body and attachments.
 */
import * as z from 'zod';
import { isoDate, recordId } from './common';

export const ITEM_STATUSES = ['draft', 'inReview', 'published', 'withdrawn'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const VALIDITIES = ['inForce', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const attachmentSchema = z.object({
  fileId: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['image', 'file']),
  size: z.number().int().nonnegative().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** What staff fill in: the editable part of an item. */
export const itemContentSchema = z.object({
  title: z.string().trim().min(1, '请填写名称').max(200),
  docNo: z.string().trim().max(100).optional(),
  publisher: z.string().trim().min(1, '请填写发布机构').max(100),
  writtenDate: isoDate,
  /** Catalogue category: a 第二十条/第二十一条 key or an organ's own. */
  category: z.string().trim().min(1, '请选择分类').max(60),
  subjectCategory: z.string().trim().max(60).optional(),
  genreCategory: z.string().trim().max(60).optional(),
  disclosureMode: z.literal('主动公开').default('主动公开'),
  scope: z.string().trim().max(60).default('面向社会'),
  validity: z.enum(VALIDITIES).nullable().default(null),
  body: z.string().max(100_000).default(''),
  attachments: z.array(attachmentSchema).max(30).default([]),
});
export type ItemContent = z.infer<typeof itemContentSchema>;

export const disclosureItemSchema = itemContentSchema.extend({
  id: recordId,
  status: z.enum(ITEM_STATUSES),
  /** Given on publishing, unique and gapless per organ and year. */
  indexNo: z.string().nullable().default(null),
  publishedDate: isoDate.nullable().default(null),
  version: z.number().int().positive().default(1),
});
export type DisclosureItem = z.infer<typeof disclosureItemSchema>;
