/** Paging helpers: the catalogue's query as `items.list` takes it (empty filters left out, one page size). */
import type { CallPayload } from 'gongkai-core';

export const CATALOG_PAGE_SIZE = 20;

/** A filter left undefined (or empty) is not set. */
export interface CatalogFilter {
  organId?: string | undefined;
  category?: string | undefined;
  year?: number | undefined;
  keyword?: string | undefined;
  /** Where the page starts: the previous page's cursor; null for the first page. */
  cursor: string | null;
}

/** The citizens' catalogue query: published items only (no `status`), filters that are set, one page after `cursor`. */
export function catalogQuery(filter: CatalogFilter): CallPayload<'items.list'> {
  const keyword = filter.keyword?.trim();
  return {
    ...(filter.organId ? { organId: filter.organId } : {}),
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.year ? { year: filter.year } : {}),
    ...(keyword ? { keyword } : {}),
    ...(filter.cursor ? { cursor: filter.cursor } : {}),
    pageSize: CATALOG_PAGE_SIZE,
  };
}
