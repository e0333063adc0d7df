/**
 * The annual report's two collections, typed where they are read: the year's draft (`report_drafts`, one per organ
 * and year: the narrative, its version, and where it stands in the approval chain) and the published versions
 * (`published_reports`, immutable; a correction is a new version).
 */
import * as z from 'zod';
import type { PublishedReportSummary, ReportVersion } from '../../shared/api/reports';
import { approvalChainSchema, DEFAULT_CHAIN, trailFrom, type Chain } from '../../shared/approval';
import { emptySections, reportDataSchema, type Sections } from '../../shared/report/schema';
import { COLLECTIONS } from '../collections';
import { notFound } from '../errors';
import type { Db, Store } from '../sdk';
import { storedDate, typedCollection } from '../typed-store';

// ---- drafts ----

export const reportDraftSchema = z.looseObject({
  _id: z.string(),
  organId: z.string(),
  year: z.number().int(),
  /** Partial when stored by an older version: filled with empty sections where read. */
  sections: z
    .record(z.string(), z.unknown())
    .default({})
    .transform((s) => ({ ...emptySections(), ...(s as Partial<Sections>) })),
  /** 'submitted': approved by the organ's chain and waiting for its county (shared/county/status.ts). */
  status: z.enum(['draft', 'inReview', 'submitted', 'published']),
  step: z.number().int().nullable().default(null),
  /** The chain fixed when the draft was submitted (absent before its first submission). */
  chain: approvalChainSchema.optional(),
  version: z.number().int().nonnegative().default(0),
  /** While a published report is being corrected (reports.correct): why; it goes with the next version. */
  correctionReason: z.string().optional(),
  trail: z.unknown().optional().transform(trailFrom),
  /** The county's comment when it returned the report; cleared by the next submission. */
  countyReturn: z.object({ comment: z.string(), at: z.string() }).nullable().optional(),
  updatedAt: storedDate.optional(),
});
export type ReportDraft = z.output<typeof reportDraftSchema>;

/** The step the draft waits at, or null when it is not in review. */
export function stepOf(draft: ReportDraft): number | null {
  return draft.status === 'inReview' ? draft.step : null;
}

/** The chain stored on the draft when it was submitted (it stays with the draft until it leaves review). */
export function chainOfDraft(draft: ReportDraft): Chain {
  return draft.chain ?? DEFAULT_CHAIN;
}

const drafts = typedCollection(COLLECTIONS.reportDrafts, reportDraftSchema);

export const draftId = (organId: string, year: number) => `${organId}-${year}`;

/** The stored draft or null (reads never create one). */
export function findDraft(store: Store, organId: string, year: number): Promise<ReportDraft | null> {
  return drafts.get(store, draftId(organId, year));
}

/** The stored draft, or the empty one a first save creates (reads never write). */
export async function readDraft(store: Store, organId: string, year: number): Promise<ReportDraft> {
  return (
    (await findDraft(store, organId, year)) ?? {
      _id: draftId(organId, year),
      organId,
      year,
      sections: emptySections(),
      status: 'draft',
      step: null,
      version: 0,
      trail: [],
    }
  );
}

/** Replaces the whole draft inside the transaction (creating it on the first write). */
export async function saveDraft(tx: Store, draft: ReportDraft, now: Date): Promise<void> {
  await drafts.set(tx, { ...draft, updatedAt: now });
}

// ---- published versions ----

const publishedFields = {
  _id: z.string(),
  organId: z.string(),
  organ: z.string(),
  year: z.number().int(),
  version: z.number().int().positive(),
  /** ISO timestamp. */
  publishedAt: z.string(),
  source: z.enum(['built', 'imported']).catch('built'),
  /** Why this version corrected the one before (reports.correct, or an import over a published version). */
  reason: z.string().nullable().optional(),
  /** An import whose own publish date is unknown: `publishedAt` is the import's. */
  undated: z.literal(true).optional(),
  /** When an imported version was stored (its `publishedAt` is the report's own date). */
  importedAt: z.string().optional(),
};
/** A list row: everything but the report itself (left out of list queries). */
const publishedSummarySchema = z.looseObject(publishedFields);
export const publishedReportSchema = z.looseObject({ ...publishedFields, report: reportDataSchema });
export type StoredPublishedReport = z.output<typeof publishedReportSchema>;

const published = typedCollection(COLLECTIONS.publishedReports, publishedReportSchema);
const publishedSummaries = typedCollection(COLLECTIONS.publishedReports, publishedSummarySchema);

export function summaryOf(row: z.output<typeof publishedSummarySchema>): PublishedReportSummary {
  return {
    id: row._id,
    organId: row.organId,
    organ: row.organ,
    year: row.year,
    publishedAt: row.publishedAt,
    version: row.version,
    ...(row.undated ? { undated: true as const } : {}),
  };
}

/** Every version of one organ's year, oldest first, with why each corrected the one before. */
export async function listVersions(db: Db, organId: string, year: number): Promise<ReportVersion[]> {
  return (await publishedVersions(db, organId, year)).map((r) => ({
    id: r._id,
    version: r.version,
    publishedAt: r.publishedAt,
    reason: r.reason ?? null,
  }));
}

export async function loadPublished(store: Store, id: string): Promise<StoredPublishedReport> {
  const row = await published.get(store, id);
  if (!row) throw notFound('年度报告');
  return row;
}

/** Whether version `id` exists (inside a transaction: part of its conflict check). */
export async function publishedExists(store: Store, id: string): Promise<boolean> {
  return (await published.get(store, id)) !== null;
}

export async function savePublished(tx: Store, doc: StoredPublishedReport): Promise<void> {
  await published.set(tx, doc);
}

/** The newest version of one organ's year, or null. */
export async function latestPublished(
  store: Store,
  organId: string,
  year: number,
): Promise<StoredPublishedReport | null> {
  // Every version of one organ's year: a handful of documents, and a plain where() joins a transaction.
  const list = published.parseAll(await published.raw(store).where({ organId, year }).get());
  return list.reduce<StoredPublishedReport | null>(
    (best, r) => (best === null || r.version > best.version ? r : best),
    null,
  );
}

/** Every published version of one organ's year without its report, oldest first (a handful of documents). */
export async function publishedVersions(store: Store, organId: string, year: number) {
  const list = publishedSummaries.parseAll(
    await publishedSummaries.raw(store).where({ organId, year }).field({ report: false }).limit(100).get(),
  );
  return list.sort((a, b) => a.version - b.version);
}

/** The newest version of each organ's year, newest year first (older versions stay readable by id). */
export async function listLatestPublished(db: Db, organId: string | undefined): Promise<PublishedReportSummary[]> {
  const list = publishedSummaries.parseAll(
    await publishedSummaries
      .raw(db)
      .where(organId ? { organId } : {})
      .orderBy('year', 'desc')
      .orderBy('version', 'desc')
      .limit(200)
      .field({ report: false })
      .get(),
  );
  const seen = new Set<string>();
  return list
    .filter((r) => (seen.has(`${r.organId}-${r.year}`) ? false : (seen.add(`${r.organId}-${r.year}`), true)))
    .map(summaryOf);
}
