/**
 * @jest-environment ./test/miniprogram/visual/environment.js
 */
/**
 * The visual harness itself: rpx in a component's WXSS and in an inline `style` (j-component sets those) come out
 * as a phone 375 px wide draws them, 1 rpx = 0.5 px. Without the inline half, table-view.ts's column widths were
 * drawn at 1 rpx = 1 px and hid labels breaking inside a word on a real phone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import simulate from 'miniprogram-simulate';
import { describeBrowser, launchBrowser, openHtml, WIDTHS } from '../../browser/harness';
import { pageForBrowser, rpxAtPhoneWidth } from './render';

rpxAtPhoneWidth();

/** A component of two boxes, one sized inline and one by its WXSS (simulate reads the files beside the path). */
function twoBoxes(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gk-rpx-'));
  const file = (ext: string, text: string) => writeFileSync(path.join(dir, `box.${ext}`), text);
  file('json', '{ "component": true }');
  file('js', 'Component({});');
  file('wxml', '<view class="inline" style="width:300rpx;height:10rpx">a</view><view class="sheet">b</view>');
  file('wxss', '.sheet { width: 500rpx; height: 10rpx; }');
  return path.join(dir, 'box');
}

describeBrowser('the visual harness at 375 px', () => {
  it('draws inline and stylesheet rpx at half a pixel each', async () => {
    const comp = simulate.render(simulate.load(twoBoxes()));
    const { document } = globalThis as unknown as { document: { createElement(tag: string): unknown } };
    comp.attach(document.createElement('main') as never);
    const browser = await launchBrowser();
    try {
      const page = await openHtml(browser, pageForBrowser(comp as never), WIDTHS.phone);
      const width = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().width);
      expect(await width('[class*="inline"]')).toBe(150);
      expect(await width('[class*="sheet"]')).toBe(250);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
