/** The `reports` function: what citizens read (published reports) and what staff build. */
import * as z from 'zod';
import type { CellAddress } from '../format';
import type { Finding, ReportData, Sections } from '../report/schema';

export const listPublishedReportsSchema = z.object({ organId: z.string().min(1).optional() });
export const getPublishedReportSchema = z.object({ id: z.string().min(1) });

/** One line of the list of published reports. */
export interface PublishedReportSummary {
  id: string;
  organId: string;
  organ: string;
  year: number;
  /** ISO timestamp of publication. */
  publishedAt: string;
  version: number;
}

/** A published report: immutable once published; a correction is a new version. */
export interface PublishedReport extends PublishedReportSummary {
  report: ReportData;
  /** Imported from a published text rather than built from records. */
  source: 'built' | 'imported';
}

export const buildReportSchema = z.object({ year: z.number().int().min(2008).max(2100) });
export interface BuiltReportView {
  report: ReportData;
  sources: Record<CellAddress, string[]>;
  findings: Finding[];
  /** Last year's narrative beside this year's, for the editor. */
  lastYearSections: Sections | null;
}

export const REPORT_ACTIONS = ['listPublished', 'getPublished', 'build', 'saveNarrative', 'check', 'submit', 'approve', 'reject', 'publish', 'importPublished'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];
