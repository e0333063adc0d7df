/**
 * The `county` function: the county's 政务公开 office over the organs under it — each organ's report status against
 * the due date, its findings and key figures side by side, the report itself, return with a comment or publish on
 * the township's behalf (shared/county/status.ts), and the published reports of organs not on the product pasted in.
 * Nothing here carries an applicant's personal data: reports, findings and counts only.
 */
import * as z from 'zod';
import type { CountyState } from '../county/status';
import type { Finding, ReportData } from '../report/schema';
import type { CountyFigures } from './county-join';
import { monthDay } from '../records/month-day';
import { importPublishedSchema, reportYear, type PublishedReportSummary } from './reports';

export { countyFiguresSchema, joinCountySchema, type CountyFigures } from './county-join';

const organName = z.string().trim().min(2, '请填写机关名称').max(60);
const aliases = z.array(z.string().trim().min(2, '别名至少两个字').max(60)).max(10, '别名至多十个').default([]);

/** `county.dashboard`: the year defaults to last year (the report due now). */
export const countyYearSchema = z.object({ year: reportYear.optional() });
export const countyOrganYearSchema = z.object({ organId: z.string().min(1), year: reportYear });
export const countyReturnSchema = countyOrganYearSchema.extend({
  comment: z.string().trim().min(2, '请写明退回意见').max(500),
});
export const addOrganSchema = z.object({ organName, aliases });
export const setAliasesSchema = z.object({ organId: z.string().min(1), aliases });
/** A published report of an organ under the county; without organId the organ is matched by the name read. */
export const countyImportSchema = z.object({
  text: importPublishedSchema.shape.text,
  organId: z.string().min(1).optional(),
});
export const countySettingsSchema = z.object({ dueDate: monthDay });
export const inviteOrganSchema = z.object({
  expiresInDays: z.number().int().min(1).max(30).default(7),
});

/** One organ's line on the dashboard for a year. */
export interface CountyRow {
  organId: string;
  organ: string;
  /** The organ has staff on the product; false: its reports are pasted in by the county. */
  onProduct: boolean;
  year: number;
  state: CountyState;
  stateLabel: string;
  /** ISO timestamps. */
  submittedAt: string | null;
  publishedAt: string | null;
  /** The newest published version, or null. */
  version: number | null;
  /** That version's id on the product (reports.getPublished), null for a report the county pasted in. */
  publishedId: string | null;
  overdue: boolean;
  errors: number;
  warnings: number;
  notes: number;
  figures: CountyFigures | null;
  /** The county's last return comment while the report is returned; null otherwise. */
  returnComment: string | null;
  source: 'built' | 'imported' | 'pasted' | null;
}

export interface CountyDashboard {
  county: { id: string; name: string };
  year: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  /** How many organs in each state, and overdue. */
  totals: Record<CountyState, number> & { overdue: number; organs: number };
  organs: CountyRow[];
}

/** A published version of the report, with its correction reason where one was given. */
export interface CountyVersion {
  version: number;
  publishedAt: string;
  reason: string | null;
}

export interface CountyReportView {
  row: CountyRow;
  /** The report as submitted or published; null before it reaches the county (drafting, in approval). */
  report: ReportData | null;
  findings: Finding[];
  versions: CountyVersion[];
  /** Every return of this year's report, oldest first. */
  returns: { comment: string; at: string }[];
}

export interface CountyMoved {
  row: CountyRow;
  published?: PublishedReportSummary | undefined;
}

export interface CountyImported {
  matchedBy: 'id' | 'name' | 'alias' | 'created';
  row: CountyRow;
}

export interface CountyOrgan {
  organId: string;
  name: string;
  aliases: string[];
  onProduct: boolean;
}

export interface CountyInvitation {
  code: string;
  expiresAt: string;
}
