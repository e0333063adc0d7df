/**
 * The portal's pages as HTML (pure: data in, text out). `npm start` serves them and `npm run export-site` writes
 * them as static files a county portal can host or its CMS can take in. Every page names the organ and its 政务公开
 * contact; links are relative, so the same pages work under any folder of any host.
 *
 * Paths (PATHS) are files: index.html, guide.html, catalogue.html, items/<id>.html, reports.html,
 * reports/<id>.html with reports/<id>.docx and reports/<id>.print.html, catalogue.csv, catalogue.json.
 */
import { ARTICLE_20, ARTICLE_21, categoryLabel, type Category } from '../catalogue/categories';
import type { DirectoryItem } from '../catalogue/directory';
import { publicationGuide, type GuideOrgan, type PublicationGuide } from '../catalogue/guide';
import type { ReportData } from '../report';
import { REPORT_CSS, renderHtml } from '../render';
import { escapeHtml as e, paragraphs, reportTitle } from '../render/text';
import { qrSvg } from './qr';
import { PORTAL_CSS } from './style';

export interface PortalAttachment {
  name: string;
  /** Where the file is served; null when it is not (yet) available on this site. */
  href: string | null;
}

export interface PortalItem extends DirectoryItem {
  docNo?: string;
  validity: 'inForce' | 'repealed' | 'expired' | null;
  attachments: PortalAttachment[];
}

export interface PortalReportVersion {
  id: string;
  version: number;
  publishedAt: string;
  /** Why this version corrected the one before (when the record holds it). */
  correctionReason?: string;
}

export interface PortalReport {
  id: string;
  year: number;
  version: number;
  publishedAt: string;
  /** An imported report whose own publish date is unknown: `publishedAt` is the day it was imported. */
  undated?: boolean;
  /** Every published version of the year, oldest first (the current one included). */
  versions: PortalReportVersion[];
  report: ReportData;
}

export interface CatalogueFilter {
  keyword?: string;
  category?: string;
  year?: number;
}

export const PATHS = {
  home: 'index.html',
  guide: 'guide.html',
  catalogue: 'catalogue.html',
  reports: 'reports.html',
  csv: 'catalogue.csv',
  json: 'catalogue.json',
  item: (id: string) => `items/${encodeURIComponent(id)}.html`,
  report: (id: string) => `reports/${encodeURIComponent(id)}.html`,
  reportDocx: (id: string) => `reports/${encodeURIComponent(id)}.docx`,
  reportPrint: (id: string) => `reports/${encodeURIComponent(id)}.print.html`,
} as const;

const NAV: readonly (readonly [string, string])[] = [
  [PATHS.home, '首页'],
  [PATHS.guide, '公开指南'],
  [PATHS.catalogue, '公开目录'],
  [PATHS.reports, '年度报告'],
];

const VALIDITY: Record<NonNullable<PortalItem['validity']>, string> = {
  inForce: '有效',
  repealed: '已废止',
  expired: '已失效',
};

/** The catalogue's categories in order: 第二十一条 (a township's own) first, then 第二十条. */
export const PORTAL_CATEGORIES: readonly Category[] = [...ARTICLE_21, ...ARTICLE_20];

/** '../' per folder level of the page, so links work wherever the site is put. */
export function rootOf(path: string): string {
  return '../'.repeat(path.split('/').length - 1);
}

/** A date in Asia/Shanghai, YYYY-MM-DD, from an ISO timestamp or date. */
export function shanghaiDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

function contactFooter(organ: GuideOrgan): string {
  const lines = [
    `<p><strong>${e(organ.name)}</strong> 政务公开联系${organ.office ? `：${e(organ.office)}` : ''}</p>`,
    organ.address ? `<p>地址：${e(organ.address)}${organ.postalCode ? `（邮编 ${e(organ.postalCode)}）` : ''}</p>` : '',
    organ.contactPhone ? `<p>电话：<a href="tel:${e(organ.contactPhone)}">${e(organ.contactPhone)}</a></p>` : '',
    organ.officeHours ? `<p>办公时间：${e(organ.officeHours)}</p>` : '',
    organ.fax ? `<p>传真：${e(organ.fax)}</p>` : '',
    organ.email ? `<p>电子邮箱：${e(organ.email)}</p>` : '',
  ];
  return lines.filter(Boolean).join('\n');
}

