/**
 * The reports function: the annual report built from the stored records, its narrative edited with last year's
 * text beside it, checked, passed through the same approval chain as items, and published as an immutable version.
 * Citizens list and read published reports without login. A past report can be imported from its published text.
 */

import {
  buildReportSchema,
  getPublishedReportSchema,
  importPublishedSchema,
  listPublishedReportsSchema,
  rejectReportSchema,
  reportStepSchema,
  saveNarrativeSchema,
  type PublishedReport,
  type PublishedReportSummary,
} from '../../shared/api/reports';
import { checkReport, hasErrors } from '../../shared/checks';
// The text importer alone: the .docx reader (mammoth) stays out of the function bundle.
import { importReportText } from '../../shared/import/report-text';
import { buildReport, emptySections, type ReportData, type Sections } from '../../shared/report';
import { COLLECTIONS } from '../collections';
import { AppError, conflict, forbidden, notFound } from '../errors';
import { CHAIN } from '../items/store';
import { action, defineFunction, type HandlerContext } from '../runtime';
import { num, one, rows, type Row } from '../sdk';
import { loadReportRecords } from './sources';

function staffOf(ctx: HandlerContext) {
  const s = ctx.caller.staff;
  if (!s) throw forbidden('仅限本机关工作人员');
  return s;
}

const draftId = (organId: string, year: number) => `${organId}-${year}`;

async function organName(ctx: HandlerContext, organId: string): Promise<string> {
  const organ = one(await ctx.db.collection(COLLECTIONS.organs).doc(organId).get());
  if (!organ) throw notFound('机关');
  return String(organ.name);
}

async function loadDraft(ctx: HandlerContext, organId: string, year: number): Promise<Row> {
  const col = ctx.db.collection(COLLECTIONS.reportDrafts);
  const existing = one(await col.doc(draftId(organId, year)).get());
  if (existing) return existing;
  const fresh = { _id: draftId(organId, year), organId, year, sections: emptySections(), status: 'draft', step: null, version: 0, trail: [] };
  try {
    await col.add(fresh);
  } catch {
    // Someone created it at the same moment: theirs is as good.
  }
  return one(await col.doc(draftId(organId, year)).get()) ?? fresh;
}

async function latestPublished(ctx: HandlerContext, organId: string, year: number): Promise<Row | null> {
  const list = rows(await ctx.db.collection(COLLECTIONS.publishedReports).where({ organId, year }).orderBy('version', 'desc').limit(1).get());
  return list[0] ?? null;
}

async function build(ctx: HandlerContext, organId: string, year: number) {
  const [organ, draft, last] = await Promise.all([organName(ctx, organId), loadDraft(ctx, organId, year), latestPublished(ctx, organId, year - 1)]);
  const records = await loadReportRecords(ctx.db, organId, organ, year);
  const sections = { ...emptySections(), ...(draft.sections as Partial<Sections>) };
  const lastYear = last ? (last.report as ReportData) : undefined;
  const built = buildReport(year, { ...records, sections }, lastYear);
  const findings = checkReport(built.report, lastYear ? { lastYear } : {});
  return { draft, report: { ...built.report, findings }, sources: built.sources, findings, lastYearSections: lastYear?.sections ?? null };
}

function summary(row: Row): PublishedReportSummary {
  return { id: String(row._id), organId: String(row.organId), organ: String(row.organ), year: Number(row.year), publishedAt: String(row.publishedAt), version: Number(row.version) };
}

async function publish(ctx: HandlerContext, organId: string, report: ReportData, source: 'built' | 'imported'): Promise<PublishedReportSummary> {
  const previous = await latestPublished(ctx, organId, report.year);
  const version = previous ? Number(previous.version) + 1 : 1;
  const doc = { _id: `${organId}-${report.year}-v${version}`, organId, organ: report.organ, year: report.year, version, publishedAt: ctx.now.toISOString(), source, report };
  // A fixed _id per version: two publishes of the same version cannot both land.
  try {
    await ctx.db.collection(COLLECTIONS.publishedReports).add(doc);
  } catch {
    throw conflict('该年度报告刚刚已发布，请刷新');
  }
  await ctx.audit({ action: 'publish', target: doc._id, after: report });
  return summary(doc);
}

