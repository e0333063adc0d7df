/**
 * The six parts of a report, found by their headings (一、总体情况 … 六、其他需要报告的事项). A heading is a
 * line that starts with the part's own numeral (一、 一. 一． 第一部分 …) and names the part by a keyword in
 * its first words (text may follow on the same line), or a line that is exactly the part's title. Parts
 * are found in order; a missing part stays empty. What comes before 一 (title, preamble) is returned
 * apart. A page that ran the report into one line is cut at the headings inside it first.
 */
import { FORMAT_2021, SECTION_KEYS, type SectionKey } from '../format';
import { halfWidth, labelKey, stripNumbering } from './normalize';

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
  overview: /总体.{0,4}情况|概述|总体概况|基本情况|工作概况/,
  proactive: /主动公开/,
  applications: /(?:收到|处理|受理).*申请|依申请公开/,
  reviewLitigation: /复议|诉讼/,
  problems: /问题|改进|不足/,
  other: /其他|其它/,
};

/** The words of a part's full title, however numbered. */
const FULL_TITLE: Record<SectionKey, RegExp> = {
  overview: /^(?:政府信息公开(?:工作)?)?总体情况$/,
  proactive: /主动公开政府信息(?:的)?情况/,
  applications: /收到和处理政府信息公开申请/,
  reviewLitigation: /行政复议.{0,4}行政诉讼|复议.{0,2}诉讼情况/,
  problems: /存在的主要问题/,
  other: /其他需要报告的事项/,
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

/**
 * Ways to read a heading's own words and the text after it on the same line: up to the first space when
 * that comes before any colon or full stop (“一、总体情况 本年度报告根据…”; not a head cut after “、”), up to a
 * colon or full stop, or the whole line. headingOf takes the first that names the part.
 */
function splitHeads(rest: string): { head: string; body: string }[] {
  const stop = rest.search(/[。:：]/);
  const space = rest.search(/\s/);
  const out: { head: string; body: string }[] = [];
  const beforeSpace = rest.slice(0, space);
  if (space > 0 && space <= 30 && (stop < 0 || space < stop) && !/[、，,和及与]$/.test(beforeSpace))
    out.push({ head: beforeSpace, body: rest.slice(space).trim() });
  if (stop >= 0 && stop <= 30) out.push({ head: rest.slice(0, stop), body: rest.slice(stop + 1).trim() });
  out.push({ head: rest, body: '' });
  return out;
}

/** A heading may state the year (“一、2023年政务公开总体情况”), but no other number. */
function numberFree(head: string): boolean {
  return !/\t/.test(head) && !/\d/.test(head.replace(/\d{4}\s*年度?/g, ''));
}

/** Text after a heading as printed (full-width punctuation kept), when the line's normal form kept its length. */
function asPrinted(raw: string, body: string): string {
  const printed = raw.trim().slice(raw.trim().length - body.length);
  return body !== '' && halfWidth(printed).trim() === body ? printed.trim() : body;
}

/** The part a line opens, with the text that follows the heading on that line, or null. */
export function headingOf(raw: string, parenthesised = false): { key: SectionKey; body: string } | null {
  const text = halfWidth(raw).replace(DECORATION, '').trim();
  const numbered = (parenthesised ? PARENTHESISED : NUMBERED).exec(text);
  if (numbered) {
    const index = '一二三四五六'.indexOf(numbered[1] ?? '');
    const key = SECTION_KEYS[index];
    const heads = splitHeads(numbered[2] ?? '').filter(({ head }) => [...head].length <= 30 && numberFree(head));
    const found = key ? heads.find(({ head }) => KEYWORDS[key].test(head)) : undefined;
    if (key && found) return { key, body: asPrinted(raw, found.body) };
    // Numbered otherwise than the national format (a report without part 四 numbers 存在的问题 as 四): the
    // part is known by its full title's words, never by a keyword alone (一、主动公开 inside 一 is a sub-part).
    for (const { head, body } of heads) {
      const byTitle = SECTION_KEYS.filter((k) => FULL_TITLE[k].test(head));
      if (byTitle.length === 1 && byTitle[0]) return { key: byTitle[0], body: asPrinted(raw, body) };
    }
    return null;
  }
  // A bare title; not a numbered sub-heading that repeats it (（一）主动公开政府信息情况 under 一).
  if (stripNumbering(text) !== text) return null;
  const key = SECTION_KEYS.find((k) => titles(k).includes(labelKey(text)));
  return key ? { key, body: '' } : null;
}

/** A line this long is a whole report (or several parts) run together: a page that lost its line breaks. */
const RUN_TOGETHER = 150;

/** Such a line cut before each heading it holds (“… 如下： 一、总体情况 … 二、主动公开政府信息情况 …”). */
function cutAtHeadings(line: Line): Line[] {
  if ([...line.text].length < RUN_TOGETHER) return [line];
  const cuts = [...line.text.matchAll(/(^|[\s。；;:：！!？?])[一二三四五六][、.．]/g)]
    .map((m) => (m.index ?? 0) + (m[1] ?? '').length)
    .filter((at) => at > 0 && headingOf(line.text.slice(at)) !== null);
  const starts = [0, ...cuts];
  return starts.map((at, i) => ({
    text: line.text.slice(at, starts[i + 1] ?? line.text.length).trim(),
    line: line.line,
  }));
}

/** Parts by 一、 headings; by （一） headings when that finds more (a report that numbers its parts so). */
export function splitSections(input: readonly Line[]): SectionLines {
  const lines = input.flatMap(cutAtHeadings);
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
  return (
    [...line].length >= 20 &&
    !/[。！？；：:;!?…」』”’）)】]$/.test(line) &&
    !/^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[.、．])/.test(next)
  );
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