export interface LayoutInput {
  organ: GuideOrgan;
  /** The page's own path (PATHS), for relative links and the current tab. */
  path: string;
  title: string;
  body: string;
  /** Extra CSS (the report's). */
  css?: string;
  script?: string;
  /** Overrides the relative root: an error page answers at any depth, so it links from '/'. */
  root?: string;
}

export function portalLayout({ organ, path, title, body, css, script, root: fixedRoot }: LayoutInput): string {
  const root = fixedRoot ?? rootOf(path);
  const nav = NAV.map(([href, label]) => {
    const current = href === path || (href === PATHS.reports && path.startsWith('reports/'));
    const catalogue = href === PATHS.catalogue && path.startsWith('items/');
    return `<li><a href="${root}${href}"${current || catalogue ? ' aria-current="page"' : ''}>${label}</a></li>`;
  }).join('');
  const fullTitle = title === organ.name ? `${organ.name} 政府信息公开` : `${title} - ${organ.name}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(fullTitle)}</title>
<style>${PORTAL_CSS}${css ?? ''}</style>
</head>
<body>
<a class="gk-skip" href="#main">跳到正文</a>
<header class="gk-header"><div class="gk-header-inner">
<p class="gk-site-title"><a href="${root}${PATHS.home}">${e(organ.name)}</a></p>
<p class="gk-site-sub">政府信息公开</p>
<nav class="gk-nav" aria-label="栏目"><ul>${nav}</ul></nav>
</div></header>
<main id="main" class="gk-main">
${body}
</main>
<footer class="gk-footer"><div class="gk-footer-inner">
${contactFooter(organ)}
</div></footer>
${script ? `<script>${script}</script>` : ''}
</body>
</html>
`;
}

function itemLine(item: PortalItem, root: string): string {
  const meta = [
    item.indexNo ? `索引号 <span class="gk-nobreak">${e(item.indexNo)}</span>` : '',
    item.publishedDate ? `发布日期 ${e(item.publishedDate)}` : '',
    e(categoryLabel(item.category)),
  ].filter(Boolean);
  return `<a href="${root}${PATHS.item(item.id)}">${e(item.title)}</a><span class="gk-meta">${meta.join(' · ')}</span>`;
}

export interface HomeInput {
  organ: GuideOrgan;
  items: readonly PortalItem[];
  reports: readonly PortalReport[];
  miniProgramName?: string;
}

export function homePage({ organ, items, reports, miniProgramName }: HomeInput): string {
  const path = PATHS.home;
  const latest = items
    .slice(0, 10)
    .map((i) => `<li>${itemLine(i, '')}</li>`)
    .join('');
  const reportLinks = reports
    .map((r) => `<li><a href="${PATHS.report(r.id)}">${e(reportTitle(r.report.organ, r.year))}</a></li>`)
    .join('');
  const app = miniProgramName ?? `${organ.name}政务公开`;
  const body = `<h1>${e(organ.name)} 政府信息公开</h1>
<p>本栏目依照《中华人民共和国政府信息公开条例》发布${e(organ.name)}主动公开的政府信息、政府信息公开指南和年度报告。</p>
<h2>如何申请公开政府信息</h2>
<p>未主动公开的政府信息，可以向本机关申请公开：在微信中打开“${e(app)}”小程序进入“依申请”，或信函、当面提交。详见<a href="${PATHS.guide}">政府信息公开指南</a>。</p>
<h2>最新公开信息</h2>
<ul class="gk-list">${latest || '<li>暂无</li>'}</ul>
<p><a href="${PATHS.catalogue}">查看全部公开目录</a></p>
<h2>政府信息公开工作年度报告</h2>
<ul class="gk-list">${reportLinks || '<li>暂无</li>'}</ul>`;
  return portalLayout({ organ, path, title: organ.name, body });
}

