/**
 * What the portal shows, read through the same function handlers citizens use with no login (so it shows exactly
 * what is public): the organ's public profile, its published items and its published reports with their versions.
 */
import { FUNCTION_HANDLERS } from '../../backend/functions';
import type { Db } from '../../backend/sdk';
import type { FunctionName, ItemPage, ItemSummary, PublishedReport, PublishedReportSummary } from '../../shared/api';
import type { OrganPublicProfile } from '../../shared/api/organ';
import { guideOrganOf, type GuideOrgan } from '../../shared/catalogue/guide';
import type { DisclosureItem } from '../../shared/records/item';
import type { CatalogueFilter, PortalItem, PortalReport, PortalReportVersion } from '../../shared/portal/pages';

export type SiteOrgan = GuideOrgan & { id: string };

async function publicCall<T>(db: Db, fn: FunctionName, action: string, payload: unknown): Promise<T | null> {
  const handler = FUNCTION_HANDLERS[fn];
  if (!handler) throw new Error(`no function ${fn}`);
  const r = await handler({ action, payload }, { db, openid: null });
  return r.ok ? (r.data as T) : null;
}

/** The organ the portal serves: the first (a township's own deployment has one). */
export async function loadOrgan(db: Db): Promise<SiteOrgan | null> {
  const p = await publicCall<OrganPublicProfile & Record<string, unknown>>(db, 'organ', 'getProfile', {});
  if (!p) return null;
  return { id: p.id, ...guideOrganOf(p) };
}

/** A stored file id → where this site serves it (null: not a file of this server). */
export type AttachmentHref = (fileId: string, name: string) => string | null;

export const serverAttachmentHref: AttachmentHref = (fileId) => {
  const m = /^local:\/\/([0-9a-f]{32})$/.exec(fileId);
  return m ? `files/${m[1]}` : null;
};

function fromSummary(s: ItemSummary): PortalItem {
  return {
    id: s.id,
    title: s.title,
    indexNo: s.indexNo,
    ...(s.docNo ? { docNo: s.docNo } : {}),
    publisher: s.publisher,
    category: s.category,
    writtenDate: s.writtenDate,
    publishedDate: s.publishedDate,
    validity: s.validity,
    body: '',
    attachments: [],
  };
}

/** Published items matching the filter, through the items function's own search (all pages of it, by cursor). */
export async function searchItems(db: Db, organId: string, filter: CatalogueFilter): Promise<PortalItem[]> {
  const out: PortalItem[] = [];
  for (let cursor: string | null | undefined = undefined; ;) {
    const r: ItemPage | null = await publicCall<ItemPage>(db, 'items', 'list', {
      organId,
      pageSize: 50,
      ...(cursor ? { cursor } : {}),
      ...(filter.keyword ? { keyword: filter.keyword } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.year ? { year: filter.year } : {}),
    });
    if (!r) break;
    out.push(...r.items.map(fromSummary));
    if (!r.more) break;
    cursor = r.cursor;
  }
  return out;
}

/** One published item with its body and attachments; null when it is not public. */
export async function loadItem(db: Db, id: string, href: AttachmentHref): Promise<PortalItem | null> {
  const item = await publicCall<DisclosureItem>(db, 'items', 'get', { id });
  if (!item || item.status !== 'published') return null;
  return {
    ...fromSummary(item),
    body: item.body,
    attachments: item.attachments.map((a) => ({ name: a.name, href: href(a.fileId, a.name) })),
  };
}

/** Every published item with body and attachments (the static export and the 目录 files). */
export async function loadAllItems(db: Db, organId: string, href: AttachmentHref): Promise<PortalItem[]> {
  const list = await searchItems(db, organId, {});
  const full = await Promise.all(list.map((i) => loadItem(db, i.id, href)));
  return full.filter((i): i is PortalItem => i !== null);
}

/** The years the catalogue has items in, newest first. */
export function itemYears(items: readonly PortalItem[]): number[] {
  const years = items.map((i) => Number((i.publishedDate ?? i.writtenDate).slice(0, 4)));
  return [...new Set(years)].filter((y) => y > 0).sort((a, b) => b - a);
}

/** A published report with every version of its year and why each corrected the one before (one call). */
export async function loadReport(db: Db, id: string): Promise<PortalReport | null> {
  const found = await publicCall<PublishedReport>(db, 'reports', 'getPublished', { id });
  if (!found) return null;
  const versions: PortalReportVersion[] = found.versions.map((v) => ({
    id: v.id,
    version: v.version,
    publishedAt: v.publishedAt,
    ...(v.reason ? { correctionReason: v.reason } : {}),
  }));
  return {
    id: found.id,
    year: found.year,
    version: found.version,
    publishedAt: found.publishedAt,
    ...(found.undated ? { undated: true } : {}),
    versions,
    report: found.report,
  };
}

export async function loadReports(db: Db, organId: string): Promise<PortalReport[]> {
  const list = (await publicCall<PublishedReportSummary[]>(db, 'reports', 'listPublished', { organId })) ?? [];
  const full = await Promise.all(list.map((r) => loadReport(db, r.id)));
  return full.filter((r): r is PortalReport => r !== null);
}
