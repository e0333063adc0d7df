/**
 * `npm start`: the product on this machine. For now it serves the published seed report (扎毛乡 2023,
 * imported from the copy kept in server/seed/) rendered as HTML at http://HOST:PORT/.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { checkReport } from '../shared/checks';
import { importReportText } from '../shared/import';
import { renderHtml, renderMarkdown } from '../shared/render';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 8787);

const text = readFileSync(path.join(__dirname, 'seed', 'zhamao-2023-report.txt'), 'utf8');
const imported = importReportText(text);
const report = { ...imported, findings: checkReport(imported) };
const pages: Record<string, { type: string; body: string }> = {
  '/': { type: 'text/html; charset=utf-8', body: renderHtml(report) },
  '/report.md': { type: 'text/markdown; charset=utf-8', body: renderMarkdown(report) },
  '/report.json': { type: 'application/json; charset=utf-8', body: JSON.stringify(report, null, 2) },
};

const server = http.createServer((req, res) => {
  const page = pages[(req.url ?? '/').split('?')[0] ?? '/'];
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
    return;
  }
  res.writeHead(200, { 'content-type': page.type }).end(page.body);
});

server.listen(port, host, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Gongkai 本地预览：http://${host}:${actual}/ （${report.organ} ${report.year} 年度报告）`);
  console.log(`  Markdown: http://${host}:${actual}/report.md   JSON: http://${host}:${actual}/report.json`);
  console.log('按 Ctrl-C 停止。');
});

function stop(): void {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
