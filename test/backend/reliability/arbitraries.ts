/**
 * fast-check arbitraries read from a contract's zod input schema (zod 4's `_zod.def`): `validOf` builds values the
 * schema accepts (as far as its checks can be read: lengths, bounds, patterns, choices; a leaf's own refinement is
 * met by filtering that leaf), `nearMissOf` values that are one step off a valid one (a field dropped, of the wrong
 * type, huge, with lone surrogates or control characters, a `__proto__` / `constructor` key added), and
 * `hostileJson` arbitrary JSON with the same hostile strings and keys anywhere.
 */
import fc from 'fast-check';
import type * as z from 'zod';
import { CELL_ADDRESSES } from '../../../shared/format';

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  catchall?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const isOptional = (s: z.ZodType): boolean => (s as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod.def);
const accepts = (s: z.ZodType) => (v: unknown) => s.safeParse(v).success;

/** Text a person might type: Chinese, letters and digits (no hostile characters: those are the near misses'). */
const gentleChar = fc.constantFrom(...'扎毛乡人民政府信息公开申请年度报告abcXYZ0123456789 ');

function stringOf(d: Def): fc.Arbitrary<string> {
  const c = checksOf(d);
  const min = Math.max(0, ...c.filter((k) => k.check === 'min_length').map((k) => k.minimum ?? 0));
  const max = Math.min(min + 24, ...c.filter((k) => k.check === 'max_length').map((k) => k.maximum ?? Infinity));
  const pattern = c.find((k) => k.check === 'string_format' && k.pattern)?.pattern;
  // Leading or trailing blanks are trimmed away (an `overwrite` check): start and end on a visible character.
  if (pattern) return fc.stringMatching(pattern);
  return fc
    .string({ unit: gentleChar, minLength: Math.max(min, 1), maxLength: Math.max(max, 1) })
    .map((s) => s.trim() || 'x'.repeat(Math.max(min, 1)));
}

function numberOf(d: Def): fc.Arbitrary<number> {
  const c = checksOf(d);
  const int = c.some((k) => k.check === 'number_format');
  let lo = -1_000_000;
  let hi = 1_000_000;
  for (const k of c) {
    if (k.check === 'greater_than' && k.value !== undefined) lo = k.inclusive ? k.value : k.value + (int ? 1 : 1e-6);
    if (k.check === 'less_than' && k.value !== undefined) hi = k.inclusive ? k.value : k.value - (int ? 1 : 1e-6);
  }
  return int ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true });
}

function sizeOf(d: Def): { minLength: number; maxLength: number } {
  const c = checksOf(d);
  const minLength = Math.max(0, ...c.filter((k) => k.check === 'min_length').map((k) => k.minimum ?? 0));
  const maxLength = Math.min(minLength + 3, ...c.filter((k) => k.check === 'max_length').map((k) => k.maximum ?? 9));
  return { minLength, maxLength };
}

/**
 * Values of fields whose own refinement random text never meets (a check digit, a pattern with placeholders), by
 * key: tried when no generated value passes.
 */
const EXAMPLES: Record<string, readonly unknown[]> = {
  creditCode: ['11632323MB00000008', '11632323MB12345670'],
  indexPattern: ['<统一社会信用代码>/<YYYY>-<NNNNN>'],
  idNumber: ['11010519491231002X'],
  cell: CELL_ADDRESSES.slice(0, 5),
  category: ['agriculture', 'assistance'],
  writtenDate: ['2026-03-01'],
};

/** A leaf with its own refinement: the generated values it accepts (bounded tries), else the key's examples. */
function refined(base: fc.Arbitrary<unknown>, schema: z.ZodType, key: string | undefined): fc.Arbitrary<unknown> {
  const passing = fc.sample(base, { seed: 7, numRuns: 300 }).filter(accepts(schema));
  const known = (key ? (EXAMPLES[key] ?? []) : []).filter(accepts(schema));
  const pool = [...new Set([...passing, ...known].map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as unknown);
  return pool.length > 0 ? fc.constantFrom(...pool) : base;
}

/** Values `schema` accepts, as far as its checks can be read (refinements over several fields are not). */
export function validOf(schema: z.ZodType, key?: string): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const custom = checksOf(d).some((k) => k.check === 'custom');
  const base = ((): fc.Arbitrary<unknown> => {
    switch (d.type) {
      case 'string':
        return stringOf(d);
      case 'number':
        return numberOf(d);
      case 'boolean':
        return fc.boolean();
      case 'enum':
        return fc.constantFrom(...Object.values(d.entries ?? {}));
      case 'literal':
        return fc.constantFrom(...(d.values ?? []));
      case 'optional':
      case 'default':
      case 'prefault':
      case 'readonly':
        return validOf(d.innerType as z.ZodType, key);
      case 'nullable':
        return fc.option(validOf(d.innerType as z.ZodType, key), { nil: null });
      case 'pipe': {
        // z.preprocess is a pipe from a transform: what it takes is what its output schema accepts.
        const from = d.in as z.ZodType;
        return validOf(defOf(from).type === 'transform' ? (d.out as z.ZodType) : from, key);
      }
      case 'array':
        return fc.array(validOf(d.element as z.ZodType, key), sizeOf(d));
      case 'union':
        return fc.oneof(...(d.options ?? []).map((o) => validOf(o, key)));
      case 'record':
        return fc.dictionary(
          validOf(d.keyType as z.ZodType) as fc.Arbitrary<string>,
          validOf(d.valueType as z.ZodType),
          {
            maxKeys: 3,
          },
        );
      case 'object': {
        const shape = d.shape ?? {};
        const model = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, validOf(v, k)]));
        const requiredKeys = Object.keys(shape).filter((k) => !isOptional(shape[k] as z.ZodType));
        return fc.record(model, { requiredKeys });
      }
      default:
        throw new Error(`no arbitrary for a zod ${d.type}`);
    }
  })();
  // A leaf's own refinement (a real date, a valid code): keep values it accepts. Objects are checked as a whole by
  // sampleValid, since a refinement over several fields may accept too few to filter here.
  return custom && d.type !== 'object' ? refined(base, schema, key) : base;
}

