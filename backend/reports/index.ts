/**
 * The reports function: the annual report built from the stored records, its narrative edited with last year's
 * text beside it, checked, passed through the same approval chain as items, and published as an immutable version.
 * Citizens list and read published reports without login. A past report can be imported from its published text.
 * previewImport reads such a text and says what importPublished would store, writing nothing.
 * Writes (saveNarrative, submit, approve, reject, importPublished) are txActions: the draft, the published version,
 * the audit entries and the stored answer commit together; the records a report counts are read outside it.
 */

import {
  CELL_RECORDS_LIMIT,
  reportStateLabel,
  type BuiltReportView,
  type CellRecordsView,
  type ExportedHtml,
  type ImportPreview,
  type PublishedReport,
  type PublishedReportSummary,
  type ReportMoved,
  type ReportState,
  type ReportStatus,
} from '../../shared/api/reports';
import { toDayNumber } from '../../shared/calendar/dates';
import { checkReport, hasErrors } from '../../shared/checks';
import { CELL_ADDRESSES, SECTION_KEYS } from '../../shared/format';
// The text importer alone: the .docx reader (mammoth) stays out of the function bundle.
import { importReportText } from '../../shared/import/report-text';
import { RULES, type ApproverRole } from '../../shared/policy/rules';
import { renderHtml, reportTitle } from '../../shared/render';
import { buildReport, emptySections, type ReportData, type Sections } from '../../shared/report';
import type { StaffRecord } from '../caller';
import { COLLECTIONS } from '../collections';
import { AppError, conflict, notFound } from '../errors';
import { chainOf } from '../items/store';
import { organOf } from '../organs';
import { staffOf } from '../items/review';
import { remindStaff, STAFF_PAGES } from '../notices/staff';
import { defineFunction, type HandlerContext, type TxContext } from '../runtime';
import { reportsContract } from '../../shared/api/contracts/reports';
import { one, rows, type Db, type Row, type Store } from '../sdk';
import { shanghaiDate } from '../time';
import { countReportRecords } from './counts';
import { cellRecordsOf } from './cells';
import { cellLabel } from './sources';

const draftId = (organId: string, year: number) => `${organId}-${year}`;

/** The stored draft, or the empty one a first save creates (reads never write). */
async function readDraft(store: Store, organId: string, year: number): Promise<Row> {
  const stored = one(await store.collection(COLLECTIONS.reportDrafts).doc(draftId(organId, year)).get());
  return (
    stored ?? {
      _id: draftId(organId, year),
      organId,
      year,
      sections: emptySections(),
      status: 'draft',
      step: null,
      version: 0,
      trail: [],
    }
  );
}

/** Replaces the whole draft inside the transaction (creating it on the first write). */
async function saveDraft(ctx: TxContext, draft: Row): Promise<void> {
  const { _id, ...doc } = draft;
  await ctx.tx
    .collection(COLLECTIONS.reportDrafts)
    .doc(String(_id))
    .set({ ...doc, updatedAt: ctx.now });
}

function trailOf(draft: Row): unknown[] {
  return Array.isArray(draft.trail) ? draft.trail : [];
}

function stepOf(draft: Row): number | null {
  return draft.status === 'inReview' && typeof draft.step === 'number' ? draft.step : null;
}

/**
 * The chain a report goes through: the one stored on the draft when it was submitted (it stays with the draft
 * until it leaves review, as an item's does), else the organ's current one.
 */
function chainFor(draft: Row, organ: Row): readonly ApproverRole[] {
  return stepOf(draft) !== null ? chainOf(draft) : chainOf(organ);
}

async function latestPublished(store: Store, organId: string, year: number): Promise<Row | null> {
  // Every version of one organ's year: a handful of documents, and a plain where() joins a transaction.
  const list = rows(await store.collection(COLLECTIONS.publishedReports).where({ organId, year }).get());
  return list.reduce<Row | null>(
    (best, r) => (best === null || Number(r.version) > Number(best.version) ? r : best),
    null,
  );
}

