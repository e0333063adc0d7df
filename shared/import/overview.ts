/**
 * overviewParts: the sub-headings of 一、总体情况 — （一）主动公开 … — each with its text. A sub-heading is a
 * line starting with （一）/(一), or, in a report that numbers none so, with 1、/1./（1）; its title is the
 * short line, or the words up to the first 。/： when the text runs on in the same line. Text before the
 * first sub-heading belongs to no part.
 */
import type { OverviewPart } from '../report/schema';
import { halfWidth } from './normalize';
import { proseText, type Line } from './sections';

const SUB_HEADING = /^\s*(?:\*\*)?\(([一二三四五六七八九十]+)\)\s*(.*)$/;
/** 1、 1. 1． (1): not “1.2023年…” (a number), not “1.5万” */
const ARABIC_SUB_HEADING = /^\s*(?:\*\*)?(?:\((\d{1,2})\)|(\d{1,2})[、.](?!\d))\s*(.*)$/;
const MAX_TITLE = 30;

function splitTitle(rest: string): { title: string; text: string } {
  const plain = rest.replace(/\*\*/g, '').trim();
  if ([...plain].length <= MAX_TITLE && !/[。]/.test(plain)) return { title: plain.replace(/[:：]$/, ''), text: '' };
  const stop = plain.search(/[。:：]/);
  if (stop > 0 && stop <= MAX_TITLE) return { title: plain.slice(0, stop), text: plain.slice(stop + 1).trim() };
  return { title: '', text: plain };
}

export function overviewParts(lines: readonly Line[]): OverviewPart[] {
  const chinese = lines.some((l) => SUB_HEADING.test(halfWidth(l.text)));
  const heading = chinese ? SUB_HEADING : ARABIC_SUB_HEADING;
  const numbering = chinese
    ? /^\s*(?:\*\*)?[（(][一二三四五六七八九十]+[)）]/
    : /^\s*(?:\*\*)?(?:[（(]\d{1,2}[)）]|\d{1,2}[、.．])/;
  const parts: { title: string; lines: Line[] }[] = [];
  for (const line of lines) {
    const m = heading.exec(halfWidth(line.text));
    if (m) {
      const { title, text } = splitTitle(line.text.replace(numbering, ''));
      parts.push({ title, lines: text ? [{ text, line: line.line }] : [] });
      continue;
    }
    parts[parts.length - 1]?.lines.push(line);
  }
  return parts.map((p) => ({ title: p.title, text: proseText(p.lines) }));
}
