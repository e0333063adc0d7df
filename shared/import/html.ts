/**
 * mammoth's HTML → the text a person would paste: one line per paragraph or heading, one line per table
 * row with its cells separated by tabs (a merged cell appears once, where Word puts it). mammoth's HTML
 * is simple and well formed, so a tag scanner is enough; nested tables are flattened into their cell.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr']);

/** A saved web page: what a reader sees, without the head, scripts, styles and comments. */
function visible(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(head|script|style|noscript|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(
      /<(?:div|section|article|header|footer|nav|ul|ol|dl|dt|dd|table|tbody|thead)\b[^>]*>/gi,
      (t) => `${t}<br>`,
    );
}

export function htmlToText(html: string): string {
  html = visible(html);
  const lines: string[] = [];
  let line = '';
  let cell: string[] | null = null;
  let cells: string[] = [];
  let tableDepth = 0;
  const endLine = (): void => {
    if (line.trim() !== '') lines.push(line.replace(/\s+/g, ' ').trim());
    line = '';
  };
  const tag = /<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const text = m[4];
    if (text !== undefined) {
      if (cell) cell.push(decode(text));
      else line += decode(text);
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (name === 'table') tableDepth += closing ? -1 : 1;
    if (tableDepth > 1) {
      // Inside a nested table: its text joins the outer cell.
      if (cell && !closing && (BLOCK.has(name) || name === 'td' || name === 'th')) cell.push(' ');
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (closing && cell) {
        cells.push(cell.join('').replace(/\s+/g, ' ').trim());
        cell = null;
      } else if (!closing) {
        cell = [];
      }
    } else if (name === 'tr') {
      if (closing) {
        lines.push(cells.join('\t'));
        cells = [];
      } else {
        cells = [];
      }
    } else if (name === 'br' || BLOCK.has(name)) {
      if (cell) cell.push(' ');
      else endLine();
    }
  }
  endLine();
  return lines.join('\n');
}
