/**
 * Organ and year from a report's title: “扎毛乡 2023 年度政府信息公开工作报告”, “XX县XX镇人民政府2022年政府信息
 * 公开工作年度报告”, “2023年XX县交通运输局政府信息公开工作年度报告”, “XX局关于二〇二三年度政府信息公开工作的报告”.
 * A title split over two lines (organ, then year and the rest) is read too.
 */
import { SPAM_MARKERS } from './aliases';
import { chineseYear, halfWidth } from './normalize';

export interface TitleInfo {
  organ: string | null;
  year: number | null;
}

const YEAR = /(\d{4}|[〇零○一二三四五六七八九]{4})\s*年度?/;
const SUBJECT = /(?:政府信息公开|政务公开|信息公开)/;

function yearOf(raw: string): number | null {
  if (/^\d{4}$/.test(raw)) return Number(raw);
  return chineseYear(raw);
}

const SPAM = new RegExp(SPAM_MARKERS.join('|'), 'g');

/** What follows injected spam (a betting site's name), from its first Chinese character. */
function withoutSpam(organ: string): string {
  let end = -1;
  for (const m of organ.matchAll(SPAM)) end = (m.index ?? 0) + m[0].length;
  return end < 0 ? organ : organ.slice(end).replace(/^[^\u4e00-\u9fff]+/u, '');
}

function cleanOrgan(raw: string): string {
  // A web page's breadcrumb or label before the name: keep what follows the last separator.
  const parts = raw.split(/[>»:：|｜/]/);
  const organ = (parts[parts.length - 1] ?? '')
    .replace(/[《》“”"【】\[\]]/g, '')
    .replace(/\s+/g, '')
    // Markdown and heading markers (“# ”, “**”), a year or a stray number before the name.
    .replace(/[#*＊_`~]+/g, '')
    .replace(/^(?:\d{4}(?:年度?)?|\d+[.、．])+/, '')
    .replace(/(?:关于|的)$/, '')
    .replace(/^(?:关于)/, '');
  return withoutSpam(organ);
}

/** A title line: names the subject and a report (报告, or its characters garbled: “工作告年度报”). */
function isTitle(line: string): boolean {
  const report = /报告/.test(line) || (/报/.test(line) && /告/.test(line));
  return SUBJECT.test(line) && report && [...line].length <= 60 && !/。/.test(line);
}

/** A title broken over two lines (“…2024年度政府” / “信息公开工作年度报告”): each line joined to the next. */
function joinedPairs(texts: readonly string[]): string[] {
  return texts.map((t, i) => {
    const next = texts.slice(i + 1).find((n) => n.length > 0) ?? '';
    const short = [...t].length <= 40 && [...next].length <= 40 && !/[>»]/.test(t);
    return short && t.length > 0 && !isTitle(t) ? `${t}${next}` : '';
  });
}

/** Organ and year of the first title-like line among the lines before part 一. */
export function readTitle(lines: readonly string[]): TitleInfo {
  const texts = lines.map((l) => halfWidth(l).trim());
  const joined = joinedPairs(texts);
  // A title with a year first (a breadcrumb such as “首页 > 政府信息公开年度报告” has none), then one
  // broken over two lines, then any title.
  const withYear = texts.findIndex((t) => isTitle(t) && YEAR.test(t));
  const joinedAt = withYear >= 0 ? -1 : joined.findIndex((t) => isTitle(t) && YEAR.test(t));
  const at = withYear >= 0 ? withYear : joinedAt >= 0 ? joinedAt : texts.findIndex(isTitle);
  if (at < 0) return { organ: null, year: periodYear(texts) };
  const title = (joinedAt >= 0 ? joined[at] : texts[at]) ?? '';
  const m = YEAR.exec(title);
  const year = m ? yearOf(m[1] ?? '') : null;
  let organ = '';
  if (m) {
    organ = cleanOrgan(title.slice(0, m.index).split(SUBJECT)[0] ?? '');
    if (organ === '') organ = cleanOrgan(title.slice(m.index + m[0].length).split(SUBJECT)[0] ?? '');
  } else {
    organ = cleanOrgan(title.split(SUBJECT)[0] ?? '');
  }
  if (organ === '') {
    // The organ on its own line just above the title, or else just below it.
    const above = texts
      .slice(0, at)
      .filter((t) => t.length > 0)
      .pop();
    const end = joinedAt >= 0 ? texts.findIndex((t, i) => i > at && t.length > 0) : at;
    const below = texts.slice(end + 1).find((t) => t.length > 0);
    organ =
      [above, below]
        .map((t) => (t && [...t].length <= 30 && !/[。,，;；]/.test(t) ? cleanOrgan(t) : ''))
        .find((o) => ORGAN_END.test(o)) ?? '';
  }
  return { organ: organ === '' ? null : organ, year: year ?? periodYear(texts) };
}

/** The year of a statistics period stated in the preamble: “统计期限为 2023 年 1 月 1 日至 12 月 31 日”. */
function periodYear(texts: readonly string[]): number | null {
  for (const t of texts) {
    // The 年 is sometimes lost in the paste: “自20231月1日起至…”.
    const m = /(\d{4})\s*年?\s*1\s*月\s*1\s*日\s*起?\s*(?:至|到|-|—)/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

const ORGAN_END = /(?:人民政府|政府|办事处|局|委员会|委|办公室|中心|厅|院|署|镇|乡|街道)$/;

/** The organ signing at the end of the report, when the title names none. */
export function signatureOrgan(lines: readonly string[]): string | null {
  const tail = lines
    .map((l) => halfWidth(l).replace(/\s+/g, ''))
    .filter((l) => l.length > 0)
    .slice(-4);
  const found = tail.reverse().find((l) => [...l].length <= 30 && !/[。,，;；:：]/.test(l) && ORGAN_END.test(l));
  return found ?? null;
}

/**
 * The year a report's text is about when no title or statistics period states it: the statistics period
 * anywhere (“2023年1月1日至…”), else the year the text names most often (“2023年，我局…”, “截止2023年12月31日”).
 */
export function yearInText(lines: readonly string[]): number | null {
  const texts = lines.map((l) => halfWidth(l));
  const period = periodYear(texts);
  if (period !== null) return period;
  const counts = new Map<number, number>();
  for (const t of texts)
    for (const m of t.matchAll(/(?<!\d)(20\d{2})\s*年(?!\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|发布))/g)) {
      const y = Number(m[1]);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}

/**
 * The organ the preface names when no title does: “现向社会公布开化县中村乡人民政府2023年政府信息公开工作年度报告”,
 * “现发布《临洮县新添镇2022年政府信息公开工作年度报告》”, “本报告由高楼乡人民政府按照…编制”, “由保康县农业农村局编制”.
 */
export function prefaceOrgan(lines: readonly string[]): string | null {
  const text = lines
    .slice(0, 60)
    .map((l) => halfWidth(l))
    .join('\n');
  const named =
    /(?:公布|发布|编制|公开|印发)[《“]?([^《》“”,，。;；\n]{2,40}?)\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年度?(?:政府信息公开|政务公开|信息公开)/.exec(
      text,
    );
  const by = /由([^,，。;；\n《]{2,30}?)(?:按照|根据|依据|依照|综合|结合|负责|编制)/.exec(text);
  for (const m of [named, by]) {
    const organ = m ? cleanOrgan(m[1] ?? '').replace(/^(?:现将|现|我们|本机关)/, '') : '';
    if (ORGAN_END.test(organ)) return organ;
  }
  return null;
}
