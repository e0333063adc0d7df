/**
 * A PDF's text layer, read by pdfjs-dist 4 (pure JS, Node ≥ 20) in its own Node process: pdfjs-dist is
 * ESM only, and a child process loads it the same way under tsx and under jest. A PDF with no text layer
 * (a scan: images only) is refused as unreadable, never read as an empty report.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export class PdfUnreadableError extends Error {}

/** Fewer printable characters than this on every page: a scan, not a text PDF. */
const MIN_TEXT = 20;

export function pdfText(file: string): string {
  let text: string;
  try {
    text = execFileSync(process.execPath, [path.join(__dirname, 'pdf-text.mjs'), file], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new PdfUnreadableError(`PDF 无法解析${stderr ? `：${stderr}` : ''}`);
  }
  const pages = text.split('\f');
  if (pages.every((p) => p.replace(/\s/g, '').length < MIN_TEXT))
    throw new PdfUnreadableError(
      `PDF 没有文字层（${pages.length} 页均为图像，可能是扫描件），无法读取；请提供 Word 文档或网页文本`,
    );
  return text.replace(/\f/g, '');
}
