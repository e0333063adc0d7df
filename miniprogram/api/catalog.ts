/** The catalogue of published items and the organ's public contact: what citizens read, without signing in. */
import {
  getItemSchema,
  getProfileSchema,
  listItemsSchema,
  parseWith,
  type DisclosureItem,
  type ItemPage,
  type Result,
} from 'gongkai-core';
import type { OrganPublicProfile } from './catalog-types';
import { call } from './client';

export type { OrganPublicProfile } from './catalog-types';

export interface CatalogFilter {
  organId?: string;
  category?: string;
  year?: number;
  keyword?: string;
  page: number;
}

export const CATALOG_PAGE_SIZE = 20;

export async function fetchItems(filter: CatalogFilter): Promise<Result<ItemPage>> {
  const keyword = filter.keyword?.trim();
  const input = parseWith(listItemsSchema, {
    ...(filter.organId ? { organId: filter.organId } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.year ? { year: filter.year } : {}),
    ...(keyword ? { keyword } : {}),
    page: filter.page,
    pageSize: CATALOG_PAGE_SIZE,
  });
  if (!input.ok) return input;
  const { status: _staffOnly, ...payload } = input.data;
  return call('items', 'list', payload);
}

export async function fetchItem(id: string): Promise<Result<DisclosureItem>> {
  const input = parseWith(getItemSchema, { id });
  if (!input.ok) return input;
  return call('items', 'get', input.data);
}

/** The organ this mini program belongs to (the first one, for a township's own mini program), or a given one. */
export async function fetchOrganProfile(organId?: string): Promise<Result<OrganPublicProfile>> {
  const input = parseWith(getProfileSchema, organId ? { organId } : {});
  if (!input.ok) return input;
  return call('organ', 'getProfile', input.data);
}
