/** Publication dates as citizens read them, in Asia/Shanghai whatever time zone the phone is set to. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

/** `2024-01-20T02:00:00Z` → `2024年1月20日`; '' when the timestamp cannot be read. */
export function publishedDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}
