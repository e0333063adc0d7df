/**
 * A table, however it was pasted (tab-separated, pipe-separated, space-separated, one cell a line), becomes
 * one stream of tokens: label text, numbers, markers such as “—”, and blank cells whose position is known.
 */
import { halfWidth } from './normalize';

export interface TextToken {
  kind: 'text';
  text: string;
  line: number;
}
export interface NumberToken {
  kind: 'num';
  value: number;
  raw: string;
  line: number;
}
/**
 * A cell printed as “—”, “-”, “/”: it holds a position, but no number. It may mean none or not applicable,
 * and the format asks for 0 in every cell, so it is unreadable unless the arithmetic determines it.
 */
export interface MarkerToken {
  kind: 'marker';
  raw: string;
  line: number;
}
/**
 * An empty cell whose position is known: between two values of a row, or (lead) right after a label. A
 * lead blank is used only when the row's count says it is a cell, not a merged label column (tables.ts).
 */
export interface BlankToken {
  kind: 'blank';
  line: number;
  lead?: true;
  /** After a row's last value in a pipe table, before the next label: used only to fill the row out. */
  trail?: true;
}
export type ValueToken = NumberToken | MarkerToken | BlankToken;
export type Token = TextToken | ValueToken;

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
/** Thousands grouped by spaces (“1 236”): one number, but only inside a delimited cell. */
const SPACED_NUMBER = /^\d{1,3}(?: \d{3})+$/;
const MARKER = /^[-－—–―‐/／\\×]+$/;
/** “无” written in a cell means none: it reads as 0. */
const NONE_WORDS = new Set(['无', '零']);
/** A Markdown table rule such as |---|:---:|: no cells. */
const RULE_LINE = /^[\s|:-]*-{3,}[\s|:-]*$/;

/** A count written with its unit in the cell (“3件”), or marked inferred by our own renderings (“3*”). */
const COUNTED = /^(\d+(?:\.\d+)?)(?:件|个|条|项|次|\*)$/;

function valueOf(word: string, line: number): ValueToken | null {
  const counted = COUNTED.exec(word);
  if (counted) return { kind: 'num', value: Number(counted[1]), raw: word, line };
  if (NUMBER.test(word)) return { kind: 'num', value: Number(word.replace(/,/g, '')), raw: word, line };
  if (NONE_WORDS.has(word)) return { kind: 'num', value: 0, raw: word, line };
  if (MARKER.test(word)) return { kind: 'marker', raw: word, line };
  return null;
}

/** A label glued to its first number (“规章0”) is two words; numbering such as “1.” stays with its label. */
function unglue(word: string): string[] {
  if (word.length === 0) return [];
  const m = /^(.*[\u4e00-\u9fff)])(\d[\d,]*(?:\.\d+)?)$/u.exec(word);
  return m && m[1] && m[2] ? [m[1], m[2]] : [word];
}

/** A cell's words: runs of non-values become one text token, each value its own token. */
function cellTokens(cell: string, line: number, delimited: boolean): Token[] {
  if (delimited && SPACED_NUMBER.test(cell))
    return [{ kind: 'num', value: Number(cell.replace(/ /g, '')), raw: cell, line }];
  const tokens: Token[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) tokens.push({ kind: 'text', text: text.join(' '), line });
    text = [];
  };
  const words = cell.split(/\s+/).flatMap(unglue);
  words.forEach((word, i) => {
    const value = valueOf(word, line);
    // A slash or dash between two words of text joins them (“行政诉讼 / 复议后起诉”): part of a label.
    const next = words[i + 1];
    if (value?.kind === 'marker' && text.length > 0 && next !== undefined && valueOf(next, line) === null) {
      text.push(word);
      return;
    }
    if (value) {
      flush();
      tokens.push(value);
    } else {
      text.push(word);
    }
  });
  flush();
  return tokens;
}

interface Cell {
  text: string;
  line: number;
  /** The cell is empty but printed (a blank cell, not a merged or padding one). */
  blank: boolean;
  /** The cell comes from a format that delimits every cell (tabs, pipes). */
  delimited: boolean;
}

/**
 * Cells of a line: Word and HTML tables paste with tabs; web pages with runs of spaces (a single space may
 * sit inside a label).
 */
