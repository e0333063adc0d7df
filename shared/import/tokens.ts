/**
 * A table, however it was pasted (tab-separated, space-separated, one cell a line), becomes one stream of
 * tokens: label text, numbers, markers such as “—”, and blank cells whose position is known.
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
/** An empty cell between two values of the same tab-separated line: it holds a position, but no number. */
export interface BlankToken {
  kind: 'blank';
  line: number;
}
export type ValueToken = NumberToken | MarkerToken | BlankToken;
export type Token = TextToken | ValueToken;

const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const MARKER = /^[-－—–―‐/／\\×]+$/;
/** “无” written in a cell means none: it reads as 0. */
const NONE_WORDS = new Set(['无', '零']);

function valueOf(word: string, line: number): ValueToken | null {
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
function cellTokens(cell: string, line: number): Token[] {
  const tokens: Token[] = [];
  let text: string[] = [];
  const flush = (): void => {
    if (text.length > 0) tokens.push({ kind: 'text', text: text.join(' '), line });
    text = [];
  };
  for (const word of cell.split(/\s+/).flatMap(unglue)) {
    const value = valueOf(word, line);
    if (value) {
      flush();
      tokens.push(value);
    } else {
      text.push(word);
    }
  }
  flush();
  return tokens;
}

function splitCells(line: string): string[] {
  // Word and HTML tables paste with tabs; web pages with runs of spaces (a single space may sit inside a label).
  return line.includes('\t') ? line.split('\t') : line.split(/ {2,}/);
}

/** Tokens of one line; an empty cell is kept only between two values of that line (elsewhere it is layout). */
export function lineTokens(rawLine: string, line: number): Token[] {
  const perCell = splitCells(halfWidth(rawLine)).map((cell) => {
    const trimmed = cell.trim();
    return trimmed === '' ? null : cellTokens(trimmed, line);
  });
  const tokens: Token[] = [];
  let pendingBlanks = 0;
  for (const cell of perCell) {
    if (cell === null) {
      pendingBlanks += 1;
      continue;
    }
    const last = tokens[tokens.length - 1];
    if (pendingBlanks > 0 && last && last.kind !== 'text' && cell[0] && cell[0].kind !== 'text') {
      for (let i = 0; i < pendingBlanks; i += 1) tokens.push({ kind: 'blank', line });
    }
    pendingBlanks = 0;
    tokens.push(...cell);
  }
  return tokens;
}

/** The token stream of a table: its lines in order. */
export function tableTokens(lines: readonly { text: string; line: number }[]): Token[] {
  return lines.flatMap((l) => lineTokens(l.text, l.line));
}

export function isValue(token: Token): token is ValueToken {
  return token.kind !== 'text';
}
