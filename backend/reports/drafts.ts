/**
 * The year's report as staff write it: built from the stored records (read outside any transaction) with the
 * draft's narrative and last year's report beside it, checked, its narrative saved with optimistic concurrency,
 * its state for the 工作台, and the records behind one cell.
 */
import type {
  BuiltReportView,
  CellRecordsView,
  ReportState,
  ReportStatus,
  saveNarrativeSchema,
} from '../../shared/api/reports';
import { CELL_RECORDS_LIMIT, reportStateLabel } from '../../shared/api/reports';
import { roleAtStep } from '../../shared/approval';
import { toDayNumber } from '../../shared/calendar/dates';
import { checkReport } from '../../shared/checks';
import { buildReport, type ReportData } from '../../shared/report';
import type { z } from 'zod';
import { conflict } from '../errors';
import { staffOf } from '../caller';
import { findOrgan, organChain, organOf } from '../organs';
import { countyDueDate, followDraft } from '../county/rows';
import { dueDateOf, type CountyState } from '../../shared/county/status';
import type { HandlerContext, TxContext } from '../runtime';
import type { Db } from '../sdk';
import { shanghaiDate } from '../time';
import { cellRecordsOf } from './cells';
import { countReportRecords } from './counts';
import { cellLabel } from './sources';
import {
  chainOfDraft,
  findDraft,
  latestPublished,
  readDraft,
  saveDraft,
  stepOf,
  type ReportDraft,
  type StoredPublishedReport,
} from './store';

/**
 * What a year's report counts, read outside any transaction: the organ, last year's report, the database's counts —
 * all at once, one wave of round trips (each wave costs a round trip's latency however small the organ).
 */
export async function countYear(db: Db, organId: string, year: number, organ = organOf(db, organId)) {
  const [{ name }, last, records] = await Promise.all([
    organ,
    latestPublished(db, organId, year - 1),
    countReportRecords(db, organId, year),
  ]);
  const lastYear: ReportData | undefined = last?.report;
  return { records: { ...records, organ: name }, lastYear };
}

export type CountedYear = Awaited<ReturnType<typeof countYear>>;

/** The report from the counted year and the draft's narrative: pure, no database. */
export function assemble(year: number, counted: CountedYear, draft: ReportDraft) {
  const { records, lastYear } = counted;
  const built = buildReport(year, { ...records, sections: draft.sections }, lastYear);
  const findings = checkReport(built.report, lastYear ? { lastYear } : {});
  return {
    records,
    report: { ...built.report, findings },
    sources: built.sources,
    findings,
    lastYear,
    lastYearSections: lastYear?.sections ?? null,
  };
}

export async function buildView(input: { year: number }, ctx: HandlerContext): Promise<BuiltReportView> {
  const organId = staffOf(ctx).organId;
  // The draft, the organ and the counts read together: one wave after the caller's.
  const organ = organOf(ctx.db, organId);
  const [draft, counted] = await Promise.all([
    readDraft(ctx.db, organId, input.year),
    countYear(ctx.db, organId, input.year, organ),
  ]);
  const { report, sources, findings, lastYearSections } = assemble(input.year, counted, draft);
  // The draft's own chain while in review, else the organ's (the one a submission will take).
  const chain = stepOf(draft) !== null ? chainOfDraft(draft) : organChain(await organ);
  return {
    report,
    sources,
    findings,
    lastYearSections,
    status: draft.status,
    step: stepOf(draft),
    chain: [...chain],
    version: draft.version,
  };
}

export async function check(input: { year: number }, ctx: HandlerContext) {
  const organId = staffOf(ctx).organId;
  const [draft, counted] = await Promise.all([
    readDraft(ctx.db, organId, input.year),
    countYear(ctx.db, organId, input.year),
  ]);
  return assemble(input.year, counted, draft).findings;
}

