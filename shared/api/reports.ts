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

export const saveNarrativeSchema = z.object({
  year: z.number().int().min(2008).max(2100),
  version: z.number().int().nonnegative(),
  sections: z.object({ overview: z.string().max(20_000), problems: z.string().max(20_000), other: z.string().max(20_000), proactive: z.string().max(5000), applications: z.string().max(5000), reviewLitigation: z.string().max(5000) }).partial(),
});
export const reportStepSchema = z.object({ year: z.number().int().min(2008).max(2100), comment: z.string().trim().max(500).optional() });
export const rejectReportSchema = z.object({ year: z.number().int().min(2008).max(2100), comment: z.string().trim().min(2, '请写明退回理由').max(500) });
export const importPublishedSchema = z.object({ text: z.string().min(50, '请粘贴完整的年度报告全文').max(500_000) });
