/** Publication dates as citizens read them, in Asia/Shanghai whatever time zone the phone is set to. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** `2024-01-20T02:00:00Z` → `2024年1月20日`; '' when the timestamp cannot be read. */
export function publishedDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/**
 * 发布于 <day> for the list and the reader; an imported report whose own date is unknown says so instead of
 * passing the day it was imported off as its publication.
 */
export function publishedNote(s: { publishedAt: string; undated?: true | undefined }): string {
  const day = publishedDay(s.publishedAt);
  if (day === '') return '';
  return s.undated ? `发布日期未记录（${day}导入）` : `发布于 ${day}`;
}

/** One line per published version, oldest first: when, and why it corrected the one before. */
export function versionLines(
  versions: readonly { version: number; publishedAt: string; reason: string | null }[],
): { t: string }[] {
  return versions.map((v) => {
    const when = publishedDay(v.publishedAt);
    const why = v.version > 1 ? ` · 更正原因：${v.reason ?? '未记录'}` : '';
    return { t: `第 ${v.version} 版${when === '' ? '' : `（${when}发布）`}${why}` };
  });
}
