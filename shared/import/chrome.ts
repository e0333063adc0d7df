/**
 * The lines a government portal wraps a report in — toolbars (打印本页 关闭窗口), metadata (来源：… 时间：…,
 * 索引号), share links — found by the data in aliases.ts. They are dropped before the report is read, so
 * they reach neither the title nor the sections.
 */
import { CHROME_FIELDS, CHROME_WORDS, PAGE_NUMBERS, SIMPLIFIED_CHARS, TRADITIONAL_CHARS } from './aliases';
import { halfWidth } from './normalize';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const FIELD = new RegExp(`^[•·*|【[-]*(?:${CHROME_FIELDS.map(escape).join('|')})[:：]`);
const WORDS = new RegExp(
  [...CHROME_WORDS]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|'),
  'g',
);
const PAGE = PAGE_NUMBERS.map((p) => new RegExp(p));
const MAX_LENGTH = 150;

/** The legends our own renderings print under a table (shared/render): not the report's text. */
const OWN_LEGENDS = [/^\*\s*原报告未印出，由表内合计推算。$/];

/** True for a line that is only portal chrome (a toolbar, a metadata field, a share link) or a page number. */
export function isChrome(line: string): boolean {
  if (PAGE.some((p) => p.test(halfWidth(line).trim()))) return true;
  if (OWN_LEGENDS.some((p) => p.test(line.trim()))) return true;
  const text = halfWidth(line).replace(/\s+/g, '');
  if (text === '' || text.length > MAX_LENGTH || /。/.test(text)) return false;
  if (FIELD.test(text)) return true;
  return text.replace(/[【】[\]()|:<>《》]/g, '').replace(WORDS, '') === '' && /[\u4e00-\u9fff]/.test(text);
}

/** A traditional-script copy of a report (a mirror page): more traditional than simplified forms of its words. */
export function isTraditionalScript(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (TRADITIONAL_CHARS.includes(ch)) traditional += 1;
    else if (SIMPLIFIED_CHARS.includes(ch)) simplified += 1;
  }
  return traditional >= 10 && traditional > simplified;
}