/** What a year's report counts, read outside any transaction: the organ, last year's report, the database's counts. */
async function countYear(db: Db, organId: string, year: number) {
  const [organ, last] = await Promise.all([organOf(db, organId), latestPublished(db, organId, year - 1)]);
  const records = await countReportRecords(db, organId, String(organ.name), year);
  return { records, lastYear: last ? (last.report as ReportData) : undefined };
}

type CountedYear = Awaited<ReturnType<typeof countYear>>;

/** The report from the counted year and the draft's narrative: pure, no database. */
function assemble(year: number, counted: CountedYear, draft: Row) {
  const { records, lastYear } = counted;
  const sections = { ...emptySections(), ...(draft.sections as Partial<Sections>) };
  const built = buildReport(year, { ...records, sections }, lastYear);
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

/** The year's report from the records (read outside any transaction) and the draft's narrative. */
async function build(db: Db, organId: string, year: number, draft: Row) {
  return assemble(year, await countYear(db, organId, year), draft);
}

function summary(row: Row): PublishedReportSummary {
  return {
    id: String(row._id),
    organId: String(row.organId),
    organ: String(row.organ),
    year: Number(row.year),
    publishedAt: String(row.publishedAt),
    version: Number(row.version),
  };
}

/** A new immutable version, inside the caller's transaction: a second publish of the same version conflicts. */
async function publishInTx(
  ctx: TxContext,
  organId: string,
  report: ReportData,
  source: 'built' | 'imported',
): Promise<PublishedReportSummary> {
  const previous = await latestPublished(ctx.tx, organId, report.year);
  const version = previous ? Number(previous.version) + 1 : 1;
  const id = `${organId}-${report.year}-v${version}`;
  const col = ctx.tx.collection(COLLECTIONS.publishedReports);
  if (one(await col.doc(id).get())) throw conflict('该年度报告刚刚已发布，请刷新');
  const doc = {
    organId,
    organ: report.organ,
    year: report.year,
    version,
    publishedAt: ctx.now.toISOString(),
    source,
    report,
  };
  await col.doc(id).set(doc);
  ctx.audit({ action: 'publish', target: id, after: report });
  return summary({ _id: id, ...doc });
}

/** Only the role of the current step acts (the items' rule): a reviewer cannot approve the leader's step. */
function enforceStep(staff: StaffRecord, draft: Row): number {
  const step = stepOf(draft);
  if (step === null) throw conflict('报告不在审批中，可能已被他人处理，请刷新');
  const refusal = RULES.currentStep(
    { staffId: staff._id, organId: staff.organId, role: staff.role },
    { organId: staff.organId, step, chain: chainOf(draft), approvedBy: [], hasChecklist: false },
  );
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return step;
}

function shanghaiYear(now: Date): number {
  return Number(shanghaiDate(now).slice(0, 4));
}

function stateOf(draft: Row | null, published: Row | null): ReportState {
  // A stored draft (reads never create one) being written or approved wins over an older published version.
  if (draft && (draft.status === 'draft' || draft.status === 'inReview')) return draft.status;
  return published ? 'published' : 'none';
}

async function saveNarrative(input: { year: number; version: number; sections: Partial<Sections> }, ctx: TxContext) {
  const organId = staffOf(ctx).organId;
  const draft = await readDraft(ctx.tx, organId, input.year);
  if (draft.status !== 'draft') throw conflict('报告已提交审批，退回后才能修改');
  if (Number(draft.version) !== input.version) throw conflict('报告正文已被他人修改，您的修改未保存，请刷新后重新编辑');
  const sections = { ...emptySections(), ...(draft.sections as Partial<Sections>), ...input.sections };
  await saveDraft(ctx, { ...draft, sections, version: input.version + 1 });
  ctx.audit({ action: 'saveNarrative', target: String(draft._id), before: draft.sections, after: sections });
  return { version: input.version + 1 };
}

/** Reminds the role at the report's next step (no grant, no message). */
async function remindApprover(
  ctx: TxContext,
  organId: string,
  year: number,
  role: ApproverRole | undefined,
  note: string,
): Promise<void> {
  if (!role) return;
  const data = { title: `${year}年度报告`, status: '待审批', date: shanghaiDate(ctx.now), note };
  await remindStaff(ctx, {
    organId,
    purpose: 'approvalNeeded',
    to: { role },
    page: STAFF_PAGES.report(year),
    data,
    refs: { reportYear: year },
  });
}

async function submit(input: { year: number }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  if (draft.status !== 'draft') throw conflict('报告不是草稿状态，可能已被他人提交，请刷新');
  const trail = [...trailOf(draft), { decision: 'submit', staffId: staff._id, at: ctx.now }];
  const chain = [...chainOf(await organOf(ctx.tx, staff.organId))];
  await saveDraft(ctx, { ...draft, status: 'inReview', step: 0, chain, trail });
  ctx.audit({ action: 'submit', target: String(draft._id) });
  await remindApprover(ctx, staff.organId, input.year, chain[0], '政府信息公开工作年度报告待审批');
  return { status: 'inReview', step: 0, waitingFor: chain[0] ?? null };
}

async function approve(input: { year: number; comment?: string }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  const step = enforceStep(staff, draft);
  // Counted before the transaction began (prepare): only the draft's narrative joins the numbers in here.
  const { report, findings } = assemble(input.year, ctx.prepared as CountedYear, draft);
  const errors = findings.filter((f) => f.level === 'error');
  if (hasErrors(findings))
    throw new AppError('VALIDATION', `报告有 ${errors.length} 处错误，须更正后才能通过：${errors[0]?.message ?? ''}`);
  const trail = [
    ...trailOf(draft),
    { decision: 'approve', step, staffId: staff._id, comment: input.comment ?? null, at: ctx.now },
  ];
  const chain = chainOf(draft);
  const last = step === chain.length - 1;
  await saveDraft(
    ctx,
    last ? { ...draft, status: 'published', step: null, trail } : { ...draft, step: step + 1, trail },
  );
  ctx.audit({ action: 'approve', target: String(draft._id) });
  if (!last) {
    await remindApprover(ctx, staff.organId, input.year, chain[step + 1], '上一步已通过，请审批');
    return { status: 'inReview', step: step + 1, waitingFor: chain[step + 1] ?? null };
  }
  return { status: 'published', step: null, published: await publishInTx(ctx, staff.organId, report, 'built') };
}

async function reject(input: { year: number; comment: string }, ctx: TxContext): Promise<ReportMoved> {
  const staff = staffOf(ctx);
  const draft = await readDraft(ctx.tx, staff.organId, input.year);
  const step = enforceStep(staff, draft);
  const trail = [
    ...trailOf(draft),
    { decision: 'reject', step, staffId: staff._id, comment: input.comment, at: ctx.now },
  ];
  await saveDraft(ctx, { ...draft, status: 'draft', step: null, trail });
  ctx.audit({ action: 'reject', target: String(draft._id) });
  return { status: 'draft', step: null };
}

/** The published text read and checked: the one parse both importPublished and previewImport use. */
function readImport(text: string): ReportData {
  let imported: ReportData;
  try {
    imported = importReportText(text);
  } catch (e) {
    throw new AppError('UNREADABLE', `无法读取这份报告：${e instanceof Error ? e.message : ''}`, [
      { path: 'text', message: '无法识别为政府信息公开工作年度报告' },
    ]);
  }
  return { ...imported, findings: checkReport(imported) };
}

async function importPublished(input: { text: string }, ctx: TxContext): Promise<PublishedReportSummary> {
  return publishInTx(ctx, staffOf(ctx).organId, readImport(input.text), 'imported');
}

async function previewImport(input: { text: string }, ctx: HandlerContext): Promise<ImportPreview> {
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
    ownOrgan: String(organ.name),
    year: report.year,
    cells: {
      total: CELL_ADDRESSES.length,
      filled,
      inferred: inferred.size,
      unreadable: CELL_ADDRESSES.length - filled,
    },
    findings: report.findings,
    sections: SECTION_KEYS.filter((k) => report.sections[k].trim() !== ''),
    existing: existing ? summary(existing) : null,
  };
}

