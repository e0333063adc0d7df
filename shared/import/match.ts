/**
 * Fuzzy label matching: how well a piece of pasted text names a table row. Exact (after normalisation) is
 * 1; a label found inside longer text (a group label spilled into the same cell) scores high; otherwise a
 * bigram similarity tolerates typos and dropped characters.
 */
import { EXACT_ONLY, ROW_ALIASES } from './aliases';
import { isLayout } from './layout';
import { labelKey } from './normalize';
import type { TextToken } from './tokens';

export interface RowSpec {
  key: string;
  /** The official label, for messages. */
  label: string;
  /** Normalised labels (official + aliases) to compare against. */
  keys: readonly string[];
  /** The row's cells in column order. */
  cells: readonly string[];
}

/** Below this, text does not name the row. */
export const MATCH_THRESHOLD = 0.55;

function bigrams(s: string): string[] {
  const chars = [...s];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i] ?? ''}${c}`);
}

/** Sørensen–Dice similarity of the character bigrams. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common += 1;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** How well normalised text names a normalised label, 0..1. */
export function similarity(text: string, label: string): number {
  if (text === '' || label === '') return 0;
  if (text === label) return 1;
  if (EXACT_ONLY.has(label)) return 0;
  const tl = [...text].length;
  const ll = [...label].length;
  if (ll >= 2 && text.includes(label)) return 0.8 + (0.2 * ll) / tl;
  // A label cut short (a cell that wrapped onto the next line) still names its row.
  if (tl >= 5 && label.startsWith(text)) return 0.6 + (0.3 * tl) / ll;
  return dice(text, label);
}

export function rowSpec(key: string, label: string, cells: readonly string[]): RowSpec {
  const keys = [label, ...(ROW_ALIASES[key] ?? [])].map(labelKey).filter((k) => k.length > 0);
  return { key, label, keys: [...new Set(keys)], cells };
}

function bestOf(key: string, rows: readonly RowSpec[]): number {
  return Math.max(0, ...rows.flatMap((row) => row.keys.map((k) => similarity(key, k))));
}

/**
 * Texts that may name the row whose numbers follow: the nearest cell and its last words; that cell joined
 * to the one before, when joining completes a label the earlier cell only began (a label split over two
 * cells or lines); the cell before alone, a little less, when the nearest is only layout (a spilled header).
 * A label-only cell before the nearest, for a row that printed no numbers, must not take these numbers.
 */
export function candidateTexts(
  texts: readonly TextToken[],
  rows: readonly RowSpec[],
): { key: string; weight: number }[] {
  const last = texts[texts.length - 1];
  if (!last) return [];
  const words = last.text.split(' ');
  const out = [
    last.text,
    ...Array.from({ length: Math.min(words.length, 4) - 1 }, (_, n) => words.slice(-(n + 1)).join(' ')),
  ].map((t) => ({
    key: labelKey(t),
    weight: 1,
  }));
  const before = texts[texts.length - 2];
  if (before) {
    const joined = labelKey(`${before.text}${last.text}`);
    if (bestOf(joined, rows) > bestOf(labelKey(before.text), rows)) out.push({ key: joined, weight: 1 });
    if (isLayout(last.text)) out.push({ key: labelKey(before.text), weight: 0.9 });
  }
  return out;
}

/** Score of each row for the texts before a run of numbers (0 when below the threshold). */
export function scoreRows(texts: readonly TextToken[], rows: readonly RowSpec[]): number[] {
  const candidates = candidateTexts(texts, rows);
  return rows.map((row) => {
    let best = 0;
    for (const c of candidates) {
      for (const k of row.keys) best = Math.max(best, similarity(c.key, k) * c.weight);
    }
    return best >= MATCH_THRESHOLD ? best : 0;
  });
}
