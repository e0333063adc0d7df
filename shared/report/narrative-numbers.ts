/**
 * Numbers a report's prose states, for the narrativeNumbers check: 主动公开政府信息 N 条, 收到…申请 N 件,
 * 信息处理费 N 元. Null when the text does not state the number; 0 when it says there was none.
 * The first statement found wins, searching 一 (总体情况) before the other sections.
 */
import type { Narrative, Sections } from './schema';

const SEARCH_ORDER: readonly (keyof Sections)[] = [
  'overview',
  'proactive',
  'applications',
  'other',
  'reviewLitigation',
  'problems',
];

/** One clause: statements never cross a full stop or semicolon. */
const CLAUSE = '[^。；;！!？?\\n]';
const NUMBER = '(\\d[\\d,]*(?:\\.\\d+)?)';

/** A figure's unit: 条, 件, 篇 (and 个 for a 受理 count). */
const APPROX_BEFORE = '(近|约|超过|超|逾|共约)?\\s*';
const APPROX_AFTER = '\\s*(余|多)?\\s*';

/**
 * 主动公开 statements: 主动公开(各类)(政府)信息 N 条; 主动公开 N 条; (共/累计/全年)公开…信息 N 条; 公开…信息 N 条;
 * (共/累计/全年)发布…信息 N 条 — verbs 主动公开, 公开, 发布, 公开发布, 审核发布 alike. Not a part of the count: a
 * category (“工作动态类信息 N 条”, “其他…信息”), one new-media channel (微信公众号 …), a document kind (主动公开规范性文件 N 件).
 */
const PROACTIVE = new RegExp(
  `(?:主动公开|公开发布|审核发布|发布|公开)${CLAUSE}{0,14}?信息${CLAUSE}{0,6}?${APPROX_BEFORE}${NUMBER}${APPROX_AFTER}(?:条|件|篇)` +
    `|主动公开${CLAUSE}{0,6}?${APPROX_BEFORE}${NUMBER}${APPROX_AFTER}(?:条|篇)` +
    // A list of kinds, then its total: “主动公开规划信息、统计信息、…等共计 80 余条”.
    `|主动公开${CLAUSE}{0,40}?(?:共计|合计|累计)${APPROX_BEFORE}${NUMBER}${APPROX_AFTER}(?:条|篇)`,
  'g',
);
/** Where each alternative of PROACTIVE has its groups (approximate-before, number, approximate-after). */
const PROACTIVE_GROUP_OFFSETS = [0, 3, 6];
/** One place of publication named in a count's clause (“上海市人民政府网站共发布…”). */
const CHANNEL_NAMED = /网站|门户|公报|政务新媒体/;
/** Documents 主动公开 counted by kind elsewhere in the text (“主动公开市政府规章 13 件”). */
const DOCUMENT_COUNTS = /主动公开[^。；;\n，,]{0,20}?\d+\s*件/;
/** A total: 共, 共计, 总数, 累计, 合计, 全年, 总计. */
const TOTAL_MARK = /共|总数|累计|合计|全年|总计|全(?:镇|乡|县|市|区|街道|委|局)/;
/** One new-media channel: its count is never the total. */
const CHANNEL_MARK = /微信|公众号|微博|抖音|视频号|头条|快手|客户端|APP/;
/** One channel or a part of the count, never the total. */
const PART_MARK = new RegExp(`${CHANNEL_MARK.source}|(?<!各)类信息|其他|其中|包括|依申请|申请`);
const RECEIVED = new RegExp(
  `(?:收到|受理|新收|接收|接到|办理)${CLAUSE}{0,30}?申请${CLAUSE}{0,12}?${APPROX_BEFORE}${NUMBER}${APPROX_AFTER}(?:件|个|份|条|次)(?!\\s*工作日)`,
);
/** The count before the word: “共收到 8 份政府信息公开申请”. */
const RECEIVED_BEFORE = new RegExp(
  `(?:收到|受理|新收|接收|接到)${CLAUSE}{0,4}?${APPROX_BEFORE}${NUMBER}${APPROX_AFTER}(?:件|个|份|条|次)${CLAUSE}{0,12}?申请`,
);
const RECEIVED_NONE = new RegExp(
  // “依申请公开 0 件”: none received (a count above 0 so worded could be of answers, and is not taken).
  `依申请公开(?:数量)?(?:为|共)?\\s*(?:0|零)\\s*件|(?:未|没有|无)(?:收到|受理|接到|接收)${CLAUSE}{0,30}?申请|(?:未|没有|无)(?:发生|产生)?依申请公开|(?:未|没有)${CLAUSE}{0,4}?(?:收到|受理|接到|接收|接收到)${CLAUSE}{0,12}?依申请公开`,
);
const RECEIVED_ZERO_WORD = new RegExp(`(?:收到|受理|新收)${CLAUSE}{0,30}?申请${CLAUSE}{0,6}?(?:为零|为0件|0件)`);
const FEES = new RegExp(`信息处理费${CLAUSE}{0,10}?${NUMBER}\\s*(万)?元`);
const FEES_NONE = new RegExp(
  `(?:未|没有|无|不|均未|免)(?:收取|征收|产生|涉及|收)?${CLAUSE}{0,8}?信息处理费|信息处理费${CLAUSE}{0,6}?(?:无|未|为零|零元)` +
    // Other wordings that no fee was charged for the requests: “未因信息公开收取任何费用”, “无收取依申请公开信息相关费用情况”.
    `|(?:未|没有|无|不|均未|免)${CLAUSE}{0,12}?(?:收取|收)${CLAUSE}{0,24}?(?:费用|收费)|(?:免费|无偿)(?:提供|答复|公开)`,
);