/** The block under which online requests are explained: the QR code goes there, and links point to it. */
const APPLY_HEADING = '（二）申请方式';
export const APPLY_ANCHOR = 'apply';

function guideHtml(guide: PublicationGuide, afterApply = ''): string {
  return guide.sections
    .map((s) => {
      const blocks = s.blocks
        .map((b) => {
          const apply = b.heading === APPLY_HEADING;
          const heading = b.heading ? `<h3${apply ? ` id="${APPLY_ANCHOR}"` : ''}>${e(b.heading)}</h3>` : '';
          const paras = b.paragraphs.map((p) => `<p>${e(p)}</p>`).join('');
          const list = b.list?.length
            ? `<dl>${b.list.map((l) => `<dt>${e(l.label)}</dt><dd>${e(l.text)}</dd>`).join('')}</dl>`
            : '';
          return heading + paras + list + (apply ? afterApply : '');
        })
        .join('\n');
      return `<section><h2>${e(s.heading)}</h2>\n${blocks}</section>`;
    })
    .join('\n');
}

export interface GuidePageOptions {
  miniProgramName?: string;
  /**
   * The absolute address the QR code carries: this 指南's 申请方式 (`<site>/guide.html#apply`). Registered in the
   * mini program's 扫普通链接二维码打开小程序 rules, a scan in WeChat opens its 依申请 page; any other scanner opens
   * this page. Without it (a static export with no --base-url) no code is shown and the text says to search.
   */
  requestLink?: string;
}

/** The 指南's QR code options for a site at `base` (none without an address). */
export function requestLinkOf(base: string): Pick<GuidePageOptions, 'requestLink'> {
  return base === '' ? {} : { requestLink: `${base.replace(/\/?$/, '/')}${PATHS.guide}#${APPLY_ANCHOR}` };
}

export function guidePage(organ: GuideOrgan, options: GuidePageOptions = {}): string {
  const { requestLink, ...rest } = options;
  const withQrCode = requestLink !== undefined;
  const guide = publicationGuide(organ, { categories: PORTAL_CATEGORIES, ...rest, withQrCode });
  const app = options.miniProgramName ?? `${organ.name}政务公开`;
  const qr = requestLink
    ? `<figure class="gk-qr" id="request-qr">${qrSvg(requestLink, `“${app}”小程序依申请公开二维码`)}` +
      `<figcaption>微信扫一扫，打开“${e(app)}”小程序提出申请<br><span class="gk-muted">${e(requestLink)}</span></figcaption></figure>`
    : '';
  const body = `<article class="gk-guide gk-body"><h1>${e(guide.title)}</h1>
<p>为便于公民、法人和其他组织获取政府信息，依照《中华人民共和国政府信息公开条例》第十二条，编制本指南。本指南随机关信息变更同步更新。</p>
${guideHtml(guide, qr)}</article>`;
  return portalLayout({ organ, path: PATHS.guide, title: '政府信息公开指南', body });
}

export interface CatalogueInput {
  organ: GuideOrgan;
  /** Server: the items the items function found for the filter. Static: every item (filtered in the page). */
  items: readonly PortalItem[];
  filter: CatalogueFilter;
  /** Years that have items, newest first (the year choices). */
  years: readonly number[];
  mode: 'server' | 'static';
}

/** The static export's search: a filter over the items embedded as JSON in the page (no server to ask). */
const STATIC_FILTER = `(function(){
var data=JSON.parse(document.getElementById('gk-items').textContent);
var form=document.getElementById('gk-search');var count=document.getElementById('gk-count');
function run(){var q=form.q.value.trim().toLowerCase(),c=form.category.value,y=form.year.value,n=0;
data.forEach(function(d){var li=document.getElementById('item-'+d.id);var ok=(!c||d.category===c)&&(!y||String(d.year)===y)&&(!q||d.text.indexOf(q)>=0);li.hidden=!ok;if(ok)n++;});
document.querySelectorAll('[data-group]').forEach(function(s){s.hidden=!s.querySelector('li:not([hidden])');});
count.textContent='共 '+n+' 条';}
form.addEventListener('submit',function(ev){ev.preventDefault();run();});
var p=new URLSearchParams(location.search);['q','category','year'].forEach(function(k){if(p.get(k))form[k].value=p.get(k);});run();})();`;

