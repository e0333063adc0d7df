/**
 * The measurements catch what they are for: a pale zero (#a0a6ad on white, about 2.5:1), a header broken inside a
 * word, a page wider than the phone, an image without text for axe — and pass a page without those faults. Also
 * the way the mini program pages will come in: a DOM fragment with WXSS in rpx.
 */
import type { Browser } from 'playwright-core';
import {
  WIDTHS,
  axeSerious,
  boxes,
  brokenWords,
  contrasts,
  describeBrowser,
  launchBrowser,
  lowContrasts,
  openHtml,
  overflow,
  rpxToPx,
} from './harness';

it('turns rpx into px at the screen width (750 rpx = the width)', () => {
  expect(rpxToPx('.a { width: 750rpx; margin: -10rpx 0 1.5rpx; }')).toBe('.a { width: 375px; margin: -5px 0 0.75px; }');
  expect(rpxToPx('.a { width: 100rpx }', 414)).toBe('.a { width: 55.2px }');
});

describeBrowser('browser harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(() => browser?.close());

  const FAULTY = `<main><h1>报告</h1>
<table><tr><th style="width:50px;padding:0;font-size:16px">商业企业</th><td style="color:#a0a6ad">0</td></tr></table>
<div style="width:600px">宽</div><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>`;
  const CLEAN = `<main><h1>报告</h1>
<table><tr><th style="white-space:nowrap">商业企业</th><td style="color:#57606a">0</td></tr></table>
<div style="width:300px">窄</div><img alt="图" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main>`;

  it('finds a pale zero, a broken header, page overflow and a serious axe violation', async () => {
    const page = await openHtml(browser, { html: FAULTY }, WIDTHS.phone);
    const low = lowContrasts(await contrasts(page));
    expect(low).toEqual([
      expect.objectContaining({ text: '0', color: 'rgb(160,166,173)', background: 'rgb(255,255,255)' }),
    ]);
    expect(low[0]?.ratio).toBeCloseTo(2.5, 1);
    expect(await brokenWords(page, 'th')).toEqual([expect.objectContaining({ text: '商业企业' })]);
    expect(await overflow(page)).toBeGreaterThan(200);
    expect((await axeSerious(page)).map((v) => v.id)).toContain('image-alt');
    await page.context().close();
  }, 60_000);

  it('passes the same page without the faults, and measures boxes of a fragment styled in rpx', async () => {
    const page = await openHtml(
      browser,
      {
        html: `${CLEAN}<view class="label">标签</view>`,
        css: rpxToPx('view.label { display: block; width: 300rpx; }'),
      },
      WIDTHS.phone,
    );
    expect(lowContrasts(await contrasts(page))).toEqual([]);
    expect(await brokenWords(page, 'th')).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(await axeSerious(page)).toEqual([]);
    expect((await boxes(page, 'view.label'))[0]?.width).toBe(150);
    await page.context().close();
  }, 60_000);
});
