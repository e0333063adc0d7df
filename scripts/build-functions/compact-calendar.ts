/**
 * chinese-days' JSON (43 KB minified: every holiday, 调休 working day and in-lieu day as `"2026-10-01":
 * "National Day,国庆节,3"`) carried compactly in the function bundles: the same object, rebuilt when the module
 * loads from runs of consecutive dates sharing a name (`2026100168` = 8 days from 2026-10-01 named N[6], the digit in base 36) and
 * the table of the names. The data is still read from the installed package at build time, so an update of
 * chinese-days flows in without a code change; data that does not fit this shape, or does not rebuild to the
 * very same object (keys in the same order), is bundled as it is, with a warning.
 */
import type { Plugin } from 'esbuild';
import { readFileSync } from 'node:fs';

/** The module chinese-days' data is imported from (shared/calendar/calendar.ts). */
export const CHINESE_DAYS_JSON = /[\\/]chinese-days[\\/]dist[\\/]chinese-days\.json$/;

interface Run {
  start: string;
  length: number;
  name: number;
  /** The day after the run's last. */
  next: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** One digit of base 36 names a value: more distinct values than that are bundled as JSON. */
const MAX_NAMES = 36;

function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** Runs back into `{ date: name }`, in order: the module's own code (ES5; esbuild minifies it with the bundle). */
const EXPAND = `function r(s) {
  var o = {};
  if (!s) return o;
  s.split(" ").forEach(function (t) {
    var y = +t.slice(0, 4), m = +t.slice(4, 6) - 1, d = +t.slice(6, 8);
    var v = N[parseInt(t[8], 36)], n = +(t.slice(9) || 1);
    for (var i = 0; i < n; i++) o[new Date(Date.UTC(y, m, d + i)).toISOString().slice(0, 10)] = v;
  });
  return o;
}
`;

/** The compact module (CommonJS) for data of the shape `{ section: { 'YYYY-MM-DD': string } }`, or null. */
export function compactModule(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const names: string[] = [];
  const sections: [string, Run[]][] = [];
  for (const [section, days] of Object.entries(data)) {
    if (typeof days !== 'object' || days === null || Array.isArray(days)) return null;
    const runs: Run[] = [];
    for (const [date, value] of Object.entries(days as Record<string, unknown>)) {
      if (!ISO_DATE.test(date) || typeof value !== 'string') return null;
      let name = names.indexOf(value);
      if (name < 0) name = names.push(value) - 1;
      const last = runs[runs.length - 1];
      if (last && last.name === name && last.next === date) {
        last.length += 1;
        last.next = nextDay(date);
      } else runs.push({ start: date, length: 1, name, next: nextDay(date) });
    }
    sections.push([section, runs]);
  }
  if (names.length > MAX_NAMES) return null;
  const encoded = sections.map(([section, runs]) => {
    const tokens = runs.map(
      (run) => `${run.start.replace(/-/g, '')}${run.name.toString(36)}${run.length > 1 ? run.length : ''}`,
    );
    return `${JSON.stringify(section)}:r(${JSON.stringify(tokens.join(' '))})`;
  });
  const code = `var N=${JSON.stringify(names)};${EXPAND}module.exports={${encoded.join(',')}};\n`;
  // The module must rebuild the very object, keys in the same order; otherwise the JSON goes in as it is.
  return JSON.stringify(evaluate(code)) === JSON.stringify(data) ? code : null;
}

/** Runs a CommonJS module's code and answers its exports. */
export function evaluate(code: string): unknown {
  const module = { exports: {} as unknown };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- our own generated module, checked at build time
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

export const compactCalendar: Plugin = {
  name: 'compact-chinese-days',
  setup(build) {
    build.onLoad({ filter: CHINESE_DAYS_JSON }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const code = compactModule(JSON.parse(text));
      if (code !== null) return { contents: code, loader: 'js' };
      return {
        contents: text,
        loader: 'json',
        warnings: [{ text: 'chinese-days data is not of the expected shape: bundled as JSON (not compacted)' }],
      };
    });
  },
};
