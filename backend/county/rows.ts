/**
 * The county view's rows (`county_reports`): one document per organ under a county and report year, written in the
 * same transaction as the change it records — the township's draft moving through its chain (reports function),
 * the county's return, publication on behalf and pasted reports (county function). The dashboard reads one page of
 * a county's rows for a year (no report in it): the aggregation is kept in the database as the changes happen, so
 * no read grows with the organs' records. A row holds the report only once it reached the county (submitted,
 * published or pasted), and never anything of an applicant: counts, findings and the report's published text.
 */
import * as z from 'zod';
import type { CountyRow, CountyVersion } from '../../shared/api/county';
import { countyFiguresSchema, type CountyFigures } from '../../shared/api/county-join';
import {
  COUNTY_STATE_LABELS,
  COUNTY_STATES,
  DEFAULT_DUE_MONTH_DAY,
  dueDateOf,
  isOverdue,
  moveCounty,
  type CountyMove,
  type CountyState,
} from '../../shared/county/status';
import { findingSchema, reportDataSchema, type Finding, type ReportData } from '../../shared/report/schema';
import { COLLECTIONS } from '../collections';
import { AppError } from '../errors';
import type { StoredOrgan } from '../organs';
import { organsCollection } from '../organs';
import type { Db, Store } from '../sdk';
import { shanghaiDate } from '../time';
import { typedCollection } from '../typed-store';

/** The most organs one county lists (a county has tens; CloudBase caps a get at 1000). */
export const COUNTY_ORGAN_LIMIT = 500;

const storedRowSchema = z.looseObject({
  _id: z.string(),
  countyId: z.string(),
  organId: z.string(),
  organ: z.string(),
  year: z.number().int(),
  state: z.enum(COUNTY_STATES),
  submittedAt: z.string().nullable().default(null),
  publishedAt: z.string().nullable().default(null),
  version: z.number().int().positive().nullable().default(null),
  publishedId: z.string().nullable().default(null),
  source: z.enum(['built', 'imported', 'pasted']).nullable().default(null),
  errors: z.number().int().default(0),
  warnings: z.number().int().default(0),
  notes: z.number().int().default(0),
  figures: countyFiguresSchema.nullable().default(null),
  returnComment: z.string().nullable().default(null),
  returns: z.array(z.object({ comment: z.string(), at: z.string() })).default([]),
  versions: z
    .array(z.object({ version: z.number().int(), publishedAt: z.string(), reason: z.string().nullable() }))
    .default([]),
  /** Left out of the dashboard's reads. */
  report: reportDataSchema.nullable().optional(),
  findings: z.array(findingSchema).optional(),
  updatedAt: z.string().optional(),
});
export type StoredCountyRow = z.output<typeof storedRowSchema>;

const rowsCollection = typedCollection(COLLECTIONS.countyReports, storedRowSchema);

const rowId = (organId: string, year: number) => `${organId}-${year}`;

export function findRow(store: Store, organId: string, year: number): Promise<StoredCountyRow | null> {
  return rowsCollection.get(store, rowId(organId, year));
}

/** A county's rows of a year, without their reports (one page: COUNTY_ORGAN_LIMIT). */
export async function rowsOfCounty(db: Db, countyId: string, year: number): Promise<StoredCountyRow[]> {
  return rowsCollection.parseAll(
    await rowsCollection
      .raw(db)
      .where({ countyId, year })
      .orderBy('_id', 'asc')
      .limit(COUNTY_ORGAN_LIMIT)
      .field({ report: false, findings: false })
      .get(),
  );
}

/** An organ's rows, every year (one page: an organ has a row a year). */
export async function rowsOfOrgan(store: Store, organId: string): Promise<StoredCountyRow[]> {
  return rowsCollection.parseAll(await rowsCollection.raw(store).where({ organId }).limit(COUNTY_ORGAN_LIMIT).get());
}

/** A row of another organ (a twin added by the county before the organ came on the product) as `organ`'s. */
export async function copyRow(tx: Store, row: StoredCountyRow, organ: StoredOrgan, now: Date): Promise<void> {
  await rowsCollection.set(tx, {
    ...row,
    _id: rowId(organ._id, row.year),
    organId: organ._id,
    organ: organ.name,
    updatedAt: now.toISOString(),
  });
}

/** The organs under a county (one page: COUNTY_ORGAN_LIMIT). */
export async function organsUnder(store: Store, countyId: string): Promise<StoredOrgan[]> {
  return organsCollection.parseAll(
    await organsCollection
      .raw(store)
      .where({ parentId: countyId })
      .orderBy('_id', 'asc')
      .limit(COUNTY_ORGAN_LIMIT)
      .get(),
  );
}

/** The figures the county compares, from the report's cells (null where a cell is null). */
function figuresOf(report: ReportData): CountyFigures {
  const cell = (a: string): number | null => report.cells[a] ?? null;
  const direct = cell('reviewLitigation.directSuit.total');
  const after = cell('reviewLitigation.suitAfterReview.total');
  return {
    itemsPublished: report.narrative.proactiveCount,
    requestsReceived: cell('applications.newReceived.total'),
    carriedOver: cell('applications.carriedOver.total'),
    carriedForward: cell('applications.carriedForward.total'),
    reviews: cell('reviewLitigation.review.total'),
    suits: direct === null || after === null ? null : direct + after,
  };
}

