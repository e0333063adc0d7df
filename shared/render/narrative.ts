/**
 * Narrative text → blocks both renderers print: paragraphs as written, and the short numbered lines
 * reports use as sub-headings (（一）及时主动公开) marked so they can be set apart. No wording changes.
 */
import type { ReportData } from '../report';
import type { SectionKey } from '../format';
import { paragraphs } from './text';

export interface NarrativeBlock {
  kind: 'subheading' | 'paragraph';
  text: string;
}

/** （一）… / (一)… / 一是… are not all headings: only a short numbered line with no sentence end is. */
const NUMBERED = /^[（(][一二三四五六七八九十]+[)）]/;
const MAX_SUBHEADING = 30;

export function isSubheading(line: string): boolean {
  return NUMBERED.test(line) && [...line].length <= MAX_SUBHEADING && !/[。；;]$/.test(line);
}

export function narrativeBlocks(text: string): NarrativeBlock[] {
  return paragraphs(text).map((p) => ({ kind: isSubheading(p) ? 'subheading' : 'paragraph', text: p }));
}

/**
 * The blocks of one section. An imported overview keeps its sub-sections inside `sections.overview` and
 * `overviewParts` is a parsed view of the same text, so parts print only when the overview text is empty
 * (a report written part by part), never both.
 */
export function sectionBlocks(report: ReportData, key: SectionKey): NarrativeBlock[] {
  const blocks = narrativeBlocks(report.sections[key]);
  if (key !== 'overview' || blocks.length > 0) return blocks;
  return report.overviewParts.flatMap((part): NarrativeBlock[] => {
    const title = part.title.trim();
    const heading: NarrativeBlock[] = title === '' ? [] : [{ kind: 'subheading', text: title }];
    return [...heading, ...narrativeBlocks(part.text)];
  });
}
