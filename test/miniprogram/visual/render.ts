/**
 * A mini program page as the browser sees it: the page rendered by miniprogram-simulate (the page tests' harness,
 * the real compiled WXSS of the page and of every component it uses) plus app.wxss (theme and states), with rpx
 * at a 375 px screen and WeChat's own tag styles (view is a block, text inline, scroll-view scrolls).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { rpxToPx, WIDTHS } from '../../browser/harness';
import { MINIPROGRAM_ROOT } from '../harness';

interface SimulateUtils {
  transformRpx(css: string): string;
}

/**
 * simulate turns `1rpx` into `1px` when it inserts a component's WXSS, and j-component does the same to every
 * inline `style` it sets (table-view.ts's column widths, in rpx); a phone 375 px wide shows 750 rpx. Both are
 * patched before the first page loads so every style is at the right scale.
 */
export function rpxAtPhoneWidth(): void {
  const atPhone = (css: string) => rpxToPx(css, WIDTHS.phone);
  (require('miniprogram-simulate/src/utils') as SimulateUtils).transformRpx = atPhone;
  (require('j-component/src/tool/utils') as SimulateUtils).transformRpx = atPhone;
}

/** WXSS with its @imports inlined. */
function wxssOf(file: string): string {
  return readFileSync(file, 'utf8').replace(/@import\s+["']([^"']+)["'];/g, (_m, rel: string) =>
    wxssOf(path.join(path.dirname(file), rel)),
  );
}

/** app.wxss as it applies inside a page rendered as <main>: `page` is the page root, classes get the page prefix. */
function appCss(): string {
  return wxssOf(path.join(MINIPROGRAM_ROOT, 'app.wxss'))
    .replace(/(^|[\s,}])page(?=[\s,{])/g, '$1main')
    .replace(/\.([a-zA-Z][\w-]*)/g, '.main--$1');
}

/** WeChat's built-in tags, as its base library styles them. */
const TAGS = `
html, body { margin: 0; background: #f3f3f3; }
/* Measure the settled page: TDesign's button fades its colours over .3 s, which a loaded machine can catch mid-way. */
*, *::before, *::after { transition: none !important; animation: none !important; }
wx-view, wx-scroll-view, wx-form, wx-textarea, wx-swiper, wx-block { display: block; }
wx-text, wx-label { display: inline; }
wx-scroll-view { overflow: auto; }
wx-image { display: inline-block; overflow: hidden; }
wx-button { display: block; }
main { display: block; font-family: 'Noto Sans CJK SC', sans-serif; }
wx-input { display: block; min-height: 1.4em; }
`;

interface StyleNode {
  textContent: string | null;
}
interface RenderedDom {
  dom?: unknown;
}

/** The rendered page's HTML and CSS, ready for `openHtml`. */
export function pageForBrowser(page: RenderedDom): { html: string; css: string } {
  const { document } = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<StyleNode> } };
  const inserted = Array.from(document.querySelectorAll('style'), (s) => s.textContent ?? '').join('\n');
  return {
    // Inline styles are already in px: j-component converted them as it set them (rpxAtPhoneWidth).
    html: (page.dom as { outerHTML?: string } | undefined)?.outerHTML ?? '',
    css: [TAGS, rpxToPx(appCss(), WIDTHS.phone), inserted].join('\n'),
  };
}

/** The DOM shapes the in-page code uses (the project compiles without the DOM library). */
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}
interface El {
  parentElement: El | null;
  tagName: string;
  getBoundingClientRect(): Rect;
}
interface TextNode {
  nodeValue: string | null;
  parentElement: El | null;
}
interface Win {
  innerWidth: number;
  document: {
    body: El;
    createRange(): { selectNodeContents(n: TextNode): void; getBoundingClientRect(): Rect };
    createTreeWalker(root: El, show: number): { nextNode(): TextNode | null };
  };
  getComputedStyle(el: El): {
    overflowX: string;
    overflowY: string;
    fontSize: string;
    display: string;
    visibility: string;
  };
}

export interface TextProblem {
  text: string;
  detail: string;
}

/**
 * Texts cut off or sticking out: a text whose box leaves the screen sideways, or leaves an ancestor that clips
 * (overflow hidden or clip) by more than a pixel. Texts inside a sideways scroller are left out.
 */
export function clippedTexts(page: import('playwright-core').Page): Promise<TextProblem[]> {
  return page.evaluate(() => {
    const w = globalThis as unknown as Win;
    const out: { text: string; detail: string }[] = [];
    const walker = w.document.createTreeWalker(w.document.body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.tagName === 'STYLE') continue;
      const range = w.document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Inside a scroller (the jump bar scrolls sideways) a text may start out of view: a swipe brings it in.
      let scroller = false;
      for (let a: El | null = el; a && !scroller; a = a.parentElement) {
        const s = w.getComputedStyle(a);
        scroller = s.overflowX === 'auto' || s.overflowX === 'scroll';
      }
      if (scroller) continue;
      if (r.left < -1 || r.right > w.innerWidth + 1) {
        out.push({ text: text.slice(0, 30), detail: `off screen: ${Math.round(r.left)}–${Math.round(r.right)} px` });
        continue;
      }
      for (let a: El | null = el; a; a = a.parentElement) {
        const s = w.getComputedStyle(a);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const b = a.getBoundingClientRect();
        if (r.left < b.left - 1 || r.right > b.right + 1 || r.top < b.top - 1 || r.bottom > b.bottom + 1) {
          out.push({ text: text.slice(0, 30), detail: `clipped by <${a.tagName.toLowerCase()}>` });
          break;
        }
      }
    }
    return out;
  });
}

/** Visible texts set smaller than `min` px. */
export function smallTexts(page: import('playwright-core').Page, min: number): Promise<TextProblem[]> {
  return page.evaluate((least: number) => {
    const w = globalThis as unknown as Win;
    const out: { text: string; detail: string }[] = [];
    const walker = w.document.createTreeWalker(w.document.body, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.nodeValue ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.tagName === 'STYLE') continue;
      const s = w.getComputedStyle(el);
      const r = el.getBoundingClientRect();
      if (s.display === 'none' || s.visibility === 'hidden' || r.width === 0) continue;
      const size = Number.parseFloat(s.fontSize);
      if (size < least - 0.01) out.push({ text: text.slice(0, 30), detail: `${size} px` });
    }
    return out;
  }, min);
}