export async function saveNarrative(input: z.output<typeof saveNarrativeSchema>, ctx: TxContext) {
  const organId = staffOf(ctx).organId;
  const draft = await readDraft(ctx.tx, organId, input.year);
  if (draft.status !== 'draft') throw conflict('报告已提交审批，退回后才能修改');
  if (draft.version !== input.version) throw conflict('报告正文已被他人修改，您的修改未保存，请刷新后重新编辑');
  // Only the sections sent: a key present with no text is no edit.
  const edited = Object.entries(input.sections).filter((e): e is [string, string] => e[1] !== undefined);
  const sections = { ...draft.sections, ...Object.fromEntries(edited) };
  const saved = { ...draft, sections, version: input.version + 1 };
  await saveDraft(ctx.tx, saved, ctx.now);
  await followDraft(ctx.tx, await organOf(ctx.tx, organId), input.year, countyStateOf(saved), {}, ctx.now);
  ctx.audit({ action: 'saveNarrative', target: draft._id, before: draft.sections, after: sections });
  return { version: input.version + 1 };
}

function shanghaiYear(now: Date): number {
  return Number(shanghaiDate(now).slice(0, 4));
}

function stateOf(draft: ReportDraft | null, published: StoredPublishedReport | null): ReportState {
  // A stored draft (reads never create one) being written, approved or with the county wins over an older version.
  if (draft?.status === 'draft') return draft.countyReturn ? 'returned' : 'draft';
  if (draft && (draft.status === 'inReview' || draft.status === 'submitted')) return draft.status;
  return published ? 'published' : 'none';
}

/** The county's view of the township's draft (shared/county/status.ts): its state after a township's change. */
function countyStateOf(draft: ReportDraft): CountyState {
  if (draft.status === 'draft') return draft.countyReturn ? 'returned' : 'drafting';
  if (draft.status === 'inReview') return 'inApproval';
  return draft.status;
}

export async function status(input: { year?: number | undefined }, ctx: HandlerContext): Promise<ReportStatus> {
  const organId = staffOf(ctx).organId;
  const year = input.year ?? shanghaiYear(ctx.now) - 1;
  const [organ, draft, published] = await Promise.all([
    organOf(ctx.db, organId),
    findDraft(ctx.db, organId, year),
    latestPublished(ctx.db, organId, year),
  ]);
  const state = stateOf(draft, published);
  const step = state === 'inReview' && draft ? stepOf(draft) : null;
  // Under a county: the date the county set for its organs; else the organ's own (an organ stored before 02-29 was
  // refused keeps it: in a common year the due date is 02-28).
  const county = organ.parentId ? await findOrgan(ctx.db, organ.parentId) : null;
  const dueDate = county ? countyDueDate(county, year) : dueDateOf(year, organ.reportDueDate);
  return {
    year,
    status: state,
    step,
    stepLabel: reportStateLabel(
      state,
      step === null || !draft ? null : (roleAtStep(step, chainOfDraft(draft)) ?? null),
      published ? published.version : null,
    ),
    dueDate,
    daysLeft: toDayNumber(dueDate) - toDayNumber(shanghaiDate(ctx.now)),
    publishedId: published ? published._id : null,
    countyComment: state === 'returned' ? (draft?.countyReturn?.comment ?? null) : null,
  };
}

export async function cellRecords(
  input: { year: number; cell: string },
  ctx: HandlerContext,
): Promise<CellRecordsView> {
  const organId = staffOf(ctx).organId;
  // The value as the report counts it (a few aggregations); the records by the cell's own query, one page.
  const [draft, counted] = await Promise.all([
    readDraft(ctx.db, organId, input.year),
    countYear(ctx.db, organId, input.year),
  ]);
  const { report, lastYear } = assemble(input.year, counted, draft);
  const { total, records } = await cellRecordsOf(ctx.db, organId, input.year, input.cell, {
    hasLastYear: lastYear !== undefined,
    limit: CELL_RECORDS_LIMIT,
  });
  return {
    year: input.year,
    cell: input.cell,
    label: cellLabel(input.cell),
    value: report.cells[input.cell] ?? null,
    total,
    records,
  };
}
