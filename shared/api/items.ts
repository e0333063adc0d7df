/** The `items` function: the catalogue citizens browse and the items staff write and approve. */
import { z } from 'zod';
import type { DisclosureItem } from '../records';

export const listItemsSchema = z.object({
  organId: z.string().min(1).optional(),
  category: z.string().min(1).optional(),
  year: z.number().int().min(2000).max(2100).optional(),
  keyword: z.string().trim().max(50).optional(),
  /** Staff only; citizens always see published items. */
  status: z.enum(['draft', 'inReview', 'published', 'withdrawn']).optional(),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export type ListItemsInput = z.input<typeof listItemsSchema>;

export interface ItemPage {
  list: ItemSummary[];
  total: number;
  page: number;
  pageSize: number;
}

/** What a list shows: no body, no attachments. */
export type ItemSummary = Pick<DisclosureItem, 'id' | 'title' | 'indexNo' | 'docNo' | 'publisher' | 'category' | 'publishedDate' | 'writtenDate' | 'validity' | 'status'>;

export const getItemSchema = z.object({ id: z.string().min(1) });

export const ITEM_ACTIONS = ['list', 'get', 'create', 'update', 'submit', 'approve', 'reject', 'withdraw', 'correct', 'history'] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];
