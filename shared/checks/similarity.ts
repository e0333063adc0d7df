/**
 * How alike two texts are, as a county reviewer can check by hand: the Dice coefficient of their sets of
 * character bigrams (2·|A∩B| / (|A|+|B|)), over the text without spaces, punctuation and digits (a copy with
 * its years changed is still a copy). 1 is the same text, 0 shares no pair of adjacent characters.
 */

/** The text as compared: full-width forms folded, no white space, punctuation, symbols or digits. */
export function comparableText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\p{P}\p{S}\p{N}]/gu, '');
}

function bigrams(text: string): Set<string> {
  const chars = [...comparableText(text)];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Dice coefficient of character bigrams, 0–1; 0 when either text has fewer than two characters. */
export function textSimilarity(a: string, b: string): number {
  const [x, y] = [bigrams(a), bigrams(b)];
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}
