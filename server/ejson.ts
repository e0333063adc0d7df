/**
 * Extended JSON as the CloudBase SDK speaks it: canonical in requests, relaxed-or-canonical in replies.
 *
 * Why not `bson`'s EJSON (it is in node_modules as a dependency of @cloudbase/database)? Three reasons:
 * it is not our dependency; its parser throws on the `g`/`y` flags the SDK sends unchanged for `/x/g`;
 * and it knows nothing of `$tcb_server_date`, which must become the server's clock. This codec is small
 * and maps exactly the types the SDK produces.
 */
import { types } from 'node:util';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Raised for input that is not valid (extended) JSON; the action layer turns it into INVALID_PARAM. */
export class EjsonError extends Error {}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Flags JS and MongoDB both understand; `g`, `y`, `d`, `v` mean nothing to a query and `x` is not JS.
const REGEX_FLAGS = new Set(['i', 'm', 's', 'u']);

export function toRegExp(pattern: string, options: string): RegExp {
  const flags = [...new Set(options.split(''))].filter((f) => REGEX_FLAGS.has(f)).join('');
  try {
    return new RegExp(pattern, flags);
  } catch (e) {
    throw new EjsonError(`invalid regular expression /${pattern}/: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function toNumber(text: unknown, type: string): number {
  if (typeof text !== 'string') throw new EjsonError(`${type} must hold a string`);
  if (text === 'Infinity' || text === '-Infinity' || text === 'NaN') return Number(text);
  const n = Number(text);
  if (text.trim() === '' || Number.isNaN(n)) throw new EjsonError(`${type} holds a non-number: ${text}`);
  return n;
}

function toDate(value: unknown): Date {
  let ms: number;
  if (typeof value === 'number') ms = value;
  else if (typeof value === 'string') ms = Date.parse(value);
  else if (isPlainObject(value) && '$numberLong' in value) ms = toNumber(value.$numberLong, '$numberLong');
  else throw new EjsonError('$date must be a number, an ISO string or {$numberLong}');
  if (!Number.isFinite(ms)) throw new EjsonError('$date is not a valid date');
  return new Date(ms);
}

export interface DecodeOptions {
  /** The instant `$tcb_server_date` resolves to (plus its offset); one per request, so all agree. */
  now: number;
}

/** Decodes one type wrapper ({$numberInt: …} etc.); undefined when the object is not one. */
function decodeWrapper(obj: Record<string, unknown>, opts: DecodeOptions): { value: unknown } | undefined {
  const keys = Object.keys(obj);
  if (keys.length === 1) {
    const key = keys[0];
    const inner = obj[key ?? ''];
    switch (key) {
      case '$numberInt':
      case '$numberDouble':
      case '$numberLong':
      case '$numberDecimal':
        return { value: toNumber(inner, key) };
      case '$date':
        return { value: toDate(inner) };
      case '$oid':
        if (typeof inner !== 'string') throw new EjsonError('$oid must hold a string');
        return { value: inner };
      case '$tcb_server_date': {
        const offset = isPlainObject(inner) ? decode(inner.offset, opts) : 0;
        return { value: new Date(opts.now + (typeof offset === 'number' ? offset : 0)) };
      }
      case '$regularExpression': {
        if (!isPlainObject(inner) || typeof inner.pattern !== 'string') {
          throw new EjsonError('$regularExpression needs a string pattern');
        }
        return { value: toRegExp(inner.pattern, typeof inner.options === 'string' ? inner.options : '') };
      }
      default:
        return undefined;
    }
  }
  return undefined;
}

/** Turns parsed EJSON into plain JS values (numbers, Date, RegExp), resolving server dates. */
export function decode(value: unknown, opts: DecodeOptions): unknown {
  if (Array.isArray(value)) return value.map((v) => decode(v, opts));
  if (!isPlainObject(value)) return value;
  const wrapped = decodeWrapper(value, opts);
  if (wrapped) return wrapped.value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // A JSON key "__proto__" would otherwise replace the prototype of the rebuilt object.
    if (k === '__proto__') throw new EjsonError('field name __proto__ is not allowed');
    out[k] = decode(v, opts);
  }
  return out;
}

/** Parses an EJSON text (or accepts an already-parsed object) into plain JS values. */
export function parse(text: unknown, opts: DecodeOptions): unknown {
  if (typeof text !== 'string') return decode(text, opts);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new EjsonError(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return decode(raw, opts);
}

/** Plain JS values → relaxed EJSON tree: finite numbers stay numbers, dates and regexes get wrappers. */
export function encode(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : { $numberDouble: String(value) };
    case 'bigint':
      return { $numberLong: value.toString() };
    case 'object':
      break;
    default:
      return null; // functions and symbols have no JSON form
  }
  // util.types.isDate, not instanceof: a Date from another realm (structuredClone under Jest) is a Date too.
  if (types.isDate(value)) {
    const ms = value.getTime();
    if (!Number.isFinite(ms)) throw new EjsonError('cannot store an invalid Date');
    // Canonical form: bson's relaxed parser on the client reads it for any year, including < 1970.
    return { $date: { $numberLong: String(ms) } };
  }
  if (value instanceof RegExp) {
    const options = value.flags
      .split('')
      .filter((f) => REGEX_FLAGS.has(f))
      .sort()
      .join('');
    return { $regularExpression: { pattern: value.source, options } };
  }
  if (Array.isArray(value)) return value.map((v) => encode(v));
  const out: { [key: string]: JsonValue } = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== undefined) out[k] = encode(v);
  }
  return out;
}

/** encode() then JSON text: the form replies and the SQLite store use. */
export function stringify(value: unknown): string {
  return JSON.stringify(encode(value));
}
