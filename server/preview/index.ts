/**
 * Published reports and items as HTML — a local preview, and the same HTML a township uploads to its portal.
 * Reads through the same function handlers citizens use (no login), so it shows exactly what is public.
 */
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { reportsFunction } from '../../backend/reports';
import { itemsFunction } from '../../backend/items';
import type { Db } from '../../backend/sdk';
import type { ItemPage, PublishedReport, PublishedReportSummary } from '../../shared/api';
import { renderHtml, renderMarkdown } from '../../shared/render';
import { escapeHtml } from '../../shared/render/text';
import type { Router } from '../http/router';

export const SEED_REPORT_FILE = path.join(__dirname, '..', 'seed', 'zhamao-2023-report.txt');

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' }).end(body);
}

async function publicCall<T>(db: Db, fn: typeof reportsFunction, action: string, payload: unknown): Promise<T | null> {
  const r = await fn({ action, payload }, { db, openid: null });
  return r.ok ? (r.data as T) : null;
}

function indexPage(reports: PublishedReportSummary[], items: ItemPage | null): string {
  const reportLinks = reports
    .map(
      (r) =>
        `<li><a href="/reports/${encodeURIComponent(r.id)}">${escapeHtml(r.organ)} ${r.year} 年政府信息公开工作年度报告</a></li>`,
    )
    .join('');
  const itemLines = (items?.list ?? [])
    .map(
      (i) =>
        `<li>${escapeHtml(i.title)} <small>${escapeHtml(i.indexNo ?? '')} ${escapeHtml(i.publishedDate ?? '')}</small></li>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>政府信息公开</title>
<style>body{font:17px/1.7 system-ui,sans-serif;max-width:760px;margin:0 auto;padding:16px}a{color:#0052d9}small{color:#666}</style></head>
<body><h1>政府信息公开</h1><h2>年度报告</h2><ul>${reportLinks || '<li>暂无</li>'}</ul><h2>最新公开信息</h2><ul>${itemLines || '<li>暂无</li>'}</ul></body></html>`;
}

export function installPreview(router: Router, db: () => Db): void {
  router.get('/', async (_req, res) => {
    const reports = (await publicCall<PublishedReportSummary[]>(db(), reportsFunction, 'listPublished', {})) ?? [];
    const items = await publicCall<ItemPage>(db(), itemsFunction, 'list', { pageSize: 20 });
    send(res, 200, 'text/html', indexPage(reports, items));
  });
  router.get('/reports/:id', async (_req, res, { params }) => {
    const found = await publicCall<PublishedReport>(db(), reportsFunction, 'getPublished', { id: params.id ?? '' });
    if (!found) return send(res, 404, 'text/plain', '未找到该年度报告');
    send(res, 200, 'text/html', renderHtml(found.report));
  });
  router.get('/reports/:id/md', async (_req, res, { params }) => {
    const found = await publicCall<PublishedReport>(db(), reportsFunction, 'getPublished', { id: params.id ?? '' });
    if (!found) return send(res, 404, 'text/plain', '未找到该年度报告');
    send(res, 200, 'text/markdown', renderMarkdown(found.report));
  });
}
