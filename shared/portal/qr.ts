/**
 * A QR code as inline SVG, made here (qrcode-generator, pure JS): no image service, works offline and in a static
 * export. Medium error correction (15%: survives a printed page's wear), the standard quiet zone of 4 modules, the
 * dark modules as one path, black on white (what every scanner reads best).
 */
import qrcode from 'qrcode-generator';
import { escapeHtml as e } from '../render/text';

const QUIET_ZONE = 4;

/** The dark modules of `text`'s QR code, row by row (true = dark). Byte mode: `text` must be ASCII (a URL). */
export function qrModules(text: string): boolean[][] {
  if (!/^[\x20-\x7e]+$/.test(text)) throw new Error('QR text must be printable ASCII (percent-encode a URL)');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)));
}

/** `<svg>` of the code, `size` px wide, described for screen readers by `label`. */
export function qrSvg(text: string, label: string, size = 160): string {
  const modules = qrModules(text);
  const side = modules.length + 2 * QUIET_ZONE;
  const path = modules
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z` : '')))
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${side} ${side}" ` +
    `shape-rendering="crispEdges" role="img" aria-label="${e(label)}">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
