/**
 * 索引号: the common form is `<统一社会信用代码>/<YYYY>-<NNNNN>` (e.g. 11441700007280420Y/2021-00050); provinces
 * differ, so the pattern is an organ setting. Tokens: `<统一社会信用代码>`, `<YYYY>` and one serial `<NNN…>`
 * (3–8 N: the zero-padded width). The older notation `{code}`, `{year}`, `{serial:N}` is still read, as organs
 * set up with it keep their pattern.
 */
export const DEFAULT_INDEX_PATTERN = '<统一社会信用代码>/<YYYY>-<NNNNN>';

const CODE = /<统一社会信用代码>|\{code\}/g;
const YEAR = /<YYYY>|\{year\}/g;
const SERIAL = /<(N{3,8})>|\{serial(?::(\d))?\}/g;

export function formatIndexNo(pattern: string, parts: { code: string; year: number; serial: number }): string {
  return pattern
    .replace(CODE, parts.code)
    .replace(YEAR, String(parts.year))
    .replace(SERIAL, (_m, ns: string | undefined, width: string | undefined) =>
      String(parts.serial).padStart(ns ? ns.length : Number(width ?? 5), '0'),
    );
}

/** The serial is counted per organ and year, so a pattern needs the year and exactly one serial. */
export function isValidIndexPattern(pattern: string): boolean {
  return (pattern.match(SERIAL) ?? []).length === 1 && (pattern.match(YEAR) ?? []).length >= 1;
}
