/**
 * The portal `npm start` serves and `export-site` writes: every page names the organ and its contact, the 指南
 * follows the profile, the catalogue searches through the items function, one page per item, the reports with
 * their downloads, the 目录 as CSV and JSON, and Chinese error pages.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importReportDocx } from '../../../shared/import';
import { exportSite } from '../../../server/portal/export';
import { startPortal } from './site';

let site: Awaited<ReturnType<typeof startPortal>>;
beforeAll(async () => {
  site = await startPortal();
}, 120_000);
afterAll(() => site.stop());

const get = (p: string, accept = 'text/html') => fetch(`${site.url}${p}`, { headers: { accept } });
const text = async (p: string) => (await get(p)).text();

describe('served portal', () => {
  it('names the organ and its contact on every page, and links one page per item', async () => {
    const home = await text('/');
    for (const page of [home, await text('/guide.html'), await text('/catalogue.html'), await text('/reports.html')]) {
      expect(page).toContain('扎毛乡人民政府');
      expect(page).toContain('0973-8888888');
      expect(page).toContain('青海省黄南藏族自治州同仁市扎毛乡');
    }
    expect(home).toContain('如何申请公开政府信息');
    const link = /href="(items\/[^"]+\.html)"/.exec(home)?.[1] ?? 'missing';
    const item = await text(`/${link}`);
    expect(item).toMatch(/<th scope="row">索引号<\/th><td>[^<]+<\/td>/);
    expect(item).toContain('发布日期');
    expect(item).toContain('href="../catalogue.html"');
  });

  it('generates the 指南 from the profile (条例 第十二条): categories in order, how to ask, the office', async () => {
    const guide = await text('/guide.html');
    expect(guide).toContain('扎毛乡人民政府政府信息公开指南');
    expect(guide.indexOf('农业农村政策')).toBeLessThan(guide.indexOf('规范性文件'));
    expect(guide).toContain('网上申请');
    expect(guide).toContain('信函申请');
    expect(guide).toContain('当面申请');
    expect(guide).toContain('<dt>联系电话</dt><dd>0973-8888888</dd>');
    // The QR code carries this site's 申请方式 (decoded in test/shared/portal/qr.test.ts).
    expect(guide).toContain(`<span class="gk-muted">${site.url}/guide.html#apply</span>`);
    expect(guide).toContain('<svg');
  });

  it('searches the catalogue through the items function (keyword, category, year)', async () => {
    const found = await text(`/catalogue.html?q=${encodeURIComponent('春耕')}`);
    expect(found).toContain('关于做好春耕备耕工作的通知');
    expect(found).not.toContain('草原生态保护补助奖励资金');
    expect(found).toContain('共 1 条');
    const byCategory = await text('/catalogue.html?category=assistance');
    expect(byCategory).toContain('最低生活保障对象公示');
    expect(byCategory).not.toContain('春耕');
    expect(await text('/catalogue.html?year=2019')).toContain('没有符合条件的信息');
    // the draft is not public
    expect(await text('/catalogue.html')).not.toContain('农村人居环境整治工作方案');
  });

  it('shows a report with its publish date, version and .docx and HTML downloads', async () => {
    const list = await text('/reports.html');
    const link = /href="(reports\/[^"]+\.html)"/.exec(list)?.[1] ?? 'missing';
    const page = await text(`/${link}`);
    expect(page).toContain('发布日期');
    expect(page).toContain('第 1 版');
    expect(page).toContain('href="../reports.html"');
    const docx = /href="\.\.\/(reports\/[^"]+\.docx)"/.exec(page)?.[1] ?? 'missing';
    const res = await get(`/${docx}`);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const report = await importReportDocx(new Uint8Array(await res.arrayBuffer()));
    expect(report.year).toBe(2023);
    expect(await text(`/${link.replace(/\.html$/, '.print.html')}`)).toContain('<!DOCTYPE html>');
    // the staff preview link (no extension) still works
    expect(await text(`/${link.replace(/\.html$/, '')}`)).toContain('本年废止件数');
  });

  it('answers unknown paths and /admin in a browser with Chinese pages, and Chinese JSON to programs', async () => {
    const missing = await get('/no/such/page');
    expect(missing.status).toBe(404);
    const page = await missing.text();
    expect(page).toContain('页面不存在');
    expect(page).toContain('扎毛乡人民政府');
    const admin = await get('/admin');
    expect(admin.status).toBe(405);
    expect(await admin.text()).toContain('这是数据库接口，不是网页');
    const json = await get('/nothing', 'application/json');
    expect(await json.json()).toEqual({ code: 'NOT_FOUND', message: '没有这个地址：GET /nothing' });
    expect((await get('/items/nope.html')).status).toBe(404);
  });

  it('gives the 目录 as CSV and JSON with 索引号, 名称, 内容概述, 生成日期, 发布机构, 分类, link', async () => {
    const csv = await text('/catalogue.csv');
    const [header, ...rows] = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe('索引号,名称,内容概述,生成日期,发布机构,分类,链接');
    expect(rows).toHaveLength(3);
    const json = JSON.parse(await text('/catalogue.json')) as { organ: string; items: Record<string, string>[] };
    expect(json.organ).toBe('扎毛乡人民政府');
    expect(json.items[0]).toEqual(
      expect.objectContaining({ publisher: '扎毛乡人民政府', link: expect.stringMatching(/^items\/.+\.html$/) }),
    );
  });
});

describe('exportSite', () => {
  it('writes the same pages as static files, the catalogue filtering in the page, and absolute 目录 links', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-'));
    const summary = await exportSite(site.db, out, { baseUrl: 'https://www.example.gov.cn/zmx' });
    expect(summary.organ).toBe('扎毛乡人民政府');
    const files = summary.files;
    for (const f of ['index.html', 'guide.html', 'catalogue.html', 'reports.html', 'catalogue.csv', 'catalogue.json'])
      expect(files).toContain(f);
    expect(readdirSync(path.join(out, 'items'))).toHaveLength(3);
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(1);
    const catalogue = readFileSync(path.join(out, 'catalogue.html'), 'utf8');
    expect(catalogue).toContain('<script type="application/json" id="gk-items">');
    const json = JSON.parse(readFileSync(path.join(out, 'catalogue.json'), 'utf8')) as { items: { link: string }[] };
    expect(json.items[0]?.link).toMatch(/^https:\/\/www\.example\.gov\.cn\/zmx\/items\/.+\.html$/);
    const guide = readFileSync(path.join(out, 'guide.html'), 'utf8');
    expect(guide).toContain('https://www.example.gov.cn/zmx/guide.html#apply');
  });
});
