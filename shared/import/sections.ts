/**
 * The six parts of a report, found by their headings (一、总体情况 … 六、其他需要报告的事项). A heading is a
 * short line that starts with the part's own numeral (一、 一. 一． 第一部分 …) and names the part by a
 * keyword, or a line that is exactly the part's title. Parts are found in order; a missing part stays
 * empty. What comes before 一 (title, preamble) is returned apart.
 */
import { FORMAT_2021, SECTION_KEYS, type SectionKey } from '../format';
import { halfWidth, labelKey } from './normalize';

export interface Line {
  text: string;
  /** Index in the input, for ordering tokens. */
  line: number;
}

export interface SectionLines {
  preamble: Line[];
  parts: Record<SectionKey, Line[]>;
  found: SectionKey[];
}

const KEYWORDS: Record<SectionKey, RegExp> = {
  overview: /总体情况|概述|总体概况|基本情况|工作概况/,
  proactive: /主动公开/,
  applications: /(?:收到|处理|受理).*申请|依申请公开/,
  reviewLitigation: /复议|诉讼/,
  problems: /问题|改进|不足/,
  other: /其他|其它/,
};

const NUMBERED = /^第?([一二三四五六])(?:部分)?\s*(?:[、.,:]\s*|\s+)(.+)$/;
/** Only when a report numbers none of its parts 一、: （一）总体情况 … */
const PARENTHESISED = /^\(([一二三四五六])\)\s*(.+)$/;
/** Markdown or Word artefacts around a heading: “# ”, “**…**”. */
const DECORATION = /^#+\s*|\*\*/g;

function titles(key: SectionKey): string[] {
  const title = FORMAT_2021.sections.find((s) => s.key === key)?.title ?? '';
  return [title, `政府信息公开${title}`, title.replace('改进情况', '改进措施')].map(labelKey);
}

/** The heading's own words and any text after it on the same line. */
function splitHead(rest: string): { head: string; body: string } {
  const stop = rest.search(/[。:：]/);
  if (stop >= 0 && stop <= 30) return { head: rest.slice(0, stop), body: rest.slice(stop + 1).trim() };
  return { head: rest, body: '' };
}

/** The part a line opens, with the text that follows the heading on that line, or null. */
export function headingOf(raw: string, parenthesised = false): { key: SectionKey; body: string } | null {
  const text = halfWidth(raw).replace(DECORATION, '').trim();
  const numbered = (parenthesised ? PARENTHESISED : NUMBERED).exec(text);
  if (numbered) {
    const index = '一二三四五六'.indexOf(numbered[1] ?? '');
    const key = SECTION_KEYS[index];
    const { head, body } = splitHead(numbered[2] ?? '');
    if (key && [...head].length <= 30 && !/\t|\d/.test(head) && KEYWORDS[key].test(head)) return { key, body };
    return null;
  }
  const key = SECTION_KEYS.find((k) => titles(k).includes(labelKey(text)));
  return key ? { key, body: '' } : null;
}

/** Parts by 一、 headings; by （一） headings when that finds more (a report that numbers its parts so). */
export function splitSections(lines: readonly Line[]): SectionLines {
  const plain = splitBy(lines, false);
  if (plain.found.length >= 3) return plain;
  const parenthesised = splitBy(lines, true);
  return parenthesised.found.length > plain.found.length ? parenthesised : plain;
}

function splitBy(lines: readonly Line[], parenthesised: boolean): SectionLines {
  const parts = Object.fromEntries(SECTION_KEYS.map((k) => [k, [] as Line[]])) as Record<SectionKey, Line[]>;
  const preamble: Line[] = [];
  const found: SectionKey[] = [];
  let current: SectionKey | null = null;
  for (const line of lines) {
    const heading = headingOf(line.text, parenthesised);
    const later = heading && SECTION_KEYS.indexOf(heading.key) > (current ? SECTION_KEYS.indexOf(current) : -1);
    if (heading && later) {
      current = heading.key;
      found.push(current);
      if (heading.body) parts[current].push({ text: heading.body, line: line.line });
      continue;
    }
    (current ? parts[current] : preamble).push(line);
  }
  return { preamble, parts, found };
}

/** A line that stops mid-sentence: long, without closing punctuation (a paste broke the paragraph there). */
function breaksMidSentence(line: string, next: string): boolean {
  return [...line].length >= 20 && !/[。！？；：:;!?…」』”’）)】]$/.test(line) && !/^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．])/.test(next);
}

/** Prose as stored: trimmed lines, no empty lines, no Markdown bold markers, paragraphs a paste broke rejoined. */
export function proseText(lines: readonly Line[]): string {
  const texts = lines.map((l) => l.text.replace(/\*\*/g, '').trim()).filter((t) => t.length > 0);
  let out = '';
  texts.forEach((t, i) => {
    const prev = texts[i - 1];
    out += i === 0 ? t : prev !== undefined && breaksMidSentence(prev, t) ? t : `\n${t}`;
  });
  return out;
}
