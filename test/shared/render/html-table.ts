/**
 * A small reader of the renderer's HTML tables for tests, written independently of the layout code:
 * cells with their spans and attributes, and the grid they cover honouring rowspan and colspan.
 */
export interface ParsedCell {
  tag: 'th' | 'td';
  text: string;
  rowSpan: number;
  colSpan: number;
  dataCell: string | null;
  classes: string[];
  title: string | null;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

function attr(attrs: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return match?.[1] === undefined ? null : unescape(match[1]);
}

export function tableHtml(html: string, id: string): string {
  const match = new RegExp(`<table id="${id}"[^>]*>([\\s\\S]*?)</table>`).exec(html);
  if (!match?.[1]) throw new Error(`no table ${id}`);
  return match[1];
}

export function parseRows(table: string): ParsedCell[][] {
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<(th|td)([^>]*)>([\s\S]*?)<\/\1>/g)].map((m) => {
      const attrs = m[2] ?? '';
      return {
        tag: m[1] === 'td' ? 'td' : 'th',
        text: unescape((m[3] ?? '').replace(/<[^>]+>/g, '')),
        rowSpan: Number(attr(attrs, 'rowspan') ?? '1'),
        colSpan: Number(attr(attrs, 'colspan') ?? '1'),
        dataCell: attr(attrs, 'data-cell'),
        classes: (attr(attrs, 'class') ?? '').split(' ').filter(Boolean),
        title: attr(attrs, 'title'),
      };
    }),
  );
}

/** The grid covered by the rows; a position nothing covers stays undefined (so tests can see holes). */
export function gridOf(rows: ParsedCell[][]): (ParsedCell | undefined)[][] {
  const grid: (ParsedCell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r]?.[c]) c += 1;
      for (let dr = 0; dr < cell.rowSpan; dr += 1) {
        for (let dc = 0; dc < cell.colSpan; dc += 1) {
          const line = grid[r + dr];
          if (!line) throw new Error(`rowspan beyond the table at row ${r}`);
          if (line[c + dc]) throw new Error(`overlap at ${r + dr},${c + dc}`);
          line[c + dc] = cell;
        }
      }
      c += cell.colSpan;
    }
  });
  return grid;
}

/** Distinct texts of the cells in one grid column over the given rows, top to bottom. */
export function columnTexts(grid: (ParsedCell | undefined)[][], column: number, rows: number[]): string[] {
  const cells = rows.map((r) => grid[r]?.[column]).filter((c): c is ParsedCell => c !== undefined);
  return [...new Set(cells)].map((c) => c.text);
}

/** Distinct texts of the cells in one grid row over the given columns, left to right. */
export function rowTexts(grid: (ParsedCell | undefined)[][], row: number, columns: number[]): string[] {
  const cells = columns.map((c) => grid[row]?.[c]).filter((c): c is ParsedCell => c !== undefined);
  return [...new Set(cells)].map((c) => c.text);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** Where the cell with this data-cell sits. */
export function positionOf(grid: (ParsedCell | undefined)[][], address: string): { row: number; column: number } {
  for (const [row, line] of grid.entries()) {
    const column = line.findIndex((c) => c?.dataCell === address);
    if (column >= 0) return { row, column };
  }
  throw new Error(`no cell ${address}`);
}