export const reportsFunction = defineFunction('reports', {
  listPublished: action({
    input: listPublishedReportsSchema,
    async handler(input, ctx) {
      const where = input.organId ? { organId: input.organId } : {};
      const list = rows(await ctx.db.collection(COLLECTIONS.publishedReports).where(where).orderBy('year', 'desc').orderBy('version', 'desc').limit(200).field({ report: false }).get());
      const seen = new Set<string>();
      // The newest version of each organ's year; older versions stay readable by id.
      return list.filter((r) => (seen.has(`${r.organId}-${r.year}`) ? false : (seen.add(`${r.organId}-${r.year}`), true))).map(summary);
    },
  }),

  getPublished: action({
    input: getPublishedReportSchema,
    async handler(input, ctx): Promise<PublishedReport> {
      const row = one(await ctx.db.collection(COLLECTIONS.publishedReports).doc(input.id).get());
      if (!row) throw notFound('年度报告');
      return { ...summary(row), report: row.report as ReportData, source: row.source === 'imported' ? 'imported' : 'built' };
    },
  }),

  build: action({
    input: buildReportSchema,
    async handler(input, ctx) {
      const { draft, report, sources, findings, lastYearSections } = await build(ctx, staffOf(ctx).organId, input.year);
      return { report, sources, findings, lastYearSections, status: draft.status, step: draft.step, version: draft.version };
    },
  }),

  check: action({
    input: buildReportSchema,
    async handler(input, ctx) {
      return (await build(ctx, staffOf(ctx).organId, input.year)).findings;
    },
  }),

  saveNarrative: action({
    input: saveNarrativeSchema,
    async handler(input, ctx) {
      const organId = staffOf(ctx).organId;
      const draft = await loadDraft(ctx, organId, input.year);
      if (draft.status !== 'draft') throw conflict('报告已提交审批，退回后才能修改');
      const sections = { ...(draft.sections as Sections), ...input.sections };
      const updated = num(await ctx.db.collection(COLLECTIONS.reportDrafts).where({ _id: draftId(organId, input.year), version: input.version, status: 'draft' }).update({ sections, version: input.version + 1 }), 'updated');
      if (updated === 0) throw conflict('报告正文已被他人修改，您的修改未保存，请刷新后重新编辑');
      await ctx.audit({ action: 'saveNarrative', target: draftId(organId, input.year), before: draft.sections, after: sections });
      return { version: input.version + 1 };
    },
  }),

  submit: action({
    input: reportStepSchema,
    idempotent: true,
    async handler(input, ctx) {
      const organId = staffOf(ctx).organId;
      const draft = await loadDraft(ctx, organId, input.year);
      if (draft.status !== 'draft') throw conflict('报告不是草稿状态');
      const trail = [...((draft.trail as unknown[]) ?? []), { decision: 'submit', staffId: staffOf(ctx)._id, at: ctx.now }];
      const updated = num(await ctx.db.collection(COLLECTIONS.reportDrafts).where({ _id: draftId(organId, input.year), status: 'draft' }).update({ status: 'inReview', step: 0, trail }), 'updated');
      if (updated === 0) throw conflict('报告已被他人提交');
      await ctx.audit({ action: 'submit', target: draftId(organId, input.year) });
      return { status: 'inReview', step: 0 };
    },
  }),

  approve: action({
    input: reportStepSchema,
    idempotent: true,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const { draft, report, findings } = await build(ctx, s.organId, input.year);
      if (draft.status !== 'inReview' || typeof draft.step !== 'number') throw conflict('报告不在审批中');
      if (s.role !== CHAIN[draft.step]) throw forbidden(draft.step === 0 ? '此步须由分管领导审核' : '此步须由第一负责人审批');
      const errors = findings.filter((f) => f.level === 'error');
      if (hasErrors(findings)) throw new AppError('VALIDATION', `报告有 ${errors.length} 处错误，须更正后才能通过：${errors[0]?.message ?? ''}`);
      const trail = [...((draft.trail as unknown[]) ?? []), { decision: 'approve', step: draft.step, staffId: s._id, comment: input.comment ?? null, at: ctx.now }];
      const last = draft.step === CHAIN.length - 1;
      const patch = last ? { status: 'published', step: null, trail } : { step: draft.step + 1, trail };
      const updated = num(await ctx.db.collection(COLLECTIONS.reportDrafts).where({ _id: draftId(s.organId, input.year), status: 'inReview', step: draft.step }).update(patch), 'updated');
      if (updated === 0) throw conflict('报告已被他人处理，请刷新');
      await ctx.audit({ action: 'approve', target: draftId(s.organId, input.year) });
      if (!last) return { status: 'inReview', step: draft.step + 1 };
      return { status: 'published', published: await publish(ctx, s.organId, report, 'built') };
    },
  }),

  reject: action({
    input: rejectReportSchema,
    async handler(input, ctx) {
      const s = staffOf(ctx);
      const draft = await loadDraft(ctx, s.organId, input.year);
      if (draft.status !== 'inReview' || typeof draft.step !== 'number' || s.role !== CHAIN[draft.step]) throw conflict('当前不是您审批的环节');
      const trail = [...((draft.trail as unknown[]) ?? []), { decision: 'reject', step: draft.step, staffId: s._id, comment: input.comment, at: ctx.now }];
      await ctx.db.collection(COLLECTIONS.reportDrafts).doc(draftId(s.organId, input.year)).update({ status: 'draft', step: null, trail });
      await ctx.audit({ action: 'reject', target: draftId(s.organId, input.year) });
      return { status: 'draft' };
    },
  }),

  importPublished: action({
    input: importPublishedSchema,
    async handler(input, ctx) {
      const organId = staffOf(ctx).organId;
      let imported: ReportData;
      try {
        imported = importReportText(input.text);
      } catch (e) {
        throw new AppError('UNREADABLE', `无法读取这份报告：${e instanceof Error ? e.message : ''}`, [{ path: 'text', message: 'text：无法识别为政府信息公开工作年度报告' }]);
      }
      const report = { ...imported, findings: checkReport(imported) };
      return publish(ctx, organId, report, 'imported');
    },
  }),
});

