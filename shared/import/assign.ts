/**
 * Which numbers belong to which row. The token stream is cut into segments (the texts before a run of
 * values, and the run); each segment is scored against every row by its label; an order-preserving
 * assignment (like a sequence alignment) picks the best consistent matching, so a label that repeats
 * (“1.” under （三）（四）（五）（六）, “其他” as a column and as a row) is settled by where it stands.
 * Segments whose label names no row take the one row left in their gap, if the gap leaves exactly as
 * many rows as segments.
 */
import { scoreRows, type RowSpec } from './match';
import { isValue, type TextToken, type Token, type ValueToken } from './tokens';

export interface Segment {
  texts: TextToken[];
  values: ValueToken[];
  /** Blank cells printed between the label and the first value (or the next label): see tables.ts. */
  lead?: number;
  /** Blank cells printed after the last value, before the next label (pipe tables): see tables.ts. */
  trail?: number;
  /** Why the values could not be used, when they were dropped. */
  unreadable?: string;
}

/**
 * Cuts the stream at each text that follows a value or a blank cell after a label; a segment without
 * values or blanks is only layout.
 */
export function segments(tokens: readonly Token[]): Segment[] {
  const out: Segment[] = [];
  let texts: TextToken[] = [];
  let values: ValueToken[] = [];
  let lead = 0;
  let trail = 0;
  const close = (): void => {
    out.push({ texts, values, ...(lead > 0 ? { lead } : {}), ...(trail > 0 ? { trail } : {}) });
    texts = [];
    values = [];
    lead = 0;
    trail = 0;
  };
  for (const token of tokens) {
    if (token.kind === 'blank' && token.lead && values.length === 0) {
      lead += 1;
      continue;
    }
    if (token.kind === 'blank' && token.trail) {
      trail += 1;
      continue;
    }
    if (isValue(token)) {
      values.push(token);
      continue;
    }
    if (values.length > 0 || lead > 0) close();
    texts.push(token);
  }
  if (values.length > 0 || lead > 0) close();
  return out;
}

export interface OverflowRule {
  /** The width of the row the segment's label names (0: do not split). */
  width: (s: Segment) => number;
  /** Whether values can be that row's (its own total holds). */
  fits: (s: Segment, values: readonly ValueToken[]) => boolean;
}

/**
 * A run longer than its row: the row's numbers, then rows whose labels were lost. A whole multiple of the
 * width is cut into rows (the extra ones label-less, for the gaps). Otherwise something is missing or
 * extra (a short row ahead, a page number after): the first `width` values stay only if the row's own
 * total holds for them and not for the last `width` (which would make them a row of their own), and the
 * rest is dropped; if not, the run cannot be cut and the row is unreadable.
 */
export function splitOverflow(segs: readonly Segment[], rule: OverflowRule): Segment[] {
  const out: Segment[] = [];
  for (const seg of segs) {
    const width = rule.width(seg);
    if (width <= 0 || seg.values.length <= width) {
      out.push(seg);
      continue;
    }
    const head = seg.values.slice(0, width);
    if (seg.values.length % width !== 0) {
      // Either this row then stray numbers, or this row short and a label-less row after it: only the
      // first reading is taken, and only when the second does not fit.
      const ok = rule.fits(seg, head) && !rule.fits(seg, seg.values.slice(-width));
      out.push(
        ok
          ? { texts: seg.texts, values: head }
          : { texts: seg.texts, values: [], unreadable: `印有 ${seg.values.length} 个数，无法分清哪些属于本行` },
      );
      continue;
    }
    out.push({ texts: seg.texts, values: head });
    for (let i = width; i < seg.values.length; i += width)
      out.push({ texts: [], values: seg.values.slice(i, i + width) });
  }
  return out;
}

/** Best order-preserving matching of segments to rows by score; returns the row index of each segment or -1. */
function alignByScore(scores: readonly number[][], rowCount: number): number[] {
  const m = scores.length;
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(rowCount + 1).fill(0));
  const at = (i: number, j: number): number => best[i]?.[j] ?? 0;
  for (let i = 1; i <= m; i += 1) {
    const row = best[i];
    if (!row) continue;
    for (let j = 1; j <= rowCount; j += 1) {
      const s = scores[i - 1]?.[j - 1] ?? 0;
      row[j] = Math.max(at(i - 1, j), at(i, j - 1), s > 0 ? at(i - 1, j - 1) + s : 0);
    }
  }
  const assigned = new Array<number>(m).fill(-1);
  let i = m;
  let j = rowCount;
  while (i > 0 && j > 0) {
    const s = scores[i - 1]?.[j - 1] ?? 0;
    if (s > 0 && at(i, j) === at(i - 1, j - 1) + s) {
      assigned[i - 1] = j - 1;
      i -= 1;
      j -= 1;
    } else if (at(i, j) === at(i - 1, j)) {
      i -= 1;
    } else {
      j -= 1;
    }
  }
  return assigned;
}

/** Label-less segments take the rows left between their matched neighbours when the counts agree. */
function fillGaps(assigned: number[], unnamed: readonly boolean[], rowCount: number): void {
  let start = 0;
  while (start < assigned.length) {
    if (assigned[start] !== -1) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < assigned.length && assigned[end] === -1) end += 1;
    const before = start > 0 ? (assigned[start - 1] ?? -1) : -1;
    const after = end < assigned.length ? (assigned[end] ?? rowCount) : rowCount;
    const free = after - before - 1;
    const gap = Array.from({ length: end - start }, (_, k) => start + k);
    if (free === gap.length && gap.every((k) => unnamed[k])) gap.forEach((k, n) => (assigned[k] = before + 1 + n));
    start = end;
  }
}

/** The segment matched to each row (by row key); rows without a segment are absent. */
export function assignRows(segs: readonly Segment[], rows: readonly RowSpec[]): Map<string, Segment> {
  const scores = segs.map((s) => scoreRows(s.texts, rows));
  const assigned = alignByScore(scores, rows.length);
  fillGaps(
    assigned,
    scores.map((s) => s.every((x) => x === 0)),
    rows.length,
  );
  const out = new Map<string, Segment>();
  assigned.forEach((rowIndex, segIndex) => {
    const row = rows[rowIndex];
    const seg = segs[segIndex];
    if (row && seg) out.set(row.key, seg);
  });
  return out;
}
