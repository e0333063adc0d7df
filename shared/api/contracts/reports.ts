/** The `reports` function's contract: each action's input, answer, access and rules. */
import * as z from 'zod';
import { CELL_ADDRESSES, SECTION_KEYS } from '../../format';
import { APPROVER_ROLES } from '../../policy/rules';
import { STAFF } from '../../policy/roles';
import { findingSchema, reportDataSchema, sectionsSchema, type Finding } from '../../report/schema';
import { answerOf, defineContract } from '../contract';
import {
  buildReportSchema,
  cellRecordsSchema,
  correctReportSchema,
  exportDocxSchema,
  exportHtmlSchema,
  getPublishedReportSchema,
  importPublishedSchema,
  latePublicationsSchema,
  listPublishedReportsSchema,
  previewImportSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
  type BuiltReportView,
  type CellRecordsView,
  type ExportedDocx,
  type ExportedHtml,
  type ImportPreview,
  type LatePublication,
  type PublishedReport,
  type PublishedReportSummary,
  type ReportMoved,
  type ReportStatus,
  type ReportVersion,
} from '../reports';

// ---- answer schemas (the tests check every answer with them) ----

const findingsSchema = answerOf<Finding[]>(z.array(findingSchema));
const reportStateSchema = z.enum(['none', 'draft', 'inReview', 'submitted', 'returned', 'published']);
const writtenState = z.enum(['draft', 'inReview', 'submitted', 'published']);
const summaryShape = {
  id: z.string(),
  organId: z.string(),
  organ: z.string(),
  year: z.number().int(),
  publishedAt: z.string(),
  version: z.number().int().positive(),
  undated: z.literal(true).optional(),
};
export const summarySchema: z.ZodType<PublishedReportSummary> = z.object(summaryShape);
const versionSchema: z.ZodType<ReportVersion> = z.object({
  id: z.string(),
  version: z.number().int().positive(),
  publishedAt: z.string(),
  reason: z.string().nullable(),
});
const publishedReportSchema = answerOf<PublishedReport>(
  z.object({
    ...summaryShape,
    report: reportDataSchema,
    source: z.enum(['built', 'imported']),
    versions: z.array(versionSchema),
  }),
);
const exportedDocxSchema: z.ZodType<ExportedDocx> = z.object({
  url: z.string(),
  fileID: z.string(),
  fileName: z.string(),
});
const builtReportSchema = answerOf<BuiltReportView>(
  z.object({
    report: reportDataSchema,
    sources: z.record(z.string(), z.array(z.string())),
    findings: z.array(findingSchema),
    lastYearSections: sectionsSchema.nullable(),
    status: writtenState,
    chain: z.array(z.enum(APPROVER_ROLES)),
    step: z.number().int().nullable(),
    version: z.number().int().nonnegative(),
  }),
);
const reportStatusAnswer: z.ZodType<ReportStatus> = z.object({
  year: z.number().int(),
  status: reportStateSchema,
  step: z.number().int().nullable(),
  stepLabel: z.string(),
  dueDate: z.string(),
  daysLeft: z.number().int(),
  publishedId: z.string().nullable(),
  countyComment: z.string().nullable(),
});
const cellRecordsAnswer = answerOf<CellRecordsView>(
  z.object({
    year: z.number().int(),
    cell: z.enum(CELL_ADDRESSES),
    label: z.string(),
    value: z.number().nullable(),
    total: z.number().int().nonnegative(),
    records: z.array(
      z.object({
        kind: z.enum(['item', 'request', 'statEntry', 'case']),
        id: z.string(),
        title: z.string(),
        detail: z.string(),
      }),
    ),
  }),
);
const exportedHtmlSchema: z.ZodType<ExportedHtml> = z.object({ html: z.string(), fileName: z.string() });
const reportMovedSchema: z.ZodType<ReportMoved> = z.object({
  status: writtenState,
  step: z.number().int().nullable().optional(),
  waitingFor: z.enum(APPROVER_ROLES).nullable().optional(),
  published: summarySchema.optional(),
});
const importPreviewSchema = answerOf<ImportPreview>(
  z.object({
    organ: z.string(),
    ownOrgan: z.string(),
    year: z.number().int(),
    cells: z.object({
      total: z.number().int(),
      filled: z.number().int(),
      inferred: z.number().int(),
      unreadable: z.number().int(),
    }),
    findings: z.array(findingSchema),
    sections: z.array(z.enum(SECTION_KEYS)),
    existing: summarySchema.nullable(),
    publishedOn: z.string().nullable(),
  }),
);

const approvers = ['reviewer', 'leader'] as const;
const chainStep = { idempotent: true, transactional: true, audited: true } as const;

/**
 * The `reports` function: every action, what it takes and answers, who may call it, and how it runs. The last
 * approval publishes: there is no separate publish action.
 */
export const reportsContract = defineContract({
  listPublished: { input: listPublishedReportsSchema, answer: z.array(summarySchema), access: 'public' },
  getPublished: { input: getPublishedReportSchema, answer: publishedReportSchema, access: 'public' },
  build: { input: buildReportSchema, answer: builtReportSchema, access: STAFF },
  latePublications: {
    input: latePublicationsSchema,
    answer: answerOf<LatePublication[]>(
      z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          indexNo: z.string().nullable(),
          writtenDate: z.string(),
          publishedDate: z.string(),
          workdays: z.number().int().nonnegative(),
          provisional: z.boolean(),
        }),
      ),
    ),
    access: STAFF,
  },
  status: { input: reportStatusSchema, answer: reportStatusAnswer, access: STAFF },
  cellRecords: { input: cellRecordsSchema, answer: cellRecordsAnswer, access: STAFF },
  exportHtml: { input: exportHtmlSchema, answer: exportedHtmlSchema, access: STAFF },
  exportDocx: { input: exportDocxSchema, answer: exportedDocxSchema, access: STAFF },
  check: { input: buildReportSchema, answer: findingsSchema, access: STAFF },
  saveNarrative: {
    input: saveNarrativeSchema,
    answer: z.object({ version: z.number().int().positive() }),
    access: ['editor'],
    transactional: true,
    audited: true,
  },
  correct: { input: correctReportSchema, answer: reportMovedSchema, access: ['editor'], ...chainStep },
  submit: { input: reportStepSchema, answer: reportMovedSchema, access: ['editor'], ...chainStep },
  approve: { input: reportStepSchema, answer: reportMovedSchema, access: approvers, ...chainStep },
  reject: { input: rejectReportSchema, answer: reportMovedSchema, access: approvers, ...chainStep },
  importPublished: { input: importPublishedSchema, answer: summarySchema, access: ['admin'], ...chainStep },
  previewImport: { input: previewImportSchema, answer: importPreviewSchema, access: ['admin'] },
});
