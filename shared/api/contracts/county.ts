/** The `county` function's contract: each action's input, answer, access and rules. */
import * as z from 'zod';
import { COUNTY_STATES } from '../../county/status';
import { COUNTY } from '../../policy/roles';
import { findingSchema, reportDataSchema } from '../../report/schema';
import { answerOf, defineContract } from '../contract';
import {
  addOrganSchema,
  countyImportSchema,
  countyOrganYearSchema,
  countyReturnSchema,
  countySettingsSchema,
  countyFiguresSchema,
  countyYearSchema,
  inviteOrganSchema,
  setAliasesSchema,
  type CountyDashboard,
  type CountyImported,
  type CountyInvitation,
  type CountyMoved,
  type CountyOrgan,
  type CountyReportView,
  type CountyRow,
} from '../county';
import { summarySchema } from './reports';

// ---- answer schemas (the tests check every answer with them) ----

const countyRowSchema: z.ZodType<CountyRow> = z.object({
  organId: z.string(),
  organ: z.string(),
  onProduct: z.boolean(),
  year: z.number().int(),
  state: z.enum(COUNTY_STATES),
  stateLabel: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  version: z.number().int().positive().nullable(),
  publishedId: z.string().nullable(),
  overdue: z.boolean(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  notes: z.number().int().nonnegative(),
  figures: countyFiguresSchema.nullable(),
  returnComment: z.string().nullable(),
  source: z.enum(['built', 'imported', 'pasted']).nullable(),
});
const count = z.number().int().nonnegative();
const dashboardSchema: z.ZodType<CountyDashboard> = z.object({
  county: z.object({ id: z.string(), name: z.string() }),
  year: z.number().int(),
  dueDate: z.string(),
  totals: z.object({
    ...(Object.fromEntries(COUNTY_STATES.map((s) => [s, count])) as Record<
      (typeof COUNTY_STATES)[number],
      typeof count
    >),
    overdue: count,
    organs: count,
  }),
  organs: z.array(countyRowSchema),
});
const reportViewSchema = answerOf<CountyReportView>(
  z.object({
    row: countyRowSchema,
    report: reportDataSchema.nullable(),
    findings: z.array(findingSchema),
    versions: z.array(z.object({ version: z.number().int(), publishedAt: z.string(), reason: z.string().nullable() })),
    returns: z.array(z.object({ comment: z.string(), at: z.string() })),
  }),
);
const movedSchema: z.ZodType<CountyMoved> = z.object({ row: countyRowSchema, published: summarySchema.optional() });
const importedSchema: z.ZodType<CountyImported> = z.object({
  matchedBy: z.enum(['id', 'name', 'alias', 'created']),
  row: countyRowSchema,
});
const organSchema: z.ZodType<CountyOrgan> = z.object({
  organId: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  onProduct: z.boolean(),
});
const invitationSchema: z.ZodType<CountyInvitation> = z.object({ code: z.string(), expiresAt: z.string() });

const write = { access: COUNTY, transactional: true, audited: true } as const;

/**
 * The `county` function: the county role only (staff of an organ set up as a county), over the organs whose parent
 * is the caller's organ — any other organ reads as absent. No action reads an applicant's personal data.
 */
export const countyContract = defineContract({
  dashboard: { input: countyYearSchema, answer: dashboardSchema, access: COUNTY },
  report: { input: countyOrganYearSchema, answer: reportViewSchema, access: COUNTY },
  organs: { input: z.object({}), answer: z.array(organSchema), access: COUNTY },
  /** Back to the township with a comment (its 工作台 shows it; its editors get a WeChat reminder). */
  return: { input: countyReturnSchema, answer: movedSchema, ...write, idempotent: true },
  /** Publishes the submitted report (as its organ's chain approved it) on the township's behalf. */
  publish: { input: countyOrganYearSchema, answer: movedSchema, ...write, idempotent: true },
  /** An organ not on the product: its published report pasted in (any text the importer reads). */
  importReport: { input: countyImportSchema, answer: importedSchema, ...write, idempotent: true },
  addOrgan: { input: addOrganSchema, answer: organSchema, ...write, idempotent: true },
  setAliases: { input: setAliasesSchema, answer: organSchema, ...write },
  settings: { input: countySettingsSchema, answer: z.object({ dueDate: z.string() }), ...write },
  /** A one-time code that puts an organ already on the product under this county (organ.joinCounty). */
  inviteOrgan: { input: inviteOrganSchema, answer: invitationSchema, ...write },
});
