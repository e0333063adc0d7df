/**
 * The date a past report was published, as its own text gives it: a web page's 发布日期/发布时间 line, else the
 * date under the signature (落款) at the end. A report of year Y is published in Y+1 (条例 第四十九条: by 31 January)
 * or, corrected, later: only a date of Y+1 or Y+2 counts, so a date quoted in the narrative is not taken.
 */

const DATE = String.raw`(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})`;
const LABELLED = new RegExp(String.raw`(?:发布日期|发布时间|发文日期|公开日期)\s*[:：]?\s*${DATE}`);
const SIGNED = new RegExp(String.raw`${DATE}\s*日?`, 'g');
/** How far from the end a 落款 date may stand. */
const TAIL = 300;

function valid(y: string, m: string, d: string, year: number): string | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  if (yy < year + 1 || yy > year + 2) return null;
  const date = new Date(Date.UTC(yy, mm - 1, dd));
  if (date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** YYYY-MM-DD, or null when the text does not say when the report of `year` was published. */
export function publishDateIn(text: string, year: number): string | null {
  const labelled = LABELLED.exec(text);
  const fromLabel = labelled ? valid(labelled[1] ?? '', labelled[2] ?? '', labelled[3] ?? '', year) : null;
  if (fromLabel) return fromLabel;
  const tail = text.trimEnd().slice(-TAIL);
  const signed = [...tail.matchAll(SIGNED)].at(-1);
  return signed ? valid(signed[1] ?? '', signed[2] ?? '', signed[3] ?? '', year) : null;
}
