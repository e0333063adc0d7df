/**
 * Regular expressions in queries run on RE2 (re2js, pure JS): matching takes time linear in the input whatever
 * the pattern, so no query — `^(a+)+$` against a long string included — can hold the server, which answers one
 * request at a time. `linearQuery` rewrites every regex of a query (`{f: /x/}`, `{f: {$regex, $options}}`,
 * `$not: /x/`) into our `$re2` operator (REGEX_CONTEXT, given to mingo in engine.ts), so mingo never runs a
 * JavaScript RegExp; where it would call one itself — regexes inside $in/$nin/$all, the $regexMatch/$regexFind/
 * $regexFindAll expressions — the query is refused with a clear error. Patterns longer than MAX_PATTERN_LENGTH, and
 * what RE2 cannot run in linear time (backreferences, lookaround), are refused too.
 */
import { Context } from 'mingo';
import { RE2JS } from 're2js';
import { isPlainObject } from '../ejson';
import { invalidParam } from './errors';

type QueryOps = NonNullable<NonNullable<Parameters<typeof Context.init>[0]>['query']>;

export const MAX_PATTERN_LENGTH = 500;

const FLAG_BITS: Record<string, number> = { i: RE2JS.CASE_INSENSITIVE, m: RE2JS.MULTILINE, s: RE2JS.DOTALL };

const compiled = new Map<string, RE2JS>();

/** The linear-time equivalent of /pattern/flags; INVALID_PARAM when it is too long or RE2 cannot run it. */
export function linearRegex(pattern: string, flags: string): RE2JS {
  const cacheKey = `${flags}/${pattern}`;
  const hit = compiled.get(cacheKey);
  if (hit) return hit;
  if (pattern.length > MAX_PATTERN_LENGTH)
    throw invalidParam(`regular expression longer than ${MAX_PATTERN_LENGTH} characters (${pattern.length})`);
  let bits = 0;
  for (const f of flags) bits |= FLAG_BITS[f] ?? 0;
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern), bits);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw invalidParam(
      `unsupported regular expression /${pattern.slice(0, 80)}/: ${why} (backreferences and lookaround are not supported)`,
    );
  }
  if (compiled.size >= 256) compiled.clear();
  compiled.set(cacheKey, re);
  return re;
}

/** The values at a dotted path, as MongoDB reaches them: through arrays of subdocuments, or by index. */
function valuesAt(value: unknown, parts: readonly string[]): unknown[] {
  if (parts.length === 0) return [value];
  const [head = '', ...rest] = parts;
  if (Array.isArray(value)) {
    const byIndex = /^\d+$/.test(head) ? valuesAt(value[Number(head)], rest) : [];
    return [...byIndex, ...value.flatMap((v: unknown) => (isPlainObject(v) ? valuesAt(v, parts) : []))];
  }
  return isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, head) ? valuesAt(value[head], rest) : [];
}

interface Pattern {
  pattern: string;
  flags: string;
}

const isPattern = (v: unknown): v is Pattern =>
  isPlainObject(v) && typeof v.pattern === 'string' && typeof v.flags === 'string';

/** `$re2`: any string at the path, or in an array there, that the pattern finds a match in. */
const $re2 = (selector: string, value: unknown) => {
  if (!isPattern(value)) throw invalidParam('$re2 needs { pattern, flags }');
  const re = linearRegex(value.pattern, value.flags);
  const parts = selector.split('.');
  const match = (x: unknown): boolean => typeof x === 'string' && re.test(x);
  return (obj: unknown) => valuesAt(obj, parts).some((v) => match(v) || (Array.isArray(v) && v.some(match)));
};

/** The operators regexes are rewritten to; merged into every Query/Aggregator's options. */
export const REGEX_CONTEXT = Context.init({ query: { $re2 } as unknown as QueryOps });

const JS_REGEX_EXPRESSIONS = new Set(['$regexMatch', '$regexFind', '$regexFindAll']);
const ARRAY_OPERATORS = new Set(['$in', '$nin', '$all']);

const re2Of = (pattern: string, flags: string): { $re2: Pattern } => {
  linearRegex(pattern, flags); // refuses a bad pattern before any document is read
  return { $re2: { pattern, flags } };
};

/**
 * The query (or pipeline) with every regex on RE2; INVALID_PARAM where mingo would run one on JavaScript's engine.
 * `operand`: the value is a field's condition (where `/x/` means "matches").
 */
export function linearQuery(value: unknown, operand = false, inArray = false): unknown {
  if (value instanceof RegExp) {
    if (inArray)
      throw invalidParam('regular expressions inside $in, $nin or $all are not supported: use $or of $regex');
    if (!operand) throw invalidParam('a regular expression is only supported as a field condition');
    return re2Of(value.source, value.flags);
  }
  if (Array.isArray(value)) return value.map((v: unknown) => linearQuery(v, operand, inArray));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (JS_REGEX_EXPRESSIONS.has(key)) throw invalidParam(`${key} is not supported: use $regex in a $match`);
    if (key === '$options') continue;
    if (key === '$regex') {
      const options = typeof value.$options === 'string' ? value.$options : '';
      if (v instanceof RegExp) Object.assign(out, re2Of(v.source, options || v.flags));
      else if (typeof v === 'string') Object.assign(out, re2Of(v, options));
      else throw invalidParam('$regex needs a string or a regular expression');
      continue;
    }
    // Field names and $and/$or/$nor/$not/$elemMatch lead to conditions; $in/$nin/$all to arrays of values.
    const next = key.startsWith('$')
      ? ['$not', '$elemMatch', '$and', '$or', '$nor', '$match'].includes(key) || operand
      : true;
    out[key] = linearQuery(v, next, inArray || ARRAY_OPERATORS.has(key));
  }
  return out;
}
