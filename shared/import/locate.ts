/**
 * Where each table stands, found by what it is before where it is: a table starts at its own words — table
 * 二 at 第二十条第（一）项 or its header (本年制发件数, 本年新制作数量), table 三 at its note (勾稽关系), its
 * header (申请人情况) or its first row (本年新收政府信息公开申请数量), table 四 at its header (行政复议 over
 * 结果维持 … 尚未审结) — and runs to the next table's start or the next heading of a later part. So a table
 * under a heading numbered or worded otherwise than the national format (五、…复议和诉讼 where the
 * format has 四) is still found, and prose sub-parts numbered 一、二、 inside a part do not move it. The
 * section a table's heading names only breaks ties: of several places a table's words stand, the one
 * inside its own part is taken. Repeated page headers (a PDF prints the report's title atop each page) are
 * dropped from the table's lines; page numbers are portal chrome already (chrome.ts).
 */
import { SECTION_KEYS, type SectionKey, type TableKey } from '../format';
import { halfWidth } from './normalize';
import { headingOf, type Line, type SectionLines } from './sections';

/** A line this long is prose or a page run together: a table's words inside it are not its start. */
const MAX_ANCHOR_LENGTH = 150;

const STARTS: Record<Exclude<TableKey, 'reviewLitigation'>, RegExp> = {
  proactive: /第二十条第\s*\(?\s*一\s*\)?\s*项|本年制发件数|本年新制作数量/,
  applications: /勾稽关系|申请人情况|本年新收政府信息公开申请数量/,
};

/** Table 四's header words: 结果维持 with 结果纠正 and 尚未审结 within the next few lines. */
const REVIEW_WORDS = [/结果维持/, /结果纠正/, /尚未审结/] as const;
const REVIEW_SPAN = 8;

const flat = (text: string): string => halfWidth(text).replace(/\s+/g, '');

function reviewStarts(lines: readonly Line[]): number[] {
  const out: number[] = [];
  lines.forEach((line, i) => {
    if (!REVIEW_WORDS[0].test(flat(line.text))) return;
    const window = lines
      .slice(i, i + REVIEW_SPAN)
      .map((l) => flat(l.text))
      .join('');
    if (!REVIEW_WORDS.every((w) => w.test(window))) return;
    // The header's first row (行政复议 | 行政诉讼) stands just above 结果维持.
    let start = i;
    for (let k = i; k >= Math.max(0, i - 3); k -= 1) {
      const text = lines[k]?.text ?? '';
      if (/行政复议/.test(flat(text)) && headingOf(text) === null) start = k;
    }
    if (!out.includes(start)) out.push(start);
  });
  return out;
}

function candidates(key: TableKey, lines: readonly Line[]): number[] {
  const starts =
    key === 'reviewLitigation'
      ? reviewStarts(lines)
      : lines.flatMap((l, i) => (STARTS[key].test(flat(l.text)) ? [i] : []));
  return starts.filter((i) => [...(lines[i]?.text ?? '')].length < MAX_ANCHOR_LENGTH);
}

/**
 * Lines a PDF repeats atop or below each page (the report's title, the organ's name): a line with Chinese
 * text, no number but a year, printed more than once, and equal to one of the first lines of the text.
 */
function pageHeaders(lines: readonly Line[]): Set<string> {
  const first = lines
    .map((l) => flat(l.text))
    .filter((t) => t !== '')
    .slice(0, 3);
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = flat(l.text);
    if (t !== '') counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return new Set(
    first.filter(
      (t) => (counts.get(t) ?? 0) > 1 && /[\u4e00-\u9fff]/.test(t) && !/\d/.test(t.replace(/\d{4}年度?/g, '')),
    ),
  );
}

/**
 * The lines of each table found by its words, in the order 二, 三, 四; a table whose words are not found
 * is absent (the caller falls back on its part).
 */
export function locateTables(lines: readonly Line[], split: SectionLines): Partial<Record<TableKey, Line[]>> {
  const inPart = (key: SectionKey, i: number): boolean => {
    const n = lines[i]?.line;
    return split.parts[key].some((l) => l.line === n);
  };
  const headings = lines.map((l) => headingOf(l.text));
  const headers = pageHeaders(lines);
  const order: TableKey[] = ['proactive', 'applications', 'reviewLitigation'];
  const starts = new Map<TableKey, number>();
  let after = -1;
  for (const key of order) {
    const found = candidates(key, lines).filter((i) => i > after);
    // Several places: the one inside the table's own part, else the first.
    const start = found.find((i) => inPart(key, i)) ?? found[0];
    if (start === undefined) continue;
    starts.set(key, start);
    after = start;
  }
  const out: Partial<Record<TableKey, Line[]>> = {};
  for (const key of order) {
    const start = starts.get(key);
    if (start === undefined) continue;
    const next = Math.min(...[...starts.values()].filter((s) => s > start), lines.length);
    const rank = SECTION_KEYS.indexOf(key);
    let end = next;
    for (let i = start + 1; i < next; i += 1) {
      const h = headings[i];
      if (h && SECTION_KEYS.indexOf(h.key) > rank) {
        end = i;
        break;
      }
    }
    out[key] = lines.slice(start, end).filter((l) => !headers.has(flat(l.text)));
  }
  return out;
}