/** The first of up to `tries` generated values that the schema accepts as a whole, or undefined. */
export function sampleValid(schema: z.ZodType, seed: number, tries = 60): unknown {
  return fc.sample(validOf(schema), { seed, numRuns: tries }).find(accepts(schema));
}

/** Strings that should never pass unnoticed: lone surrogates, control characters, huge, odd unicode, injections. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      '\ud800',
      'a\udc00b',
      '名\u0000字',
      '\u0007\u001b[31m',
      '\u202e反转',
      'Zoe\u0301',
      '${7*7}{{7*7}}',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '$where',
      '{"$gt":""}',
      '../../etc/passwd',
      '',
      ' ',
      '１２３',
    ),
    weight: 4,
  },
  // Past every field's limit (the longest, a pasted report, takes 200,000 characters).
  { arbitrary: fc.nat({ max: 300_000 }).map((n) => (n % 2 ? '长' : 'x').repeat(n)), weight: 1 },
);

/** Keys that poison a careless object merge, and query operators. */
export const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', '$set', '_id', 'toString');

/** Any JSON-like value, with hostile strings and keys anywhere (JSON.parse makes `__proto__` an own key). */
export const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-0, 2 ** 53, -(2 ** 63), 1e308)),
      hostileString,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileKey), tie('value'), { maxKeys: 4 }),
    ),
  }))
  .value.map((v) => JSON.parse(JSON.stringify(v) ?? 'null') as unknown);

type Path = (string | number)[];

/** Every path to a value inside `v` (the root included). */
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

type Mutation =
  | { kind: 'drop' }
  | { kind: 'replace'; with: unknown }
  | { kind: 'addKey'; key: string; with: unknown }
  | { kind: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'drop' }),
  fc.constant<Mutation>({ kind: 'wrap' }),
  fc.oneof(hostileString, hostileJson).map((w): Mutation => ({ kind: 'replace', with: w })),
  fc.record({ key: hostileKey, with: hostileJson }).map((m): Mutation => ({ kind: 'addKey', ...m })),
);

/** `v` with one mutation at `path` (a fresh copy; `v` is left alone). */
function mutate(v: unknown, path: Path, m: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(v ?? null)) as unknown;
  if (path.length === 0) {
    if (m.kind === 'replace') return m.with;
    if (m.kind === 'wrap') return [copy];
    if (m.kind === 'addKey' && copy && typeof copy === 'object')
      Object.defineProperty(copy, m.key, { value: m.with, enumerable: true, writable: true, configurable: true });
    return m.kind === 'drop' ? undefined : copy;
  }
  let parent = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (m.kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'wrap') parent[last] = [parent[last]];
  else if (m.kind === 'replace') parent[last] = m.with;
  else Object.defineProperty(parent, m.key, { value: m.with, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** As the platform delivers an event: JSON (a `__proto__` key stays an own key; a key on a list does not exist). */
const asJson = (v: unknown): unknown => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown));

/** A valid value of `schema` with one thing wrong, somewhere. */
export function nearMissOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.tuple(validOf(schema), fc.nat(), mutation).map(([v, i, m]) => {
    const paths = pathsOf(v);
    return asJson(mutate(v, paths[i % paths.length] ?? [], m));
  });
}

/** What the fuzz sends as an action's payload: arbitrary hostile JSON, or a near miss of a valid payload. */
export function fuzzPayloadOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: hostileJson, weight: 1 }, { arbitrary: nearMissOf(schema), weight: 3 });
}
