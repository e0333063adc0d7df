/**
 * Published annual reports: a new immutable version on the last approval (or an import of a past report's
 * published text), and the list and the text citizens read without login (the exports: ./export.ts).
 */
import type { z } from 'zod';
import type {
  ImportPreview,
  importPublishedSchema,
  PublishedReport,
  PublishedReportSummary,
} from '../../shared/api/reports';
import { checkReport } from '../../shared/checks';
import { CELL_ADDRESSES, SECTION_KEYS } from '../../shared/format';
// The text importer alone: the .docx reader (mammoth) stays out of the function bundle.
import { importReportText } from '../../shared/import/report-text';
import { publishDateIn } from '../../shared/import/publish-date';
import type { ReportData } from '../../shared/report';
import { AppError, conflict } from '../errors';
import { staffOf } from '../caller';
import { organOf } from '../organs';
import { followPublished } from '../county/rows';
import type { HandlerContext, TxContext } from '../runtime';
import {
  latestPublished,
  listLatestPublished,
  listVersions,
  loadPublished,
  publishedExists,
  savePublished,
  summaryOf,
  type StoredPublishedReport,
} from './store';

/** How a version comes to be: built and approved here, or imported (with its own date when known). */
export type Publication =
  | { source: 'built'; reason?: string | undefined }
  | { source: 'imported'; reason?: string | undefined; publishedOn: string | null };

/** The stored fields of a publication: an import's own date (00:00 Asia/Shanghai), else now. */
function publicationFields(p: Publication, now: Date) {
  if (p.source === 'built') return { source: p.source, publishedAt: now.toISOString() };
  const own = p.publishedOn ? new Date(`${p.publishedOn}T00:00:00+08:00`).toISOString() : null;
  return {
    source: p.source,
    publishedAt: own ?? now.toISOString(),
    importedAt: now.toISOString(),
    ...(own ? {} : { undated: true as const }),
  };
}

/**
 * A new immutable version, inside the caller's transaction: a second publish of the same version conflicts. A
 * version after the first keeps the reason it corrects the one before.
 */
export async function publishInTx(
  ctx: TxContext,
  organId: string,
  report: ReportData,
  publication: Publication,
): Promise<PublishedReportSummary> {
  const previous = await latestPublished(ctx.tx, organId, report.year);
  const version = previous ? previous.version + 1 : 1;
  const id = `${organId}-${report.year}-v${version}`;
  if (await publishedExists(ctx.tx, id)) throw conflict('该年度报告刚刚已发布，请刷新');
  const doc: StoredPublishedReport = {
    _id: id,
    organId,
    organ: report.organ,
    year: report.year,
    version,
    ...publicationFields(publication, ctx.now),
    reason: version > 1 ? (publication.reason ?? null) : null,
    report,
  };
  await savePublished(ctx.tx, doc);
  ctx.audit({ action: 'publish', target: id, after: report });
  return summaryOf(doc);
}

/** The published text read and checked: the one parse both importPublished and previewImport use. */
export function readImport(text: string): ReportData {
  let imported: ReportData;
  try {
    imported = importReportText(text);
  } catch (e) {
    throw new AppError('UNREADABLE', `无法读取这份报告：${e instanceof Error ? e.message : ''}`, [
      { path: 'text', message: 'text：无法识别为政府信息公开工作年度报告' },
    ]);
  }
  return { ...imported, findings: checkReport(imported) };
}

export async function importPublished(
  input: z.output<typeof importPublishedSchema>,
  ctx: TxContext,
): Promise<PublishedReportSummary> {
  const organId = staffOf(ctx).organId;
  const report = readImport(input.text);
  const publishedOn = input.publishedOn ?? publishDateIn(input.text, report.year);
  const summary = await publishInTx(ctx, organId, report, { source: 'imported', publishedOn, reason: input.reason });
  // Under a county: its row of that year says published, with this report.
  const organ = await organOf(ctx.tx, organId);
  await followPublished(ctx.tx, organ, { ...summary, _id: summary.id, report, source: 'imported' }, ctx.now);
  return summary;
}

export async function previewImport(input: { text: string }, ctx: HandlerContext): Promise<ImportPreview> {
  const organId = staffOf(ctx).organId;
  const report = readImport(input.text);
  const [organ, existing] = await Promise.all([
    organOf(ctx.db, organId),
    latestPublished(ctx.db, organId, report.year),
  ]);
  const inferred = new Set(report.findings.filter((f) => f.check === 'cellInferred').flatMap((f) => f.cells));
  const filled = CELL_ADDRESSES.filter((a) => typeof report.cells[a] === 'number').length;
  return {
    organ: report.organ,
    ownOrgan: organ.name,
    year: report.year,
    cells: {
      total: CELL_ADDRESSES.length,
      filled,
      inferred: inferred.size,
      unreadable: CELL_ADDRESSES.length - filled,
    },
    findings: report.findings,
    sections: SECTION_KEYS.filter((k) => report.sections[k].trim() !== ''),
    existing: existing ? summaryOf(existing) : null,
    publishedOn: publishDateIn(input.text, report.year),
  };
}

export function listPublished(input: { organId?: string | undefined }, ctx: HandlerContext) {
  return listLatestPublished(ctx.db, input.organId);
}

export async function getPublished(input: { id: string }, ctx: HandlerContext): Promise<PublishedReport> {
  const row = await loadPublished(ctx.db, input.id);
  const versions = await listVersions(ctx.db, row.organId, row.year);
  return { ...summaryOf(row), report: row.report, source: row.source, versions };
}
