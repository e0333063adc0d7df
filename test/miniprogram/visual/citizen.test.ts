/**
 * @jest-environment ./test/miniprogram/visual/environment.js
 */
/**
 * The citizen pages in a real browser at 375 px, normal and 长辈模式: rendered by miniprogram-simulate with their
 * real WXSS, then measured — no text clipped or off screen, no word broken across lines, type at least the sizes
 * the mode promises, text contrast ≥ 4.5:1 — and table 三's row label and column name in view beside any number.
 * The 2019-format report (its own table 二) too. Screenshots go to test-artifacts/browser/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { importReportText } from '../../../shared/import/report-text';
import { describeBrowser, launchBrowser, screenshot } from '../../browser/harness';
import { useFakeTransport, type Call } from '../fake-transport';
import { publishedReport } from '../fixtures';
import { expectReadable, open } from './check';
import { rpxAtPhoneWidth } from './render';

rpxAtPhoneWidth();

interface CardCheck {
  cards: number;
  problems: string[];
}

/** Each card of table 三: its label across the top, every number right under its own column name, all on screen. */
function checkCards(page: Page): Promise<CardCheck> {
  return page.$$eval('.main--table--cards .main--grid--card', (cards) => {
    type R = { left: number; right: number; top: number; bottom: number };
    type E = { className: string; textContent: string | null; getBoundingClientRect(): R; children: ArrayLike<E> };
    const problems: string[] = [];
    for (const card of cards as unknown as E[]) {
      const kids = Array.from(card.children);
      const label = kids.find((k) => k.className.includes('main--title'));
      const box = card.getBoundingClientRect();
      const name = (label?.textContent ?? '?').trim();
      if (!label) problems.push(`a card without its row label`);
      else if (label.getBoundingClientRect().top > box.top + 1) problems.push(`${name}: label not on top`);
      if (box.left < 0 || box.right > 375) problems.push(`${name}: card off screen`);
      const heads = kids.filter((k) => k.className.includes('main--hd'));
      const values = kids.filter((k) => k.className.includes('main--val'));
      if (values.length !== 7 || heads.length !== 7) problems.push(`${name}: ${values.length} numbers`);
      values.forEach((v, i) => {
        const h = heads[i];
        if (!h) return;
        const a = h.getBoundingClientRect();
        const b = v.getBoundingClientRect();
        const sameColumn = Math.abs(a.left - b.left) < 1 && Math.abs(a.right - b.right) < 1;
        if (!sameColumn || a.bottom > b.top + 1 || b.top - a.bottom > 8)
          problems.push(`${name}: ${(h.textContent ?? '').trim()} not right above its number`);
      });
    }
    return { cards: cards.length, problems };
  });
}

/** What the demo organ's pages answer: a catalogue page, an item, a tracked request. */
function demoAnswer(call: Call): unknown {
  const action = (call.event as { action: string }).action;
  const item = {
    id: 'it-1',
    title: '扎毛乡2026年第一批农村最低生活保障对象、特困供养人员认定结果及资金发放情况的公示',
    indexNo: '11632323MB1234567X/2026-00001',
    docNo: '扎政发〔2026〕1号',
    publisher: '扎毛乡人民政府',
    category: 'agriculture',
    publishedDate: '2026-03-05',
    writtenDate: '2026-03-01',
    validity: null,
    status: 'published',
    disclosureMode: '主动公开',
    scope: '面向社会',
    body: '第一条 为规范低保认定，制定本办法。\n\n第二条 本办法自发布之日起施行。',
    attachments: [{ fileId: 'f-2', name: '认定办法.pdf', kind: 'file', size: 204800 }],
    version: 1,
  };
  if (call.name === 'items' && action === 'list')
    return {
      ok: true,
      data: { list: [1, 2, 3].map((n) => ({ ...item, id: `it-${n}` })), total: 3, page: 1, pageSize: 20 },
    };
  if (call.name === 'items') return { ok: true, data: item };
  if (call.name === 'organ' && action === 'getProfile')
    return {
      ok: true,
      data: {
        id: 'org-1',
        name: '扎毛乡人民政府',
        creditCode: '11632323MB1234567X',
        contactPhone: '0973-8888888',
        address: '青海省黄南藏族自治州同仁市扎毛乡人民政府大院',
        reportDueDate: '01-31',
        indexPattern: '{organ}-{year}-{seq}',
        chain: ['reviewer', 'leader'],
        templateIds: {},
      },
    };
  return { ok: false, code: 'NOT_FOUND', message: '未找到' };
}

describeBrowser('citizen pages at 375 px in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['normal', 'elder'] as const)('%s', (mode) => {
    it('report reader: readable, and table 三 keeps label and column name beside every number', async () => {
      useFakeTransport(() => ({ ok: true, data: publishedReport('r') }));
      const page = await open(browser, 'pages/report/reader/index', { id: 'r' }, mode);
      await expectReadable(page, mode, 'report-reader');
      const cards = await checkCards(page);
      expect(cards.problems).toEqual([]);
      expect(cards.cards).toBeGreaterThan(20);

      // Scrolled to the 总计 of （七）总计: its row label and the name 总计 are on screen with it.
      const total = page.locator('.main--grid--card', { hasText: '（七）总计' }).locator('.main--val').last();
      await total.scrollIntoViewIfNeeded();
      await screenshot(page, `report-reader-total-${mode}`, 'viewport');
      const card = page.locator('.main--grid--card', { hasText: '（七）总计' });
      const inView = async (selector: string) => {
        const b = await card.locator(selector).boundingBox();
        return b !== null && b.y >= 0 && b.y + b.height <= 800 && b.x >= 0 && b.x + b.width <= 375;
      };
      expect(await inView('.main--title')).toBe(true);
      expect(await inView('.main--hd >> text=总计')).toBe(true);
      expect(await inView('.main--val >> nth=-1')).toBe(true);
      await page.close();
    }, 60_000);

    it('report reader, a 2019-format report (its own table 二): readable', async () => {
      const text = readFileSync(path.join(__dirname, '../../fixtures/reports/fengxi-town-2022-old-format.txt'), 'utf8');
      const report = importReportText(text);
      useFakeTransport(() => ({ ok: true, data: { ...publishedReport('r'), organ: report.organ, report } }));
      const page = await open(browser, 'pages/report/reader/index', { id: 'r' }, mode);
      await expectReadable(page, mode, 'report-reader-2019');
      await page.close();
    }, 60_000);

    it.each([
      ['catalogue', 'pages/catalog/index/index', {}],
      ['item', 'pages/item/detail/index', { id: 'it-1' }],
      ['request-form', 'pages/request/index/index', {}],
      ['tracking', 'pages/request/track/index', {}],
      ['guide', 'pages/guide/index/index', {}],
    ])(
      '%s: readable',
      async (name, route, query) => {
        useFakeTransport((call) => demoAnswer(call) as never);
        Object.assign(wx, {
          getPrivacySetting: (o: { success: (r: { needAuthorization: boolean }) => void }) =>
            o.success({ needAuthorization: false }),
        });
        const page = await open(browser, route, query, mode);
        await expectReadable(page, mode, name);
        await page.close();
      },
      60_000,
    );
  });
});