function lineCells(rawLine: string, line: number): Cell[] {
  const text = halfWidth(rawLine);
  const delimited = text.includes('\t');
  return (delimited ? text.split('\t') : text.split(/ {2,}/)).map((c) => ({
    text: c.trim(),
    line,
    blank: c.trim() === '',
    delimited,
  }));
}

/**
 * Cells of a table whose cells end with “|” (web pages turned into text: one row a line, one cell a line,
 * or “|” alone between cells). A line break never ends a cell there; a cell that holds only white space
 * (a line break included) is a blank cell, while “||” (nothing at all between two bars) is padding for a
 * merged cell.
 */
function pipeCells(lines: readonly { text: string; line: number }[]): Cell[] {
  const kept = lines.filter((l) => !RULE_LINE.test(l.text));
  const texts = kept.map((l) => halfWidth(l.text));
  const text = texts.join('\n');
  // The input line of each character (and of the line break after it), for the tokens' positions.
  const lineAt = kept.flatMap((l, i) => new Array<number>((texts[i] ?? '').length + 1).fill(l.line));
  const cells: Cell[] = [];
  let offset = 0;
  const pieces = text.split('|');
  pieces.forEach((piece, i) => {
    const trimmed = piece.trim();
    const line = lineAt[Math.min(offset + (piece.length - piece.trimStart().length), lineAt.length - 1)] ?? 0;
    offset += piece.length + 1;
    if (i === pieces.length - 1 && trimmed === '') return;
    cells.push({ text: trimmed, line, blank: trimmed === '' && piece.length > 0, delimited: true });
  });
  return cells;
}

/**
 * Tokens of a run of cells. An empty cell is kept between two values of the run (a blank cell); in a pipe
 * table also after a label (a lead blank, used only when the row's count calls for it) and after a row's
 * last value (a trailing blank: the row's cells left empty at its end, tables.ts). Elsewhere it is
 * layout — in a Word table, empty cells after a label are its merged label columns.
 */
function cellsToTokens(cells: readonly Cell[], leads: boolean): Token[] {
  const tokens: Token[] = [];
  let pending: number[] = [];
  for (const cell of cells) {
    if (cell.text === '') {
      if (cell.blank) pending.push(cell.line);
      continue;
    }
    const own = cellTokens(cell.text, cell.line, cell.delimited);
    const last = tokens[tokens.length - 1];
    const first = own[0];
    if (last && first && last.kind !== 'text' && first.kind !== 'text')
      for (const line of pending) tokens.push({ kind: 'blank', line });
    else if (leads && last && first && last.kind === 'text')
      for (const line of pending) tokens.push({ kind: 'blank', line, lead: true });
    else if (leads && last && first && last.kind !== 'text' && last.kind !== 'blank')
      for (const line of pending) tokens.push({ kind: 'blank', line, trail: true });
    pending = [];
    tokens.push(...own);
  }
  return tokens;
}

/** Tokens of one line; an empty cell is kept only between two values. */
export function lineTokens(rawLine: string, line: number): Token[] {
  return cellsToTokens(lineCells(rawLine, line), false);
}

/** A table pasted with a “|” at the end of its cells: a few of its lines carry one. */
export function isPipeTable(lines: readonly { text: string }[]): boolean {
  return lines.filter((l) => /[|｜]/.test(l.text)).length >= 3;
}

const singleCharacter = (t: Token | undefined): boolean =>
  t?.kind === 'text' && /^[\u4e00-\u9fff()（）]$/u.test(t.text);

/**
 * “无” between single characters of text is a character of a vertical label (（四）无法提供 printed down a
 * merged cell, which a PDF's text gives one character a line: 办 / 无 / 理 / 法), not a cell reading 0.
 */
function verticalLabelCharacters(tokens: Token[]): Token[] {
  return tokens.map((t, i) =>
    t.kind === 'num' && NONE_WORDS.has(t.raw) && singleCharacter(tokens[i - 1]) && singleCharacter(tokens[i + 1])
      ? { kind: 'text', text: t.raw, line: t.line }
      : t,
  );
}

/** The token stream of a table: its lines in order. */
export function tableTokens(lines: readonly { text: string; line: number }[]): Token[] {
  if (isPipeTable(lines)) return cellsToTokens(pipeCells(lines), true);
  return verticalLabelCharacters(lines.flatMap((l) => lineTokens(l.text, l.line)));
}

export function isValue(token: Token): token is ValueToken {
  return token.kind !== 'text';
}
