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

/**
 * In order: 主动公开(各类)(政府)信息 N 条/件/篇; 主动公开 N 条; (共/累计/全年)公开…信息 N 条; (共/累计/全年)发布…信息
 * N 条. Not 主动公开规范性文件 N 件 (a part of the count).
 */
const PROACTIVE = [
  new RegExp(`主动公开${CLAUSE}{0,12}?信息${CLAUSE}{0,6}?${NUMBER}\\s*(余)?\\s*(?:条|件|篇)`),
  new RegExp(`主动公开${CLAUSE}{0,6}?${NUMBER}\\s*(余)?\\s*(?:条|篇)`),
  new RegExp(`(?:共|累计|全年)公开${CLAUSE}{0,6}?信息${CLAUSE}{0,4}?${NUMBER}\\s*(余)?\\s*(?:条|件|篇)`),
  new RegExp(`(?:共|累计|全年)发布${CLAUSE}{0,6}?信息${CLAUSE}{0,4}?${NUMBER}\\s*(余)?\\s*(?:条|篇)`),
];
const RECEIVED = new RegExp(
  `(?:收到|受理|新收|接收|接到|办理)${CLAUSE}{0,30}?申请${CLAUSE}{0,8}?${NUMBER}\\s*(余)?\\s*(?:件|个|份|条|次)`,
);
const RECEIVED_NONE = new RegExp(
  `(?:未|没有|无)(?:收到|受理|接到|接收)${CLAUSE}{0,30}?申请|(?:未|没有|无)(?:发生|产生)?依申请公开`,
);
const RECEIVED_ZERO_WORD = new RegExp(`(?:收到|受理|新收)${CLAUSE}{0,30}?申请${CLAUSE}{0,6}?(?:为零|为0件|0件)`);
const FEES = new RegExp(`信息处理费${CLAUSE}{0,10}?${NUMBER}\\s*(万)?元`);
const FEES_NONE = new RegExp(
  `(?:未|没有|无|不|均未|免)(?:收取|征收|产生|涉及|收)?${CLAUSE}{0,8}?信息处理费|信息处理费${CLAUSE}{0,6}?(?:无|未|为零|零元)`,
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

function firstIn(texts: readonly string[], find: (text: string) => number | null): number | null {
  for (const text of texts) {
    const found = find(text);
    if (found !== null) return found;
  }
  return null;
}

/** The count in a match, unless it is approximate (“200 余条”) or not a whole number. */
function exactCount(m: RegExpExecArray | null): number | null {
  if (!m || m[2]) return null;
  const n = toNumber(m[1] ?? '');
  return n !== null && Number.isInteger(n) ? n : null;
}

function proactiveCount(text: string): number | null {
  for (const pattern of PROACTIVE) {
    const m = pattern.exec(text);
    if (m) return exactCount(m);
  }
  return null;
}

/** The first match of a pattern whose clause is not about 复议/诉讼/信访. */
function firstAbout(pattern: RegExp, text: string): RegExpExecArray | null {
  const global = new RegExp(pattern.source, 'g');
  for (let m = global.exec(text); m; m = global.exec(text)) if (!clauseHasReview(m[0])) return m;
  return null;
}

function applicationsReceived(text: string): number | null {
  // The earliest statement wins: a count, or a statement that none was received.
  const counted = firstAbout(RECEIVED, text);
  const none = firstAbout(RECEIVED_NONE, text) ?? firstAbout(RECEIVED_ZERO_WORD, text);
  if (none && (!counted || none.index <= counted.index)) return 0;
  return exactCount(counted);
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

/** The numbers the narrative states; each null when no section states it. */
export function extractNarrativeNumbers(sections: Sections): Narrative {
  const texts = SEARCH_ORDER.map((key) => normalize(sections[key]));
  return {
    proactiveCount: firstIn(texts, proactiveCount),
    applicationsReceived: firstIn(texts, applicationsReceived),
    processingFeesYuan: firstIn(texts, processingFeesYuan),
  };
}
