/**
 * A published report exported as HTML or Word. Its own module so that what imports the publishing step (the
 * county function publishes on a township's behalf) does not bundle the renderers and the zip writer.
 */
import type { ExportedDocx, ExportedHtml } from '../../shared/api/reports';
import { renderHtml, reportTitle } from '../../shared/render';
import { renderDocx } from '../../shared/render/docx';
import { staffOf } from '../caller';
import { AppError, notFound } from '../errors';
import type { HandlerContext } from '../runtime';
import { loadPublished } from './store';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function exportHtml(input: { id: string }, ctx: HandlerContext): Promise<ExportedHtml> {
  staffOf(ctx);
  const { report } = await loadPublished(ctx.db, input.id);
  return { html: renderHtml(report), fileName: `${reportTitle(report.organ, report.year)}.html` };
}

/** The published report as Word, put in cloud storage under the organ's folder; answers a temporary link. */
export async function exportDocx(input: { id: string }, ctx: HandlerContext): Promise<ExportedDocx> {
  const staff = staffOf(ctx);
  const row = await loadPublished(ctx.db, input.id);
  if (row.organId !== staff.organId) throw notFound('年度报告');
  if (!ctx.files) throw new AppError('INTERNAL', '文件存储暂不可用，请稍后再试');
  const fileName = `${reportTitle(row.report.organ, row.report.year)}（第${row.version}版）.docx`;
  const data = Buffer.from(await renderDocx(row.report));
  const stored = await ctx.files.put(`reports/${row.organId}/${row._id}.docx`, data, DOCX_TYPE);
  return { ...stored, fileName };
}