/** The report as it reached the county and its findings, counted by level. */
export function withReport(report: ReportData, findings: readonly Finding[]) {
  const level = (l: Finding['level']) => findings.filter((f) => f.level === l).length;
  return {
    report,
    findings: [...findings],
    figures: figuresOf(report),
    errors: level('error'),
    warnings: level('warning'),
    notes: level('info'),
  };
}

/** A published version as the county lists it (the correction reason where the version carries one). */
export function versionOf(published: { version: number; publishedAt: string; reason?: unknown }): CountyVersion {
  return {
    version: published.version,
    publishedAt: published.publishedAt,
    reason: typeof published.reason === 'string' && published.reason !== '' ? published.reason : null,
  };
}

/** The county's due date for its organs' reports of `year`. */
export function countyDueDate(county: StoredOrgan | null, year: number): string {
  return dueDateOf(year, county?.townshipDueDate ?? DEFAULT_DUE_MONTH_DAY);
}

function blankRow(organ: StoredOrgan, countyId: string, year: number): StoredCountyRow {
  return storedRowSchema.parse({
    _id: rowId(organ._id, year),
    countyId,
    organId: organ._id,
    organ: organ.name,
    year,
    state: 'notStarted',
  });
}

export type RowPatch = Partial<Omit<StoredCountyRow, '_id' | 'countyId' | 'organId' | 'year' | 'state'>>;

/**
 * The county's move on an organ's row, as shared/county/status allows it (refused otherwise, nothing written);
 * the row after it.
 */
export async function moveRow(
  tx: Store,
  organ: StoredOrgan,
  year: number,
  move: CountyMove,
  patch: RowPatch,
  now: Date,
): Promise<StoredCountyRow> {
  if (!organ.parentId) throw new AppError('NOT_FOUND', '机关不存在或无权查看');
  const existing = (await findRow(tx, organ._id, year)) ?? blankRow(organ, organ.parentId, year);
  const next = moveCounty(existing.state, move, { onProduct: organ.offProduct !== true });
  if (!next.ok) throw new AppError(next.code, next.message);
  return writeRow(tx, organ, existing, next.state, patch, now);
}

/**
 * The township's own change, recorded for its county: the state its draft now has (the chain enforces the
 * township's moves; the row follows them). Nothing for an organ under no county.
 */
export async function followDraft(
  tx: Store,
  organ: StoredOrgan,
  year: number,
  state: CountyState,
  patch: RowPatch,
  now: Date,
): Promise<void> {
  if (!organ.parentId) return;
  const existing = (await findRow(tx, organ._id, year)) ?? blankRow(organ, organ.parentId, year);
  await writeRow(tx, organ, existing, state, patch, now);
}

async function writeRow(
  tx: Store,
  organ: StoredOrgan,
  existing: StoredCountyRow,
  state: CountyState,
  patch: RowPatch,
  now: Date,
): Promise<StoredCountyRow> {
  const row: StoredCountyRow = {
    ...existing,
    ...patch,
    // The county the organ is under now (an organ that joined another county moves its rows with its next change).
    countyId: organ.parentId ?? existing.countyId,
    organ: organ.name,
    state,
    updatedAt: now.toISOString(),
  };
  await rowsCollection.set(tx, row);
  return row;
}

/**
 * A version the organ published itself (a past report it imported, or one published before it joined its county):
 * the row says published, with that report and its findings. Nothing for an organ under no county.
 */
export async function followPublished(
  tx: Store,
  organ: StoredOrgan,
  published: { _id: string; year: number; version: number; publishedAt: string; report: ReportData; source: string },
  now: Date,
): Promise<void> {
  const source = published.source === 'imported' ? ('imported' as const) : ('built' as const);
  await followDraft(
    tx,
    organ,
    published.year,
    'published',
    {
      ...withReport(published.report, published.report.findings),
      publishedAt: published.publishedAt,
      version: published.version,
      publishedId: published._id,
      source,
      returnComment: null,
    },
    now,
  );
}

/** A row as the county sees it: the state in words and the overdue flag against `today` (Asia/Shanghai). */
export function rowView(
  row: StoredCountyRow | null,
  organ: StoredOrgan,
  year: number,
  dueDate: string,
  now: Date,
): CountyRow {
  const state: CountyState = row?.state ?? 'notStarted';
  return {
    organId: organ._id,
    organ: organ.name,
    onProduct: organ.offProduct !== true,
    year,
    state,
    stateLabel: COUNTY_STATE_LABELS[state],
    submittedAt: row?.submittedAt ?? null,
    publishedAt: row?.publishedAt ?? null,
    version: row?.version ?? null,
    publishedId: row?.publishedId ?? null,
    overdue: isOverdue(state, dueDate, shanghaiDate(now)),
    errors: row?.errors ?? 0,
    warnings: row?.warnings ?? 0,
    notes: row?.notes ?? 0,
    figures: row?.figures ?? null,
    returnComment: state === 'returned' ? (row?.returnComment ?? null) : null,
    source: row?.source ?? null,
  };
}
