/**
 * Prints the text layer of a PDF, one printed line a line, pages separated by a form feed.
 * Run as its own Node process (pdfjs-dist 4 is ESM only; the CLI and jest load it this way alike):
 *   node cli/pdf-text.mjs <file.pdf>
 * A line is the run of text items at one baseline; items on a line are joined by a space when the gap
 * between them is wider than a third of the font height (table cells), without one otherwise.
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function pageLines(page) {
  const content = await page.getTextContent();
  const rows = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [, , , scaleY, x, y] = item.transform;
    const height = Math.abs(scaleY) || item.height || 10;
    let row = rows.find((r) => Math.abs(r.y - y) <= height * 0.3);
    if (!row) rows.push((row = { y, items: [] }));
    row.items.push({ x, width: item.width, height, str: item.str });
  }
  rows.sort((a, b) => b.y - a.y);
  return rows.map((row) => {
    row.items.sort((a, b) => a.x - b.x);
    let line = '';
    let end = null;
    for (const it of row.items) {
      if (end !== null && it.x - end > it.height / 3) line += ' ';
      line += it.str;
      end = it.x + it.width;
    }
    return line.replace(/\s+$/, '');
  });
}

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node cli/pdf-text.mjs <file.pdf>\n');
  process.exit(2);
}
try {
  const data = new Uint8Array(readFileSync(file));
  const doc = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages = [];
  for (let p = 1; p <= doc.numPages; p++) pages.push((await pageLines(await doc.getPage(p))).join('\n'));
  process.stdout.write(pages.join('\n\f\n') + '\n');
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
