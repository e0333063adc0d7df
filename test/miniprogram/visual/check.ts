/** Opening a rendered page in the browser, per mode, and what every page must pass there. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  WIDTHS,
  brokenWords,
  contrasts,
  lowContrasts,
  openHtml,
  overflow,
  screenshot,
} from '../../browser/harness';
import { flush, openPage } from '../harness';
import { clippedTexts, pageForBrowser, smallTexts } from './render';

/** 长辈模式 promises secondary text of 34 rpx (17 px) and more; normal mode 28 rpx (14 px). */
export const MIN_FONT = { normal: 14, elder: 17 } as const;
export type Mode = keyof typeof MIN_FONT;

/** The 长辈模式 switch as stored; `storage` when the test already keeps a storage map (the staff pages). */
function setMode(mode: Mode, storage?: Map<string, unknown>): void {
  if (storage) {
    storage.set('gongkai.elder', mode === 'elder');
    return;
  }
  Object.assign(wx, {
    getStorageSync: (key: string) => (key === 'gongkai.elder' ? mode === 'elder' : ''),
  });
}

export async function open(
  browser: Browser,
  route: string,
  query: Record<string, string>,
  mode: Mode,
  storage?: Map<string, unknown>,
): Promise<Page> {
  setMode(mode, storage);
  const page = openPage<unknown>(route, query);
  await flush();
  const content = pageForBrowser(page);
  // The page as a file too, to open in any browser when a measurement fails.
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${route.replace(/\W+/g, '_')}-${mode}.html`;
  writeFileSync(path.join(ARTIFACTS, file), `<style>${content.css}</style>${content.html}`);
  return openHtml(browser, content, WIDTHS.phone);
}

/** What every page must pass. */
export async function expectReadable(page: Page, mode: Mode, name: string): Promise<void> {
  await screenshot(page, `${name}-${mode}`);
  const found = {
    overflow: await overflow(page),
    clipped: await clippedTexts(page),
    // Labels (a short text alone in its box) must not break inside a word; running text wraps as Chinese does.
    // Left out: table 二's column headers (本年制发件数 in a third of the space beside the labels) wrap where
    // the width falls; the issue found them readable, and fixing them needs break hints in the format's labels.
    brokenLabels: (await brokenWords(page, 'wx-view:not(:has(wx-view)):not(.main--col), wx-text')).filter(
      (b) => b.text.length <= 12,
    ),
    small: await smallTexts(page, MIN_FONT[mode]),
    lowContrast: lowContrasts(await contrasts(page)),
  };
  expect(found).toEqual({ overflow: 0, clipped: [], brokenLabels: [], small: [], lowContrast: [] });
}
