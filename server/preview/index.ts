/**
 * Published reports as HTML at `/` — a local preview, and the same HTML a township uploads to its portal.
 * For now the preview shows the seed report kept in server/seed/ (imported through the core, checked, rendered).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { checkReport } from '../../shared/checks';
import { importReportText } from '../../shared/import';
import { renderHtml, renderMarkdown } from '../../shared/render';
import type { ReportData } from '../../shared/report';
import type { Router } from '../http/router';

export const SEED_REPORT_FILE = path.join(__dirname, '..', 'seed', 'zhamao-2023-report.txt');

export function loadSeedReport(): ReportData {
  const imported = importReportText(readFileSync(SEED_REPORT_FILE, 'utf8'));
  return { ...imported, findings: checkReport(imported) };
}

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-cache' }).end(body);
}

export function installPreview(router: Router, report: ReportData): void {
  const html = renderHtml(report);
  router.get('/', (_req, res) => send(res, 'text/html', html));
  router.get('/report.md', (_req, res) => send(res, 'text/markdown', renderMarkdown(report)));
  router.get('/report.json', (_req, res) => send(res, 'application/json', JSON.stringify(report, null, 2)));
}
