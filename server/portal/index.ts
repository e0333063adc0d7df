/**
 * The public pages `npm start` serves (the portal of shared/portal at the same paths `npm run export-site`
 * writes), plus Chinese error pages: an unknown path, and `/admin` opened in a browser.
 * Routes: / and index.html, guide.html, catalogue.html?q=&category=&year= (searched by the items function),
 * items/<id>.html, reports.html, reports/<id>.html (also reports/<id>, the staff preview link),
 * reports/<id>.docx, reports/<id>.print.html, catalogue.csv, catalogue.json.
 */
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from '../../backend/sdk';
import { directoryCsv, directoryEntry, directoryJson } from '../../shared/catalogue/directory';
import {
  PATHS,
  cataloguePage,
  errorPage,
  guidePage,
  requestLinkOf,
  homePage,
  itemPage,
  reportsPage,
  type CatalogueFilter,
} from '../../shared/portal/pages';
import { notFoundPage, reportFile, reportRenditionOf } from './files';
import type { Router } from '../http/router';
import { sendJson } from '../http/envelope';
import {
  itemYears,
  loadAllItems,
  loadItem,
  loadOrgan,
  loadReport,
  loadReports,
  searchItems,
  serverAttachmentHref,
  type SiteOrgan,
} from './data';

export const SEED_REPORT_FILE = path.join(__dirname, '..', 'seed', 'zhamao-2023-report.txt');

type Body = string | Uint8Array;

function send(res: ServerResponse, status: number, type: string, body: Body, extra: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      'content-type': type.includes('charset') || type.endsWith('docx') ? type : `${type}; charset=utf-8`,
      'cache-control': 'no-cache',
      ...extra,
    })
    .end(body);
}

const html = (res: ServerResponse, body: string, status = 200) => send(res, status, 'text/html', body);

function wantsHtml(req: IncomingMessage): boolean {
  return /text\/html/.test(req.headers.accept ?? '');
}

/** The 404 of every unknown path: a Chinese page for a browser, Chinese JSON for a program. */
export function portalNotFound(db: () => Db) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const admin = (req.url ?? '').split('?')[0] === '/admin';
    if (!wantsHtml(req)) {
      sendJson(res, admin ? 405 : 404, {
        code: admin ? 'METHOD_NOT_ALLOWED' : 'NOT_FOUND',
        message: admin ? '数据库接口只接受 @cloudbase/node-sdk 的 POST 请求' : `没有这个地址：${req.method} ${req.url}`,
      });
      return;
    }
    void loadOrgan(db()).then(
      (organ) =>
        admin
          ? html(
              res,
              errorPage(
                organ,
                405,
                '这是数据库接口，不是网页',
                '/admin 供 @cloudbase/node-sdk 连接本地数据库使用（serviceUrl），不能在浏览器中打开。公开信息请回首页查看。',
              ),
              405,
            )
          : html(res, notFoundPage(organ), 404),
      () => html(res, errorPage(null, 404, '页面不存在', '您访问的页面不存在。'), 404),
    );
  };
}

function filterOf(url: URL): CatalogueFilter {
  const keyword = (url.searchParams.get('q') ?? '').trim().slice(0, 50);
  const category = (url.searchParams.get('category') ?? '').trim();
  const year = Number(url.searchParams.get('year') ?? '');
  return {
    ...(keyword ? { keyword } : {}),
    ...(category ? { category } : {}),
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { year } : {}),
  };
}

/**
 * `siteUrl`: the address citizens reach this site at (the server's PUBLIC_URL); the 指南's QR code carries its
 * 申请方式 there. Empty (not known yet): no code.
 */
export function installPortal(router: Router, db: () => Db, siteUrl: () => string = () => ''): void {
  const withOrgan =
    (page: (organ: SiteOrgan, req: IncomingMessage, res: ServerResponse, url: URL, id: string) => Promise<void>) =>
    async (req: IncomingMessage, res: ServerResponse, ctx: { params: Record<string, string>; url: URL }) => {
      const organ = await loadOrgan(db());
      if (!organ) return html(res, errorPage(null, 503, '尚未开通', '本机关尚未开通政府信息公开栏目。'), 503);
      await page(organ, req, res, ctx.url, ctx.params.id ?? '');
    };
  const notFound = (organ: SiteOrgan, res: ServerResponse, what: string) =>
    html(res, errorPage(organ, 404, `未找到该${what}`, `该${what}不存在或已撤回，请从首页或公开目录查找。`), 404);

  const home = withOrgan(async (organ, _req, res) => {
    const [items, reports] = await Promise.all([searchItems(db(), organ.id, {}), loadReports(db(), organ.id)]);
    html(res, homePage({ organ, items, reports }));
  });
  router.get('/', home);
  router.get(`/${PATHS.home}`, home);
  router.get(
    `/${PATHS.guide}`,
    withOrgan(async (organ, _req, res) => html(res, guidePage(organ, requestLinkOf(siteUrl())))),
  );
  router.get(
    `/${PATHS.catalogue}`,
    withOrgan(async (organ, _req, res, url) => {
      const filter = filterOf(url);
      const [items, all] = await Promise.all([searchItems(db(), organ.id, filter), searchItems(db(), organ.id, {})]);
      html(res, cataloguePage({ organ, items, filter, years: itemYears(all), mode: 'server' }));
    }),
  );
  router.get(
    '/items/:id',
    withOrgan(async (organ, _req, res, _url, id) => {
      const item = await loadItem(db(), id.replace(/\.html$/, ''), serverAttachmentHref);
      if (!item) return notFound(organ, res, '信息');
      html(res, itemPage(organ, item));
    }),
  );
  router.get(
    `/${PATHS.reports}`,
    withOrgan(async (organ, _req, res) => html(res, reportsPage(organ, await loadReports(db(), organ.id)))),
  );
  router.get(
    '/reports/:id',
    withOrgan(async (organ, _req, res, _url, raw) => {
      const { id, rendition } = reportRenditionOf(raw);
      const report = await loadReport(db(), id);
      if (!report) return notFound(organ, res, '年度报告');
      const file = await reportFile(organ, report, rendition);
      const disposition = file.download
        ? { 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.download)}` }
        : {};
      send(res, 200, file.type, file.body, disposition);
    }),
  );
  const directory = async (organ: SiteOrgan) =>
    (await loadAllItems(db(), organ.id, serverAttachmentHref)).map((i) => directoryEntry(i, PATHS.item(i.id)));
  router.get(
    `/${PATHS.csv}`,
    withOrgan(async (organ, _req, res) =>
      send(res, 200, 'text/csv', directoryCsv(await directory(organ)), {
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${organ.name}政府信息公开目录.csv`)}`,
      }),
    ),
  );
  router.get(
    `/${PATHS.json}`,
    withOrgan(async (organ, _req, res) =>
      send(res, 200, 'application/json', directoryJson(organ.name, await directory(organ))),
    ),
  );
}
