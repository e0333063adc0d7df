/**
 * The exported portal in Chromium at 375 and 1280 px: measured layout (no sideways scrolling of the page, no
 * header broken inside a word at 1280, table 三's label column within 40% of a phone with its group headers in
 * view when scrolled to 总计), every text colour at ≥ 4.5:1 (the zeros of a township report included), and no
 * serious axe-core violation. Screenshots go to test-artifacts/browser/ to look at.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { exportSite } from '../../../server/portal/export';
import {
  WIDTHS,
  axeSerious,
  boxes,
  brokenWords,
  contrasts,
  describeBrowser,
  launchBrowser,
  lowContrasts,
  openUrl,
  overflow,
  screenshot,
} from '../../browser/harness';
import { startPortal } from './site';

interface InPage {
  document: {
    querySelectorAll(s: string): ArrayLike<InPageElement>;
    elementFromPoint(x: number, y: number): InPageElement | null;
  };
  innerWidth: number;
  innerHeight: number;
}
interface InPageElement {
  textContent: string | null;
  getBoundingClientRect(): { x: number; y: number; width: number; height: number };
}

/** Whether the innermost header cell of table 三 with this text is on screen and not covered (by a sticky cell). */
function shownAt(page: Page, text: string): Promise<string> {
  return page.evaluate((t: string) => {
    const w = globalThis as unknown as InPage;
    const all = Array.from(w.document.querySelectorAll('#table-applications th, #table-applications th > span'));
    const el = all.filter((c) => (c.textContent ?? '').trim() === t).pop();
    if (!el) return `no ${t}`;
    const r = el.getBoundingClientRect();
    const x = Math.max(1, Math.min(r.x + Math.min(12, r.width / 2), w.innerWidth - 2));
    const y = r.y + r.height / 2;
    if (y < 0 || y > w.innerHeight) return `off screen at y=${Math.round(y)}`;
    const hit = w.document.elementFromPoint(x, y);
    const got = (hit?.textContent ?? '').trim();
    return got === t ? 'visible' : `covered by ${got.slice(0, 20)}`;
  }, text);
}

describeBrowser('portal in Chromium', () => {
  let site: Awaited<ReturnType<typeof startPortal>>;
  let browser: Browser;
  let out: string;
  const pages: Record<string, string> = {};
  beforeAll(async () => {
    site = await startPortal();
    out = mkdtempSync(path.join(os.tmpdir(), 'gongkai-site-'));
    await exportSite(site.db, out);
    const first = (dir: string, ext: string) => readdirSync(path.join(out, dir)).find((f) => f.endsWith(ext)) ?? '';
    Object.assign(pages, {
      home: 'index.html',
      guide: 'guide.html',
      catalogue: 'catalogue.html',
      item: `items/${first('items', '.html')}`,
      reports: 'reports.html',
      report: `reports/${first('reports', '.html').replace('.print', '')}`,
      notFound: '404.html',
    });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  const open = (name: string, width: number): Promise<Page> =>
    openUrl(browser, pathToFileURL(path.join(out, pages[name] ?? '')).href, width);

  describe.each([WIDTHS.phone, WIDTHS.desk])('at %i px', (width) => {
    it.each(['home', 'guide', 'catalogue', 'item', 'reports', 'report', 'notFound'])(
      '%s: organ and contact shown, no page overflow, contrast ≥ 4.5:1, no serious axe violation',
      async (name) => {
        const page = await open(name, width);
        await screenshot(page, `portal-${name}-${width}`);
        const body = (await page.textContent('body')) ?? '';
        expect(body).toContain('扎毛乡人民政府');
        expect(body).toContain('0973-8888888');
        expect(await overflow(page)).toBeLessThanOrEqual(0);
        expect(lowContrasts(await contrasts(page))).toEqual([]);
        expect(await axeSerious(page)).toEqual([]);
        if (width === WIDTHS.desk) expect(await brokenWords(page, 'th, h1, h2, h3, .gk-nav a, dt')).toEqual([]);
        await page.context().close();
      },
      60_000,
    );
  });

  it('shows the zeros of the seed report at ≥ 4.5:1', async () => {
    const page = await open('report', WIDTHS.phone);
    const zeros = (await contrasts(page)).filter((c) => c.text === '0');
    expect(zeros.length).toBeGreaterThan(100);
    expect(Math.min(...zeros.map((z) => z.ratio))).toBeGreaterThanOrEqual(4.5);
    await page.context().close();
  });

  it('keeps table 三 readable on a phone: labels ≤ 40% of the width, group headers in view at 总计', async () => {
    const page = await open('report', WIDTHS.phone);
    const table = (await boxes(page, '#table-applications'))[0];
    const labels = await boxes(page, '#table-applications th.gk-row-label');
    const labelRight = Math.max(...labels.map((b) => b.x + b.width));
    expect(labelRight - (table?.x ?? 0)).toBeLessThanOrEqual(0.4 * WIDTHS.phone);
    // to the table, then in its box right to the 总计 column and down to the last row
    await page.locator('#table-applications').scrollIntoViewIfNeeded();
    const scrolled = await page.$eval(
      '#section-applications .gk-table-wrap',
      (wrap: { scrollTop: number; scrollLeft: number; scrollHeight: number; scrollWidth: number }) => {
        wrap.scrollLeft = wrap.scrollWidth;
        wrap.scrollTop = wrap.scrollHeight;
        return { left: wrap.scrollLeft, top: wrap.scrollTop };
      },
    );
    expect(scrolled.left).toBeGreaterThan(0);
    expect(scrolled.top).toBeGreaterThan(0);
    await screenshot(page, 'portal-report-375-table3-total', 'viewport');
    for (const text of ['申请人情况', '法人或其他组织', '总计', '四、结转下年度继续办理'])
      expect([text, await shownAt(page, text)]).toEqual([text, 'visible']);
    await page.context().close();
  });

  it('keeps the print layout: no navigation, fixed A4 table widths, header rows repeated', async () => {
    const page = await open('report', WIDTHS.desk);
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('.gk-nav')).toBe(false);
    expect(await page.isVisible('.gk-downloads')).toBe(false);
    const style = await page.$eval('#table-applications', (t: object) => {
      const w = globalThis as unknown as { getComputedStyle(e: object): { tableLayout: string; width: string } };
      return w.getComputedStyle(t).tableLayout;
    });
    expect(style).toBe('fixed');
    const thead = await page.$eval('#table-applications thead', (t: object) => {
      const w = globalThis as unknown as { getComputedStyle(e: object): { display: string; position: string } };
      const cs = w.getComputedStyle(t);
      return `${cs.display} ${cs.position}`;
    });
    expect(thead).toBe('table-header-group static');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('filters the static catalogue in the page (search, category) with no server', async () => {
    const page = await open('catalogue', WIDTHS.phone);
    await page.fill('input[name="q"]', '春耕');
    await page.click('button[type="submit"]');
    expect(await page.textContent('#gk-count')).toBe('共 1 条');
    expect(await page.isVisible('text=关于做好春耕备耕工作的通知')).toBe(true);
    expect(await page.isVisible('text=草原生态保护补助奖励资金发放情况公示')).toBe(false);
    await page.fill('input[name="q"]', '');
    await page.selectOption('select[name="category"]', 'assistance');
    await page.click('button[type="submit"]');
    expect(await page.textContent('#gk-count')).toBe('共 1 条');
    await page.context().close();
  });
});
