/**
 * Real-browser checks of what people see: Debian's chromium driven by playwright-core, layout measured rather
 * than compared with pixel baselines. Used by the portal tests (test/server/portal) and meant for the mini program
 * pages too: `openHtml` takes any DOM as HTML plus CSS (e.g. miniprogram-simulate's output and the compiled WXSS
 * with rpx turned into px by `rpxToPx` at 375 px).
 *
 * Measurements (all in the page, in CSS px):
 * - `boxes`: bounding boxes of the elements a selector matches;
 * - `brokenWords`: elements whose text wraps inside a word (Intl.Segmenter's Chinese words, or a lone last
 *   character of a short label such as 自然/人);
 * - `overflow`: horizontal overflow of the page itself (a scrolling table inside its own box is fine);
 * - `contrast`: every visible text's colour against its effective background (WCAG 2.x relative luminance);
 * - `axe`: axe-core's violations of impact serious or critical.
 * Screenshots go to test-artifacts/browser/ (git-ignored) to look at.
 *
 * When no browser is installed the suites skip with one line saying why (`describeBrowser`).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * The few DOM shapes the measuring code uses inside the page. The project compiles without the DOM library (its
 * fetch and Buffer types are Node's), so each in-page function starts with `const w = globalThis as unknown as
 * PageWindow` — a cast that compiles to nothing.
 */
interface PageRect {
  x: number;
  y: number;
  top: number;
  width: number;
  height: number;
}
interface PageNode {
  nodeValue: string | null;
  parentElement: PageElement | null;
}
interface PageElement {
  textContent: string | null;
  parentElement: PageElement | null;
  getBoundingClientRect(): PageRect;
  closest(selector: string): PageElement | null;
}
interface PageRange {
  setStart(node: PageNode, offset: number): void;
  setEnd(node: PageNode, offset: number): void;
  getClientRects(): ArrayLike<PageRect>;
}
interface PageStyle {
  color: string;
  backgroundColor: string;
  backgroundImage: string;
  visibility: string;
  display: string;
}
interface PageWindow {
  document: {
    body: PageElement & { scrollWidth: number };
    documentElement: { scrollWidth: number; clientWidth: number };
    createRange(): PageRange;
    createTreeWalker(root: PageElement, show: number): { nextNode(): PageNode | null };
  };
  getComputedStyle(el: PageElement): PageStyle;
  axe: { run(context: unknown, options: object): Promise<AxeResults> };
  /** Typed here: the mini program's tsconfig (which also checks the page tests using this file) has ES2020 only. */
  Intl: {
    Segmenter: new (
      locale: string,
      options: { granularity: 'word' },
    ) => { segment(text: string): Iterable<{ segment: string; index: number }> };
  };
}
interface AxeResults {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}
/** NodeFilter.SHOW_TEXT */
const SHOW_TEXT = 4;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags of the developers' guide: nothing leaves the machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/browser');
/** A phone (iPhone SE-class, the width WeChat pages are designed for) and a desk. */
export const WIDTHS = { phone: 375, desk: 1280 } as const;
/** WCAG 2.x AA for body text; the product asks it of every text, large or not. */
export const MIN_CONTRAST = 4.5;

/** Why the browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `未找到 Chromium（${CHROMIUM_PATH}）：apt-get install -y chromium fonts-noto-cjk 后再运行（.ci/run 会自动安装）`;
}

/** `describe` when a browser is installed; otherwise a skipped suite whose name and a printed line say why. */
export function describeBrowser(name: string, body: () => void): void {
  const missing = browserMissing();
  if (missing) {
    console.log(`跳过浏览器测试「${name}」：${missing}`);
    describe.skip(`${name}（跳过：${missing}）`, body);
  } else describe(name, body);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/** A fresh page at the width (height 800), offline except for loopback. */
async function newPage(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    deviceScaleFactor: 1,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return context.newPage();
}

export async function openUrl(browser: Browser, url: string, width: number): Promise<Page> {
  const page = await newPage(browser, width);
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response) throw new Error(`no response for ${url}`);
  return page;
}

/** Any DOM as HTML (a fragment or a document) with extra CSS, e.g. a mini program page's rendered tree. */
export async function openHtml(
  browser: Browser,
  content: { html: string; css?: string; title?: string },
  width: number,
): Promise<Page> {
  const page = await newPage(browser, width);
  const html = /<html[\s>]/i.test(content.html)
    ? content.html
    : `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${content.title ?? '页面'}</title></head><body>${content.html}</body></html>`;
  await page.setContent(html, { waitUntil: 'load' });
  if (content.css) await page.addStyleTag({ content: content.css });
  return page;
}

/** WXSS units: 750rpx is the screen width, so at 375 px one rpx is half a pixel. */
export function rpxToPx(css: string, width: number = WIDTHS.phone): string {
  return css.replace(/(-?\d*\.?\d+)rpx/g, (_m, n: string) => `${Number(((Number(n) * width) / 750).toFixed(3))}px`);
}