function normalize(text: string): string {
  // Full-width digits and punctuation to ASCII; spaces inside numbers ("2 6 4") are not joined on purpose.
  return text.normalize('NFKC');
}

function toNumber(raw: string): number | null {
  const n = Number(raw.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

function clauseHasReview(match: string): boolean {
  return /复议|诉讼|信访/.test(match);
}

function firstIn<T>(texts: readonly string[], find: (text: string) => T | null): T | null {
  for (const text of texts) {
    const found = find(text);
    if (found !== null) return found;
  }
  return null;
}

/** A count as stated: its value, and whether the text gives it as approximate (“200 余条”, “近 200 条”). */
interface Figure {
  value: number;
  approximate: boolean;
}

/** The count in a match (groups: approximate-before, number, approximate-after), if a whole number. */
function figureOf(m: RegExpExecArray | null, offset = 0): Figure | null {
  if (!m) return null;
  const n = toNumber(m[offset + 2] ?? '');
  if (n === null || !Number.isInteger(n)) return null;
  return { value: n, approximate: Boolean(m[offset + 1] || m[offset + 3]) };
}

/** The clause a match sits in, up to the match's end: what qualifies the number. */
function clauseBefore(text: string, index: number, end: number): string {
  const start = Math.max(
    text.lastIndexOf('，', index),
    text.lastIndexOf(',', index),
    text.lastIndexOf('。', index) + 1,
    0,
  );
  return text.slice(start, end);
}

/**
 * The 主动公开 count. Counts that are parts (a channel, a category) are passed over; of the rest, the first
 * in this order: 主动公开 with a total word (共, 累计, 全年 …), 主动公开, another verb (发布, 公开) with a total
 * word, another verb — but a count of that last kind beside other counts (parts included) is one of several
 * figures per channel without a total, and none of them is taken.
 */
function proactiveCount(text: string): Figure | null {
  const candidates: { figure: Figure; rank: number }[] = [];
  let parts = 0;
  for (const m of text.matchAll(PROACTIVE)) {
    const offset = PROACTIVE_GROUP_OFFSETS.find((o) => m[o + 2] !== undefined) ?? 0;
    const figure = figureOf(m as RegExpExecArray, offset);
    if (!figure) continue;
    const clause = clauseBefore(text, m.index ?? 0, (m.index ?? 0) + m[0].length);
    // A count not worded 主动公开, of one named website, beside documents 主动公开 counted by kind: that
    // website's posts, one channel of several, not the total (Shanghai 2022: 网站共发布各类信息 46106 条).
    const oneChannel =
      !m[0].startsWith('主动公开') &&
      CHANNEL_NAMED.test(clause) &&
      DOCUMENT_COUNTS.test(text.slice(0, m.index ?? 0) + text.slice((m.index ?? 0) + m[0].length));
    // “包括…等各项信息共计 19 条”: a list of kinds closed by its total is the total, unless of one channel.
    const listTotal = /(?:共计|合计|累计|总计)\s*(?:近|约|超过|超|逾)?\s*\d[\d,]*\s*(?:余|多)?\s*(?:条|篇|件)$/.test(
      m[0],
    );
    const part = listTotal ? CHANNEL_MARK.test(clause) : PART_MARK.test(clause);
    if (part || clauseHasReview(clause) || oneChannel) {
      parts++;
      continue;
    }
    const proactive = m[0].startsWith('主动公开');
    const total = TOTAL_MARK.test(clause);
    candidates.push({ figure, rank: (proactive ? 0 : 2) + (total ? 0 : 1) });
  }
  const best = Math.min(...candidates.map((c) => c.rank));
  const top = candidates.filter((c) => c.rank === best);
  if (best === 3 && top.length + parts > 1) return null;
  return top[0]?.figure ?? null;
}

/** The 主动公开 part of 一 (“（一）主动公开情况 …”) when the text has one: searched before the rest. */
function proactivePart(text: string): string {
  const m = /[（(][一1][）)]\s*(?:政府信息)?主动公开[^\n]*(?:\n(?![（(][二三四五六2-6][）)])[^\n]*)*/.exec(text);
  return m ? m[0] : '';
}

/** The first match of a pattern whose clause is not about 复议/诉讼/信访. */
function firstAbout(pattern: RegExp, text: string): RegExpExecArray | null {
  const global = new RegExp(pattern.source, 'g');
  for (let m = global.exec(text); m; m = global.exec(text)) if (!clauseHasReview(m[0])) return m;
  return null;
}

function applicationsReceived(text: string): Figure | null {
  // The earliest statement wins: a count, or a statement that none was received (a count that starts at
  // the same place wins over a “0 件” further on: “受理申请 152 件（…传真申请 0 件）”).
  const after = firstAbout(RECEIVED, text);
  const before = firstAbout(RECEIVED_BEFORE, text);
  const counted = after && (!before || after.index <= before.index) ? after : before;
  const none = firstAbout(RECEIVED_NONE, text) ?? firstAbout(RECEIVED_ZERO_WORD, text);
  if (none && (!counted || none.index < counted.index)) return { value: 0, approximate: false };
  return figureOf(counted);
}

function processingFeesYuan(text: string): number | null {
  const counted = FEES.exec(text);
  const none = FEES_NONE.exec(text);
  if (none && (!counted || none.index <= counted.index)) return 0;
  if (!counted) return null;
  const n = toNumber(counted[1] ?? '');
  if (n === null) return null;
  return counted[2] ? Math.round(n * 10_000 * 100) / 100 : n;
}

/** Whether a text states the 信息处理费 collected or, in any wording, that none was charged. */
export function statesProcessingFees(text: string): boolean {
  return processingFeesYuan(normalize(text)) !== null;
}

/**
 * The numbers the narrative states; each null when no section states it. An approximate figure (“5500 余条”)
 * is kept with its key in `approximate`. `preface`: the text before 一 (searched after 一).
 */
export function extractNarrativeNumbers(sections: Sections, preface = ''): Narrative {
  const texts = SEARCH_ORDER.map((key) => normalize(sections[key]));
  texts.splice(1, 0, normalize(preface));
  const proactive = firstIn([proactivePart(texts[0] ?? ''), ...texts], proactiveCount);
  const received = firstIn(texts, applicationsReceived);
  const approximate = (
    [
      ['proactiveCount', proactive],
      ['applicationsReceived', received],
    ] as const
  )
    .filter(([, f]) => f?.approximate)
    .map(([k]) => k);
  return {
    proactiveCount: proactive?.value ?? null,
    applicationsReceived: received?.value ?? null,
    processingFeesYuan: firstIn(texts, processingFeesYuan),
    ...(approximate.length ? { approximate } : {}),
  };
}
