/**
 * Text helpers shared by the renderers: number formatting, paragraphs and escaping.
 * The narrative is user input, so every renderer escapes it for its target syntax.
 */

/** What a null cell (could not be read / not filled) prints as. */
export const NULL_MARK = '—';

/** Printed under a table that has at least one null cell. */
export const NULL_LEGEND = '注：“—”表示该项数据缺失。';

/** The title of hover text on a null cell. */
export const NULL_TITLE = '数据缺失';

/**
 * A cell value as printed: integers as is, the fee (万元) with at most 4 decimals and no float noise
 * (0.1 + 0.2 prints 0.3), null as the null mark.
 */
export function formatCellValue(value: number | null): string {
  if (value === null) return NULL_MARK;
  if (!Number.isFinite(value)) return String(value);
  const fixed = value.toFixed(4);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Ideographic space (U+3000) is how Word users indent; the renderers indent paragraphs themselves. */
const EDGE_SPACE = /^[\s\u3000]+|[\s\u3000]+$/g;

/** Split narrative text into paragraphs: one per non-blank line, edges trimmed, wording untouched. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(EDGE_SPACE, ''))
    .filter((line) => line.length > 0);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/**
 * Escape user text for Markdown so it prints literally: inline markup and raw HTML anywhere, and the
 * characters that would start a heading, quote, list or rule at the beginning of a line.
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_[\]<>|~&]/g, (ch) => `\\${ch}`);
  return inline.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#>+=-])/, '\\$1');
}

/** Escape a label for a Markdown table cell: only the pipe and backslash break a cell. */
export function escapeMarkdownCell(text: string): string {
  return text.replace(/[\\|]/g, (ch) => `\\${ch}`);
}

export function reportTitle(organ: string, year: number): string {
  return `${organ}${year}年政府信息公开工作年度报告`;
}

/** The preface's paragraphs (本报告根据…编制, the statistics period), as every rendering prints them before section 一. */
export function prefaceParagraphs(preface: string | undefined): string[] {
  return (preface ?? '').split('\n').filter((p) => p.trim() !== '');
}

export function sectionHeading(no: string, title: string): string {
  return `${no}、${title}`;
}

export function sectionId(key: string): string {
  return `section-${key}`;
}

export function tableId(key: string): string {
  return `table-${key}`;
}