/** The whole page by default; `viewport` for what a person sees at the current scroll position. */
export async function screenshot(page: Page, name: string, area: 'page' | 'viewport' = 'page'): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: area === 'page' });
  return file;
}

export interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function boxes(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (els: PageElement[]) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { text: (el.textContent ?? '').trim(), x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** How far the page itself scrolls sideways (0 when nothing sticks out). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageWindow;
    const doc = document.documentElement;
    return Math.max(doc.scrollWidth, document.body.scrollWidth) - doc.clientWidth;
  });
}

export interface BrokenWord {
  text: string;
  /** The text of each rendered line. */
  lines: string[];
}

/**
 * Elements matching `selector` whose text wraps inside a word. Lines are found from the position of each
 * character; a break is inside a word when Intl.Segmenter('zh') puts both sides in one word, or when it leaves a
 * single letter alone on a line of a short label (自然/人).
 */
export function brokenWords(page: Page, selector: string): Promise<BrokenWord[]> {
  return page.$$eval(
    selector,
    (els: PageElement[], showText: number) => {
      const { document, Intl: intl } = globalThis as unknown as PageWindow;
      const segmenter = new intl.Segmenter('zh', { granularity: 'word' });
      const out: { text: string; lines: string[] }[] = [];
      for (const el of els) {
        const lines: string[] = [];
        const breaks: number[] = [];
        let text = '';
        let lastTop: number | null = null;
        const walker = document.createTreeWalker(el, showText);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.nodeValue ?? '';
          for (let i = 0; i < value.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const rect = range.getClientRects()[0];
            if (!rect || /\s/.test(value[i] ?? '')) {
              text += value[i];
              continue;
            }
            if (lastTop !== null && rect.top > lastTop + rect.height / 2) breaks.push(text.length);
            lastTop = rect.top;
            text += value[i];
          }
        }
        if (breaks.length === 0) continue;
        const starts = [0, ...breaks];
        starts.forEach((s, i) => lines.push(text.slice(s, starts[i + 1] ?? text.length).trim()));
        const words = [...segmenter.segment(text)];
        const insideWord = breaks.some((b) => words.some((w) => w.index < b && b < w.index + w.segment.length));
        const letter = /[\p{L}\p{N}]/u;
        const lone = breaks.some(
          (b) =>
            text.trim().length <= 8 &&
            letter.test(text[b - 1] ?? '') &&
            letter.test(text[b] ?? '') &&
            (b === text.length - 1 || b === 1),
        );
        if (insideWord || lone) out.push({ text: text.trim(), lines });
      }
      return out;
    },
    SHOW_TEXT,
  );
}

export interface TextContrast {
  text: string;
  color: string;
  background: string;
  ratio: number;
}

/**
 * Every visible text run's contrast: its colour over the first opaque background up the tree (semi-transparent
 * layers blended in). A background image counts as unknown and is left out (axe reports those too).
 */
export function contrasts(page: Page): Promise<TextContrast[]> {
  return page.evaluate((showText: number) => {
    const { document, getComputedStyle } = globalThis as unknown as PageWindow;
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = (m[1] ?? '')
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0] ?? 0, p[1] ?? 0, p[2] ?? 0, p[3] ?? 1];
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3] + under[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const background = (el: PageElement | null): Rgba | null => {
      let layers: Rgba[] = [];
      for (let e = el; e; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.backgroundImage !== 'none') return null;
        const c = parse(style.backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      layers = [...layers, [255, 255, 255, 1]];
      return layers.reduceRight<Rgba>((under, top) => over(top, under), [0, 0, 0, 0]);
    };
    const out: { text: string; color: string; background: string; ratio: number }[] = [];
    const walker = document.createTreeWalker(document.body, showText);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || style.display === 'none' || rect.width === 0 || rect.height === 0) continue;
      if (el.closest('[aria-hidden="true"], script, style, noscript')) continue;
      const bg = background(el);
      if (!bg) continue;
      const fg = over(parse(style.color), bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
      const ratio = Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
      const css = (c: Rgba) => `rgb(${c.slice(0, 3).map(Math.round).join(',')})`;
      out.push({ text: text.slice(0, 30), color: css(fg), background: css(bg), ratio });
    }
    return out;
  }, SHOW_TEXT);
}

/** The lowest contrast per colour pair, lowest first: what a test prints when one is too low. */
export function lowContrasts(all: readonly TextContrast[], min = MIN_CONTRAST): TextContrast[] {
  const byPair = new Map<string, TextContrast>();
  for (const c of all) {
    const key = `${c.color} on ${c.background}`;
    const seen = byPair.get(key);
    if (c.ratio < min && (!seen || c.ratio < seen.ratio)) byPair.set(key, c);
  }
  return [...byPair.values()].sort((a, b) => a.ratio - b.ratio);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

const AXE_SOURCE = (): string => readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG A/AA violations of impact serious or critical. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE() });
  return page.evaluate(async () => {
    const { axe, document } = globalThis as unknown as PageWindow;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => String(n.target)) }));
  });
}
