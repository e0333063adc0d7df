/** The `reports` function: what citizens read (published reports) and what staff build. */
import * as z from 'zod';
import { CELL_ADDRESSES, type CellAddress, type SectionKey } from '../format';
import { waitingLabel, type ApproverRole } from '../approval';
import type { Finding, ReportData, Sections } from '../report/schema';
import { isoDate } from '../records/common';

export const listPublishedReportsSchema = z.object({ organId: z.string().min(1).optional() });
export const getPublishedReportSchema = z.object({ id: z.string().min(1) });

/** One line of the list of published reports. */
export interface PublishedReportSummary {
  id: string;
  organId: string;
  organ: string;
  year: number;
  /**
   * ISO timestamp of publication. An imported past report: the day it was published (read from its text or entered
   * at import; 00:00 in Asia/Shanghai), else — `undated` — the day it was imported.
   */
  publishedAt: string;
  version: number;
  /** Set when an imported report's own publish date is unknown: `publishedAt` is then the import's. */
  undated?: true | undefined;
}

/** One published version of a year's report; `reason` says why it corrected the one before (null for the first). */
export interface ReportVersion {
  id: string;
  version: number;
  publishedAt: string;
  reason: string | null;
}

/** A published report: immutable once published; a correction is a new version. */
export interface PublishedReport extends PublishedReportSummary {
  report: ReportData;
  /** Imported from a published text rather than built from records. */
  source: 'built' | 'imported';
  /** Every published version of the year, oldest first (this one included). */
  versions: ReportVersion[];
}

export const reportYear = z.number().int().min(2008).max(2100);

export const buildReportSchema = z.object({ year: reportYear });

/** `reports.latePublications`: the year's items published more than 20 working days after 成文日期 (条例 第二十六条). */
export const latePublicationsSchema = z.object({ year: reportYear });
export interface LatePublication {
  id: string;
  title: string;
  indexNo: string | null;
  writtenDate: string;
  publishedDate: string;
  /** Working days from 成文日期 to 发布日期 (the organ's calendar). */
  workdays: number;
  /** Counted with a year whose holiday table is not entered yet. */
  provisional: boolean;
}

/**
 * Where a year's report is: not started, being written, in the approval chain, submitted to the county (an organ
 * under a county: its chain's last approval sends it there, shared/county/status.ts), returned by the county with a
 * comment (a draft again), or published.
 */
export type ReportState = 'none' | 'draft' | 'inReview' | 'submitted' | 'returned' | 'published';
/** What a stored draft can be ('returned' is a draft with the county's comment on it). */
export type DraftState = Exclude<ReportState, 'none' | 'returned'>;

export interface BuiltReportView {
  report: ReportData;
  sources: Record<CellAddress, string[]>;
  findings: Finding[];
  /** Last year's narrative beside this year's, for the editor. */
  lastYearSections: Sections | null;
  /** The draft's state ('none' is never answered here: building shows a draft). */
  status: DraftState;
  /** The approval chain: the draft's own while in review, else the organ's (the one a submission will take). */
  chain: ApproverRole[];
  /** The approval step (index into the chain) while in review, else null. */
  step: number | null;
  /** The narrative's version, sent back with the next save (optimistic concurrency). */
  version: number;
}

/** `reports.status`: cheap (no build), for the 工作台 and the builder's header. Year defaults to last year. */
export const reportStatusSchema = z.object({ year: reportYear.optional() });
export interface ReportStatus {
  year: number;
  status: ReportState;
  step: number | null;
  /** 草稿 / 分管领导审核中 / 已发布（第 2 版）…, ready to show. */
  stepLabel: string;
  /** YYYY-MM-DD: the organ's reportDueDate (default 01-31) in the year after the report year. */
  dueDate: string;
  /** Days from today (Asia/Shanghai) to the due date; negative when overdue. */
  daysLeft: number;
  /** The newest published version's id, or null. */
  publishedId: string | null;
  /** The county's comment while the report is returned (status 'returned'), else null. */
  countyComment: string | null;
}