export function cataloguePage({ organ, items, filter, years, mode }: CatalogueInput): string {
  const options = (list: readonly (readonly [string, string])[], selected: string) =>
    list.map(([v, l]) => `<option value="${e(v)}"${v === selected ? ' selected' : ''}>${e(l)}</option>`).join('');
  const categories: [string, string][] = [
    ['', '全部类别'],
    ...PORTAL_CATEGORIES.map((c): [string, string] => [c.key, c.label]),
  ];
  const yearChoices: [string, string][] = [
    ['', '全部年份'],
    ...years.map((y): [string, string] => [String(y), `${y} 年`]),
  ];
  const form = `<form id="gk-search" class="gk-search" role="search" action="${PATHS.catalogue}" method="get">
<label>关键词<input type="search" name="q" value="${e(filter.keyword ?? '')}" maxlength="50" placeholder="名称、文号或正文"></label>
<label>类别<select name="category">${options(categories, filter.category ?? '')}</select></label>
<label>年份<select name="year">${options(yearChoices, filter.year ? String(filter.year) : '')}</select></label>
<button type="submit">查询</button></form>`;
  const known = new Set(PORTAL_CATEGORIES.map((c) => c.key));
  const own = [...new Set(items.map((i) => i.category).filter((k) => !known.has(k)))].map((k) => ({
    key: k,
    label: k,
  }));
  const groups = [...PORTAL_CATEGORIES, ...own]
    .map((c) => {
      const list = items.filter((i) => i.category === c.key);
      if (list.length === 0) return '';
      const lines = list.map((i) => `<li id="item-${e(i.id)}">${itemLine(i, '')}</li>`).join('');
      return `<section data-group="${e(c.key)}"><h2>${e(c.label)}</h2><ul class="gk-list">${lines}</ul></section>`;
    })
    .filter(Boolean)
    .join('\n');
  const data =
    mode === 'static'
      ? `<script type="application/json" id="gk-items">${JSON.stringify(
          items.map((i) => ({
            id: i.id,
            category: i.category,
            year: Number((i.publishedDate ?? i.writtenDate).slice(0, 4)),
            text: `${i.title} ${i.docNo ?? ''} ${i.indexNo ?? ''} ${i.body}`.toLowerCase(),
          })),
        ).replace(/</g, '\\u003c')}</script>`
      : '';
  const body = `<h1>政府信息公开目录</h1>
<p class="gk-muted">按类别和年份编排；每条信息列明索引号、名称、发布日期。目录数据可下载：<a href="${PATHS.csv}">CSV</a> · <a href="${PATHS.json}">JSON</a></p>
${form}
<p id="gk-count" class="gk-muted" aria-live="polite">共 ${items.length} 条</p>
${groups || '<p>没有符合条件的信息。</p>'}
${data}`;
  return portalLayout({
    organ,
    path: PATHS.catalogue,
    title: '政府信息公开目录',
    body,
    ...(mode === 'static' ? { script: STATIC_FILTER } : {}),
  });
}

export function itemPage(organ: GuideOrgan, item: PortalItem): string {
  const path = PATHS.item(item.id);
  const root = rootOf(path);
  const rows: [string, string][] = [
    ['索引号', item.indexNo ?? ''],
    ['发布机构', item.publisher],
    ['分类', categoryLabel(item.category)],
    ['文号', item.docNo ?? ''],
    ['成文日期', item.writtenDate],
    ['发布日期', item.publishedDate ?? ''],
    ['有效性', item.validity ? VALIDITY[item.validity] : ''],
  ];
  const meta = rows
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `<tr><th scope="row">${k}</th><td>${e(v)}</td></tr>`)
    .join('');
  const files = item.attachments
    .map(
      (a) =>
        `<li>${a.href ? `<a href="${e(a.href.startsWith('/') ? a.href : root + a.href)}">${e(a.name)}</a>` : e(a.name)}</li>`,
    )
    .join('');
  const body = `<p class="gk-breadcrumb"><a href="${root}${PATHS.catalogue}">公开目录</a> › ${e(categoryLabel(item.category))}</p>
<article class="gk-body"><h1>${e(item.title)}</h1>
<table class="gk-meta-table"><caption class="gk-muted" style="text-align:left">信息属性</caption>${meta}</table>
${paragraphs(item.body)
  .map((p) => `<p>${e(p)}</p>`)
  .join('\n')}
${files ? `<h2>附件</h2><ul>${files}</ul>` : ''}</article>`;
  return portalLayout({ organ, path, title: item.title, body });
}

