/**
 * What the county does to an organ's report, each in one transaction with its audit entries (shared/county/status.ts
 * says which move is allowed from which state): return a submitted report with a comment (the township's draft
 * opens again with the comment on its 工作台, and its editors get a WeChat reminder), publish a submitted report on
 * the township's behalf (the version its own chain approved), and paste in the published report of an organ not on
 * the product (matched by its name after normalisation, with the county's aliases; a new organ when none matches).
 */
import type { CountyImported, CountyMoved } from '../../shared/api/county';
import { checkReport } from '../../shared/checks';
import { matchOrgan } from '../../shared/county/match';
import type { ReportData } from '../../shared/report';
import { AppError, conflict } from '../errors';
import { remindStaff, STAFF_PAGES } from '../notices/staff';
import type { StoredOrgan } from '../organs';
import { publishInTx, readImport } from '../reports/publish';
import { latestPublished, readDraft, saveDraft } from '../reports/store';
import type { TxContext } from '../runtime';
import { shanghaiDate } from '../time';
import { addOffProductOrgan } from './organs';
import { countyDueDate, findRow, moveRow, organsUnder, rowView, withReport, type StoredCountyRow } from './rows';
import { countyScope, organUnder } from './scope';

function moved(row: StoredCountyRow, organ: StoredOrgan, county: StoredOrgan, ctx: TxContext) {
  return rowView(row, organ, row.year, countyDueDate(county, row.year), ctx.now);
}

/** The township's draft as its chain left it: submitted to the county (the row and the draft agree). */
async function submittedDraft(ctx: TxContext, organ: StoredOrgan, year: number) {
  const draft = await readDraft(ctx.tx, organ._id, year);
  if (draft.status !== 'submitted') throw conflict('该报告不在报送状态，可能已被处理，请刷新');
  return draft;
}

async function remindEditors(ctx: TxContext, organ: StoredOrgan, year: number, status: string, note: string) {
  await remindStaff(ctx, {
    organId: organ._id,
    purpose: status === '已发布' ? 'itemPublished' : 'itemReturned',
    to: { role: 'editor' },
    page: STAFF_PAGES.report(year),
    data: { title: `${year}年度报告`, status, date: shanghaiDate(ctx.now), note },
    refs: { reportYear: year },
  });
}

export async function returnReport(
  input: { organId: string; year: number; comment: string },
  ctx: TxContext,
): Promise<CountyMoved> {
  const { county } = await countyScope(ctx, ctx.tx);
  const organ = await organUnder(ctx.tx, county, input.organId);
  const at = ctx.now.toISOString();
  const before = await findRow(ctx.tx, organ._id, input.year);
  const row = await moveRow(
    ctx.tx,
    organ,
    input.year,
    'return',
    { returnComment: input.comment, returns: [...(before?.returns ?? []), { comment: input.comment, at }] },
    ctx.now,
  );
  const draft = await submittedDraft(ctx, organ, input.year);
  await saveDraft(
    ctx.tx,
    { ...draft, status: 'draft', step: null, countyReturn: { comment: input.comment, at } },
    ctx.now,
  );
  ctx.audit({ action: 'return', target: draft._id, after: { comment: input.comment } });
  await remindEditors(ctx, organ, input.year, '县级退回修改', input.comment.slice(0, 20));
  return { row: moved(row, organ, county, ctx) };
}

export async function publishOnBehalf(input: { organId: string; year: number }, ctx: TxContext): Promise<CountyMoved> {
  const { county } = await countyScope(ctx, ctx.tx);
  const organ = await organUnder(ctx.tx, county, input.organId);
  const before = await findRow(ctx.tx, organ._id, input.year);
  const report = before?.report;
  const draft = await submittedDraft(ctx, organ, input.year);
  if (!report) throw conflict('该报告尚未报送，请刷新');
  // A correction's reason (reports.correct) goes with the version published now.
  const published = await publishInTx(ctx, organ._id, report, { source: 'built', reason: draft.correctionReason });
  const row = await moveRow(
    ctx.tx,
    organ,
    input.year,
    'publish',
    { publishedAt: published.publishedAt, version: published.version, publishedId: published.id, returnComment: null },
    ctx.now,
  );
  const { correctionReason: _done, ...rest } = {
    ...draft,
    status: 'published' as const,
    step: null,
    countyReturn: null,
  };
  await saveDraft(ctx.tx, rest, ctx.now);
  ctx.audit({ action: 'publishOnBehalf', target: published.id });
  await remindEditors(ctx, organ, input.year, '已发布', `${county.name}已代为发布`);
  return { row: moved(row, organ, county, ctx), published };
}

/** The organ a pasted report is of: the one named, the one its name matches, or a new organ not on the product. */
async function organOfPaste(
  ctx: TxContext,
  county: StoredOrgan,
  report: ReportData,
  organId: string | undefined,
): Promise<{ organ: StoredOrgan; matchedBy: CountyImported['matchedBy'] }> {
  if (organId) return { organ: await organUnder(ctx.tx, county, organId), matchedBy: 'id' };
  const organs = await organsUnder(ctx.db, county._id);
  const match = matchOrgan(
    report.organ,
    organs.map((o) => ({ id: o._id, name: o.name, aliases: o.aliases ?? [] })),
  );
  const found = match ? organs.find((o) => o._id === match.id) : undefined;
  if (match && found) return { organ: found, matchedBy: match.by };
  if (report.organ.trim() === '' || report.organ === '未识别机关')
    throw new AppError('VALIDATION', '无法从报告中读出机关名称，请选择机关后再导入', [
      { path: 'organId', message: '请选择这份报告所属的机关' },
    ]);
  return { organ: await addOffProductOrgan(ctx, county, report.organ, []), matchedBy: 'created' };
}

export async function importReport(
  input: { text: string; organId?: string | undefined },
  ctx: TxContext,
): Promise<CountyImported> {
  const { county } = await countyScope(ctx, ctx.tx);
  const read = readImport(input.text);
  const { organ, matchedBy } = await organOfPaste(ctx, county, read, input.organId);
  // Against the same organ's year before, as the county holds it (pasted) or as the organ published it.
  const lastRow = await findRow(ctx.tx, organ._id, read.year - 1);
  const lastYear = lastRow?.report ?? (await latestPublished(ctx.db, organ._id, read.year - 1))?.report;
  const findings = checkReport(read, lastYear ? { lastYear } : {});
  const report = { ...read, findings };
  const before = await findRow(ctx.tx, organ._id, read.year);
  const version = (before?.version ?? 0) + 1;
  const at = ctx.now.toISOString();
  const row = await moveRow(
    ctx.tx,
    organ,
    read.year,
    'import',
    {
      ...withReport(report, findings),
      source: 'pasted',
      submittedAt: at,
      publishedAt: null,
      version,
      versions: [...(before?.versions ?? []), { version, publishedAt: at, reason: null }],
    },
    ctx.now,
  );
  ctx.audit({ action: 'importReport', target: row._id, after: { organ: read.organ, year: read.year, version } });
  return { matchedBy, row: moved(row, organ, county, ctx) };
}
