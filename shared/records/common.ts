import * as z from 'zod';
import { labelOf } from '../errors/labels';

/** A calendar date as the law counts it, 'YYYY-MM-DD' in Asia/Shanghai. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');
export type IsoDate = z.infer<typeof isoDate>;

export const recordId = z.string().trim().min(1).max(64);

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Text a person typed, as every field must hold it: no control characters (tab, line feed and carriage return
 * excepted) and no unpaired UTF-16 surrogates (which no font shows and no letter may carry), normalised to NFC so
 * the same name is stored the same way whichever keyboard typed it.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

/** What is wrong with a piece of text, in words for the person who typed it; null when nothing is. */
export function textProblem(s: string): string | null {
  if (CONTROL_CHARACTERS.test(s)) return '含有不可见的控制字符，请删除后重试';
  if (hasLoneSurrogate(s)) return '含有无法显示的字符（不成对的 Unicode 代理项），请重新输入';
  return null;
}

/** A text field: refused with a field error when `textProblem` finds something, NFC-normalised otherwise. */
export const cleanText = z
  .string()
  .refine((s) => textProblem(s) === null, { message: '含有不可见的控制字符或无法显示的字符' })
  .transform((s) => s.normalize('NFC'));

export interface TextIssue {
  path: string;
  message: string;
}

/** The field's Chinese name (shared/errors labels); a key no form has is named as it was sent. */
function textFieldName(path: string): string {
  if (!path) return '内容';
  const keys = path.split('.');
  const label = labelOf(keys);
  if (label) return label;
  const last = [...keys].reverse().find((k) => !/^\d+$/.test(k));
  return last ? `“${last}”` : '此项';
}

/**
 * Every string in a JSON value (an event's payload) checked and NFC-normalised: the value with its strings
 * normalised, and one issue per bad string (its dotted path and what is wrong) — so no text field of any action
 * takes a control character or an unpaired surrogate, whatever its own schema says.
 */
export function normalizeTexts(value: unknown, path = ''): { value: unknown; issues: TextIssue[] } {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    return problem
      ? { value, issues: [{ path: path || 'payload', message: `${textFieldName(path)}${problem}` }] }
      : { value: value.normalize('NFC'), issues: [] };
  }
  if (Array.isArray(value)) {
    const issues: TextIssue[] = [];
    const out = value.map((v: unknown, i) => {
      const r = normalizeTexts(v, path ? `${path}.${i}` : String(i));
      issues.push(...r.issues);
      return r.value;
    });
    return { value: out, issues };
  }
  if (typeof value === 'object' && value !== null) {
    const issues: TextIssue[] = [];
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = normalizeTexts(v, path ? `${path}.${k}` : k);
      issues.push(...r.issues);
      Object.defineProperty(out, k, { value: r.value, enumerable: true, writable: true, configurable: true });
    }
    return { value: out, issues };
  }
  return { value, issues: [] };
}