/** The report's publish date; an import without one says so rather than showing the import's day as if it were. */
function publishedDay(r: PortalReport): string {
  return r.undated ? `未记录（${shanghaiDate(r.publishedAt)} 导入）` : shanghaiDate(r.publishedAt);
}

export function reportsPage(organ: GuideOrgan, reports: readonly PortalReport[]): string {
  const lines = reports
    .map(
      (r) => `<li><a href="${PATHS.report(r.id)}">${e(reportTitle(r.report.organ, r.year))}</a>
<span class="gk-meta">发布日期 ${e(publishedDay(r))} · 第 ${r.version} 版${r.version > 1 ? '（已更正）' : ''}</span></li>`,
    )
    .join('');
  const body = `<h1>政府信息公开工作年度报告</h1>
<p class="gk-muted">依照条例第四十九条、第五十条，每年 1 月 31 日前公布上一年度报告（格式依国办公开办函〔2021〕30号）。</p>
<ul class="gk-list">${lines || '<li>暂无</li>'}</ul>`;
  return portalLayout({ organ, path: PATHS.reports, title: '年度报告', body });
}

export function reportPage(organ: GuideOrgan, r: PortalReport): string {
  const path = PATHS.report(r.id);
  const root = rootOf(path);
  const title = reportTitle(r.report.organ, r.year);
  const versions = r.versions
    .map((v) => {
      const current = v.id === r.id;
      const name = `第 ${v.version} 版（${e(shanghaiDate(v.publishedAt))} 发布）`;
      const reason = v.version > 1 ? `：更正原因 ${v.correctionReason ? e(v.correctionReason) : '未记录'}` : '';
      return `<li>${current ? `<strong>${name}</strong>（本页）` : `<a href="${root}${PATHS.report(v.id)}">${name}</a>`}${reason}</li>`;
    })
    .join('');
  const outdated = r.versions.some((v) => v.version > r.version)
    ? `<p class="gk-notice">本版已被更正，请查看最新版本。</p>`
    : '';
  const body = `<p class="gk-breadcrumb"><a href="${root}${PATHS.reports}">年度报告</a> › ${r.year} 年</p>
${outdated}
<table class="gk-meta-table"><caption class="gk-muted" style="text-align:left">报告信息</caption>
<tr><th scope="row">发布日期</th><td>${e(publishedDay(r))}</td></tr>
<tr><th scope="row">版本</th><td>第 ${r.version} 版</td></tr>
${r.versions.length > 1 ? `<tr><th scope="row">更正记录</th><td><ul>${versions}</ul></td></tr>` : ''}
</table>
<ul class="gk-downloads" aria-label="下载">
<li><a href="${root}${PATHS.reportDocx(r.id)}" download>下载 Word（.docx）</a></li>
<li><a href="${root}${PATHS.reportPrint(r.id)}">网页版（可打印）</a></li>
</ul>
${renderHtml(r.report, { standalone: false })}`;
  return portalLayout({ organ, path, title, body, css: REPORT_CSS });
}

export function errorPage(organ: GuideOrgan | null, status: number, title: string, message: string): string {
  const body = `<div class="gk-error"><h1>${e(title)}</h1><p>${e(message)}</p><p><a href="/">返回首页</a></p></div>`;
  if (!organ)
    return (
      '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>${e(title)}</title><style>${PORTAL_CSS}</style></head>` +
      `<body><main id="main" class="gk-main">${body}</main></body></html>\n`
    );
  return portalLayout({ organ, path: `error-${status}.html`, title, body, root: '/' });
}
