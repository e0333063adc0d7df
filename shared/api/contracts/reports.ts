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
  exportHtmlSchema,
  getPublishedReportSchema,
  importPublishedSchema,
  listPublishedReportsSchema,
  previewImportSchema,
  rejectReportSchema,
  reportStatusSchema,
  reportStepSchema,
  saveNarrativeSchema,
  type BuiltReportView,
  type CellRecordsView,
  type ExportedHtml,
  type ImportPreview,
  type PublishedReport,
  type PublishedReportSummary,
  type ReportMoved,
  type ReportStatus,
} from '../reports';

// ---- answer schemas (the tests check every answer with them) ----

const findingsSchema = answerOf<Finding[]>(z.array(findingSchema));
const reportStateSchema = z.enum(['none', 'draft', 'inReview', 'published']);
const writtenState = z.enum(['draft', 'inReview', 'published']);
const summaryObject = z.object({
  id: z.string(),
  organId: z.string(),
  organ: z.string(),
  year: z.number().int(),
  publishedAt: z.string(),
  version: z.number().int().positive(),
});
const summarySchema: z.ZodType<PublishedReportSummary> = summaryObject;
const publishedReportSchema = answerOf<PublishedReport>(
  summaryObject.extend({
    report: reportDataSchema,
    source: z.enum(['built', 'imported']),
  }),
);
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
  status: { input: reportStatusSchema, answer: reportStatusAnswer, access: STAFF },
  cellRecords: { input: cellRecordsSchema, answer: cellRecordsAnswer, access: STAFF },
  exportHtml: { input: exportHtmlSchema, answer: exportedHtmlSchema, access: STAFF },
  check: { input: buildReportSchema, answer: findingsSchema, access: STAFF },
  saveNarrative: {
    input: saveNarrativeSchema,
    answer: z.object({ version: z.number().int().positive() }),
    access: ['editor'],
    transactional: true,
    audited: true,
  },
  submit: { input: reportStepSchema, answer: reportMovedSchema, access: ['editor'], ...chainStep },
  approve: { input: reportStepSchema, answer: reportMovedSchema, access: approvers, ...chainStep },
  reject: { input: rejectReportSchema, answer: reportMovedSchema, access: approvers, ...chainStep },
  importPublished: { input: importPublishedSchema, answer: summarySchema, access: ['admin'], ...chainStep },
  previewImport: { input: previewImportSchema, answer: importPreviewSchema, access: ['admin'] },
});
