/**
 * The 指南's QR code: made in-process as SVG and read back by a real decoder (jsQR) from the pixels the SVG draws —
 * what a phone's camera does, minus the camera.
 */
import jsQR from 'jsqr';
import { qrModules, qrSvg } from '../../../shared/portal/qr';
import { guidePage, requestLinkOf } from '../../../shared/portal/pages';

const ORGAN = { name: '扎毛乡人民政府', address: '扎毛乡政府大院', contactPhone: '0973-8888888' };

/** The SVG's dark squares (`M{x} {y}h1v1h-1z`) drawn as black pixels on white, `scale` px a module. */
function decodeSvg(svg: string, scale = 4): string | null {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const width = side * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g))
    for (let dy = 0; dy < scale; dy++)
      for (let dx = 0; dx < scale; dx++) {
        const at = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, at, at + 3);
      }
  return jsQR(pixels, width, width)?.data ?? null;
}

describe('QR code as SVG', () => {
  it('decodes to the text it was made from', () => {
    const link = 'https://www.example.gov.cn/zmx/guide.html#apply';
    const svg = qrSvg(link, '二维码');
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-label="二维码"/);
    expect(decodeSvg(svg)).toBe(link);
    // A different text, a different code: the decoder is not reading something fixed.
    expect(decodeSvg(qrSvg('http://127.0.0.1:8787/guide.html#apply', 'x'))).toBe(
      'http://127.0.0.1:8787/guide.html#apply',
    );
  });

  it('is square with its finder patterns, and refuses text a scanner would misread (not ASCII)', () => {
    const m = qrModules('https://a.cn/');
    expect(m.length).toBe(m[0]?.length);
    // The top-left finder: a dark 7×7 ring.
    expect(m[0]?.slice(0, 7)).toEqual([true, true, true, true, true, true, true]);
    expect(() => qrModules('https://扎毛乡.cn/')).toThrow(/ASCII/);
  });
});

describe('the portal 指南 with its QR code', () => {
  it('carries the 申请方式 address of the site, next to the online-request text', () => {
    const page = guidePage(ORGAN, requestLinkOf('https://www.example.gov.cn/zmx'));
    const figure = /<figure class="gk-qr" id="request-qr">[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    expect(decodeSvg(figure)).toBe('https://www.example.gov.cn/zmx/guide.html#apply');
    expect(page).toContain('<h3 id="apply">（二）申请方式</h3>');
    expect(page.indexOf('id="request-qr"')).toBeGreaterThan(page.indexOf('id="apply"'));
    expect(page).toContain('扫描本指南所附二维码');
  });

  it('without the site address shows no code and does not speak of one', () => {
    const page = guidePage(ORGAN, requestLinkOf(''));
    expect(page).not.toContain('<svg');
    expect(page).not.toContain('二维码');
    expect(page).toContain('在微信中搜索小程序名称');
  });
});
