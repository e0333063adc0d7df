/**
 * Keyword search keys of an item: every character and every pair of adjacent characters of its title and 文号,
 * lower-cased, within runs of letters and digits (punctuation and spaces split runs). Stored with the item, they
 * let a keyword be found with `$all` of its own pairs — an array query CloudBase and the local server both answer
 * from the documents' fields, never a regex over bodies. A one-character keyword looks for that character.
 */
const RUNS = /[\p{L}\p{N}]+/gu;

function runs(text: string): string[][] {
  return (text.toLowerCase().match(RUNS) ?? []).map((run) => [...run]);
}

export function searchGrams(...texts: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    for (const chars of runs(text ?? '')) {
      chars.forEach((c, i) => {
        out.add(c);
        if (i + 1 < chars.length) out.add(c + chars[i + 1]);
      });
    }
  }
  return [...out];
}

/** What a keyword must all find among an item's grams; empty when it has no letter or digit. */
export function keywordGrams(keyword: string): string[] {
  const out = new Set<string>();
  for (const chars of runs(keyword)) {
    if (chars.length === 1) out.add(chars[0] ?? '');
    for (let i = 0; i + 1 < chars.length; i++) out.add((chars[i] ?? '') + (chars[i + 1] ?? ''));
  }
  return [...out];
}