async function status(input: { year?: number }, ctx: HandlerContext): Promise<ReportStatus> {
  const organId = staffOf(ctx).organId;
  const year = input.year ?? shanghaiYear(ctx.now) - 1;
  const [organ, draft, published] = await Promise.all([
    organOf(ctx.db, organId),
    ctx.db.collection(COLLECTIONS.reportDrafts).doc(draftId(organId, year)).get().then(one),
    latestPublished(ctx.db, organId, year),
  ]);
  const state = stateOf(draft, published);
  const step = state === 'inReview' && draft ? stepOf(draft) : null;
  const monthDay = typeof organ.reportDueDate === 'string' ? organ.reportDueDate : '01-31';
  const dueDate = `${year + 1}-${monthDay}`;
  return {
    year,
    status: state,
    step,
    stepLabel: reportStateLabel(
      state,
      step === null || !draft ? null : (chainOf(draft)[step] ?? null),
      published ? Number(published.version) : null,
    ),
    dueDate,
    daysLeft: toDayNumber(dueDate) - toDayNumber(shanghaiDate(ctx.now)),
    publishedId: published ? String(published._id) : null,
  };
}

async function cellRecords(input: { year: number; cell: string }, ctx: HandlerContext): Promise<CellRecordsView> {
  const organId = staffOf(ctx).organId;
  const draft = await readDraft(ctx.db, organId, input.year);
  // The value as the report counts it (a few aggregations); the records by the cell's own query, one page.
  const { report, lastYear } = await build(ctx.db, organId, input.year, draft);
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

async function loadPublished(db: Db, id: string): Promise<Row> {
  const row = one(await db.collection(COLLECTIONS.publishedReports).doc(id).get());
  if (!row) throw notFound('年度报告');
  return row;
}

export const reportsFunction = defineFunction('reports', reportsContract, {
  listPublished: {
    async handler(input, ctx) {
      const where = input.organId ? { organId: input.organId } : {};
      const list = rows(
        await ctx.db
          .collection(COLLECTIONS.publishedReports)
          .where(where)
          .orderBy('year', 'desc')
          .orderBy('version', 'desc')
          .limit(200)
          .field({ report: false })
          .get(),
      );
      const seen = new Set<string>();
      // The newest version of each organ's year; older versions stay readable by id.
      return list
        .filter((r) => (seen.has(`${r.organId}-${r.year}`) ? false : (seen.add(`${r.organId}-${r.year}`), true)))
        .map(summary);
    },
  },

  getPublished: {
    async handler(input, ctx): Promise<PublishedReport> {
      const row = await loadPublished(ctx.db, input.id);
      return {
        ...summary(row),
        report: row.report as ReportData,
        source: row.source === 'imported' ? 'imported' : 'built',
      };
    },
  },

  exportHtml: {
    async handler(input, ctx): Promise<ExportedHtml> {
      staffOf(ctx);
      const report = (await loadPublished(ctx.db, input.id)).report as ReportData;
      return { html: renderHtml(report), fileName: `${reportTitle(report.organ, report.year)}.html` };
    },
  },

  build: {
    async handler(input, ctx): Promise<BuiltReportView> {
      const organId = staffOf(ctx).organId;
      const draft = await readDraft(ctx.db, organId, input.year);
      const { report, sources, findings, lastYearSections } = await build(ctx.db, organId, input.year, draft);
      const state = draft.status === 'inReview' || draft.status === 'published' ? draft.status : 'draft';
      const chain = [...chainFor(draft, await organOf(ctx.db, organId))];
      return {
        report,
        sources,
        findings,
        lastYearSections,
        status: state,
        step: stepOf(draft),
        chain,
        version: Number(draft.version),
      };
    },
  },

  status: { handler: status },
  cellRecords: { handler: cellRecords },

  check: {
    async handler(input, ctx) {
      const organId = staffOf(ctx).organId;
      return (await build(ctx.db, organId, input.year, await readDraft(ctx.db, organId, input.year))).findings;
    },
  },

  saveNarrative: { transaction: saveNarrative },
  submit: { transaction: submit },
  approve: {
    prepare: (input, ctx) => countYear(ctx.db, staffOf(ctx).organId, input.year),
    transaction: approve,
  },
  reject: { transaction: reject },
  importPublished: { transaction: importPublished },
  previewImport: { handler: previewImport },
});
