/**
 * Text clean-up shared by the importer: pasted text carries full-width forms, odd spaces and zero-width
 * characters; labels carry numbering, notes in parentheses and typos that must not decide a match.
 */

/** Removes what a paste adds but never means anything: BOM, zero-width characters, non-breaking spaces, CR. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2002-\u200a\u202f\u205f]/g, ' ')
    .replace(/\r\n?/g, '\n');
}

/** Full-width letters, digits and punctuation to ASCII (（ → (, ０ → 0, ： → :); the ideographic space to a space. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Known misprints and wording variants of label words, applied before matching (data, not logic). */
const WORD_FIXES: readonly (readonly [RegExp, string])[] = [
  [/以获取/g, '已获取'],
  [/不再受理/g, '不再处理'],
  [/本年度?止件数/g, '本年废止件数'],
  [/本年制发文件/g, '本年制发件数'],
  [/改进措施/g, '改进情况'],
  [/其它/g, '其他'],
  [/帐/g, '账'],
];

const NUMBERING = /^(?:第?[一二三四五六七八九十]+[、.,:]|\([一二三四五六七八九十\d]+\)|\d+[.、):]|[①-⑳])/;

/** Strips leading numbering such as 一、 (三) 1. ②, repeatedly (a label may carry its group's number too). */
export function stripNumbering(text: string): string {
  let out = text.trim();
  for (let m = NUMBERING.exec(out); m; m = NUMBERING.exec(out)) out = out.slice(m[0].length).trim();
  return out;
}

/**
 * The form labels are compared in: half-width, no spaces, no leading numbering, no parenthesised notes,
 * no punctuation or quotes, known variants fixed. “(二) 部分公开(区分处理的…)” → “部分公开”.
 */
export function labelKey(text: string): string {
  let out = halfWidth(text).replace(/\s+/g, '');
  out = stripNumbering(out);
  out = out.replace(/\([^()]*\)/g, '');
  out = out.replace(/[\p{P}\p{S}]/gu, '');
  for (const [pattern, replacement] of WORD_FIXES) out = out.replace(pattern, replacement);
  return out;
}

/** Chinese digits of a year (二〇二三, 二零二三) to a number; null when it is not four digits. */
export function chineseYear(text: string): number | null {
  const digits = '〇一二三四五六七八九';
  let out = '';
  for (const ch of text) {
    const d = ch === '零' || ch === '○' || ch === 'O' || ch === 'o' ? 0 : digits.indexOf(ch);
    if (d < 0) return null;
    out += String(d);
  }
  return out.length === 4 ? Number(out) : null;
}
