/**
 * 索引号: the common form is `<统一社会信用代码>/<YYYY>-<5-digit serial>` (e.g. 11441700007280420Y/2021-00050);
 * provinces differ, so the pattern is an organ setting with placeholders {code}, {year} and {serial:N}.
 */
export const DEFAULT_INDEX_PATTERN = '{code}/{year}-{serial:5}';

export function formatIndexNo(pattern: string, parts: { code: string; year: number; serial: number }): string {
  return pattern
    .replace(/\{code\}/g, parts.code)
    .replace(/\{year\}/g, String(parts.year))
    .replace(/\{serial(?::(\d))?\}/g, (_m, width: string | undefined) => String(parts.serial).padStart(Number(width ?? 5), '0'));
}

export function isValidIndexPattern(pattern: string): boolean {
  return /\{serial(?::\d)?\}/.test(pattern) && /\{year\}/.test(pattern);
}