/** `reports.cellRecords`: the records behind one cell of a year's report (staff of the organ only). */
export const cellRecordsSchema = z.object({
  year: reportYear,
  cell: z.string().refine((c) => CELL_ADDRESSES.includes(c), '不是年度报告表格中的单元格'),
});
export type CellRecordKind = 'item' | 'request' | 'statEntry' | 'case';
/** One record in a line: no personal data (a request shows its 申请编号, status and outcome only). */
export interface CellRecordSummary {
  kind: CellRecordKind;
  id: string;
  title: string;
  detail: string;
}
export interface CellRecordsView {
  year: number;
  cell: CellAddress;
  /** The cell's row and column labels. */
  label: string;
  value: number | null;
  /** How many records are behind the cell; `records` holds at most CELL_RECORDS_LIMIT of them. */
  total: number;
  records: CellRecordSummary[];
}
export const CELL_RECORDS_LIMIT = 200;

/** `reports.exportDocx`: a published report as Word (shared/render/docx.ts), stored and linked for a while. */
export const exportDocxSchema = z.object({ id: z.string().min(1) });
export interface ExportedDocx {
  /** A temporary link to the .docx (cloud storage; locally the server's files store). */
  url: string;
  fileID: string;
  fileName: string;
}

/** `reports.correct`: a published report reopened as a draft to be corrected; the reason goes with the new version. */
export const correctReportSchema = z.object({
  year: reportYear,
  reason: z.string().trim().min(2, '请写明更正原因').max(500),
});

/** `reports.exportHtml`: a published report as a standalone HTML page (shared/render). */
export const exportHtmlSchema = z.object({ id: z.string().min(1) });
export interface ExportedHtml {
  html: string;
  /** A file name for saving it, e.g. 扎毛乡人民政府2025年政府信息公开工作年度报告.html. */
  fileName: string;
}

/** The answers of the writes. */
export interface ReportMoved {
  status: DraftState;
  step?: number | null | undefined;
  /** Who acts next while in review. */
  waitingFor?: ApproverRole | null | undefined;
  /** With the last approval: the version just published. */
  published?: PublishedReportSummary | undefined;
}

export const saveNarrativeSchema = z.object({
  year: reportYear,
  version: z.number().int().nonnegative(),
  sections: z
    .object({
      overview: z.string().max(20_000),
      problems: z.string().max(20_000),
      other: z.string().max(20_000),
      proactive: z.string().max(5000),
      applications: z.string().max(5000),
      reviewLitigation: z.string().max(5000),
    })
    .partial(),
});
export const reportStepSchema = z.object({ year: reportYear, comment: z.string().trim().max(500).optional() });
export const rejectReportSchema = z.object({
  year: reportYear,
  comment: z.string().trim().min(2, '请写明退回理由').max(500),
});
export const importPublishedSchema = z.object({
  text: z.string().min(50, '请粘贴完整的年度报告全文').max(500_000),
  /** The day the report was published, when its text does not say (a date the text gives is used otherwise). */
  publishedOn: isoDate.optional(),
  /** Why this import replaces a version already published (a correction). */
  reason: z.string().trim().min(2, '请写明更正原因').max(500).optional(),
});
/** The same text, read and checked without storing anything. */
export const previewImportSchema = z.object({ text: importPublishedSchema.shape.text });

/** What importPublished would store, read back before anything is written. */
export interface ImportPreview {
  /** The organ as read from the title or signature, shown beside `ownOrgan` so a wrong paste is noticed. */
  organ: string;
  ownOrgan: string;
  year: number;
  /** Of the format's cells: read or inferred (`filled`), inferred alone, and left null. */
  cells: { total: number; filled: number; inferred: number; unreadable: number };
  findings: Finding[];
  /** The sections that have text. */
  sections: SectionKey[];
  /** The latest published version of that year, if any: the import becomes version + 1. */
  existing: PublishedReportSummary | null;
  /** The publish date the text gives (YYYY-MM-DD), or null: the page asks for it then. */
  publishedOn: string | null;
}

/** The state in words, for the 工作台 and the builder: 草稿 / 分管领导审核中 / 已发布（第 1 版）. */
/** `waitingFor`: the role at the current step of the report's chain while in review. */
export function reportStateLabel(
  status: ReportState,
  waitingFor: ApproverRole | null,
  publishedVersion: number | null,
): string {
  if (status === 'none') return '未开始';
  if (status === 'draft') return '草稿';
  if (status === 'inReview') return waitingLabel(waitingFor);
  if (status === 'submitted') return '已报送县级审核';
  if (status === 'returned') return '县级退回修改';
  return publishedVersion !== null ? `已发布（第 ${publishedVersion} 版）` : '已发布';
}
