/**
 * Placeholders for letter drafts. A value staff have not given yet is written as 【请填写：…】 and listed in
 * `missing`, so a draft is always complete text that staff edit before sending, never a silent gap.
 */
import type { IsoDate } from '../../calendar';

/** What a reply letter may need; every field is optional, a missing one becomes a 【请填写】 marker. */
export interface LetterContext {
  organName?: string;
  applicationNo?: string;
  /** The applicant's full name (the letter goes to them, not to a log). */
  applicantName?: string;
  receivedDate?: IsoDate;
  letterDate?: IsoDate;
  /** The information asked for, as the applicant described it. */
  informationTitle?: string;
  /** partlyDisclosed: what is withheld. */
  withheldPart?: string;
  /** Why (refusals, 其他处理), in the organ's words. */
  reason?: string;
  /** How and when the information is provided (disclosed, partlyDisclosed). */
  deliveryNote?: string;
  /** Already published / publication / special query procedure: where to get it. */
  whereToGet?: string;
  /** unavailableNotHeld under 第三十六条（五）: the organ responsible and its contact. */
  holderOrgan?: string;
  holderContact?: string;
  /** notProcessedDuplicate: the earlier request and its answer. */
  earlierApplication?: string;
  correctionDate?: IsoDate;
  correctBy?: IsoDate;
  feeNoticeDate?: IsoDate;
  feeDeadline?: IsoDate;
  /** 行政复议机关, e.g. the county people's government for a township (行政复议法 第二十四条). An organ setting. */
  reviewOrgan?: string;
  /** The court with jurisdiction (行政诉讼法 第十八条): an organ setting, free text. */
  court?: string;
  /** unavailableNotHeld: the information is not this organ's to disclose (第三十六条第（五）项). */
  notThisOrgan?: string;
  /** notProcessedConfirmation: the basis as staff edited it (the 条例 has no article of its own). */
  basis?: string;
}

/** Labels of the fields, for the markers and for the list of what is missing. */
export const FIELD_LABELS: Record<keyof LetterContext, string> = {
  organName: '机关名称',
  applicationNo: '申请编号',
  applicantName: '申请人姓名或名称',
  receivedDate: '收到申请日期',
  letterDate: '答复日期',
  informationTitle: '所申请的信息',
  withheldPart: '不予公开的部分',
  reason: '理由',
  deliveryNote: '提供信息的方式和时间',
  whereToGet: '获取途径',
  holderOrgan: '负责公开该信息的机关',
  holderContact: '该机关的联系方式',
  earlierApplication: '此前申请及答复情况',
  correctionDate: '补正告知日期',
  correctBy: '补正期限',
  feeNoticeDate: '收费通知日期',
  feeDeadline: '缴费期限',
  reviewOrgan: '行政复议机关',
  court: '人民法院',
  notThisOrgan: '不属于本机关负责公开',
  basis: '答复依据',
};

/** A placeholder left in a draft. No letter or notice with one may reach an applicant or a third party. */
const PLACEHOLDER = /【请填写：?([^】]*)】/g;

/** The 【请填写…】 markers still in `text`, in order, each once (e.g. ['【请填写：行政复议机关】']). */
export function findPlaceholders(text: string): string[] {
  return [...new Set(text.match(PLACEHOLDER) ?? [])];
}

export interface Filler {
  /** The value, or a 【请填写：label】 marker (recorded as missing). */
  get(field: keyof LetterContext): string;
  /** Whether the field was given (for wording that depends on it). */
  has(field: keyof LetterContext): boolean;
  readonly missing: string[];
}

export function filler(context: LetterContext): Filler {
  const missing: string[] = [];
  return {
    get(field) {
      // A closing 。 or ； typed by staff is dropped: the template punctuates.
      const value = context[field]?.trim().replace(/[。；;]+$/, '');
      if (value) return value;
      const label = FIELD_LABELS[field];
      if (!missing.includes(label)) missing.push(label);
      return `【请填写：${label}】`;
    },
    has(field) {
      return Boolean(context[field]?.trim());
    },
    missing,
  };
}

/** 'YYYY-MM-DD' → 'YYYY年M月D日'; anything else unchanged (a marker stays a marker). */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/**
 * The applicant's remedies (条例 第五十一条), naming the 复议机关 and the court with their time limits:
 * 《中华人民共和国行政复议法》(2023) 第二十条 (60 days) and 《中华人民共和国行政诉讼法》第四十六条 (6 months);
 * where 复议前置 applies (行政复议法 第二十三条第一款第（四）项, a refusal to disclose), the suit follows the review
 * decision (行政诉讼法 第四十五条, 15 days). A letter that leaves them out lets the limits run up to a year
 * (行政复议法 第二十条第三款; 行诉解释 第六十四条), so both organs are required settings.
 */
export function rightsClause(
  f: Filler,
  reviewFirst: boolean,
  act: { what: string; doc: string } = { what: '本答复', doc: '本答复书' },
): string {
  const reviewOrgan = f.get('reviewOrgan');
  const court = f.get('court');
  const review = `可以自收到${act.doc}之日起60日内向${reviewOrgan}申请行政复议（《中华人民共和国行政复议法》第二十条）`;
  if (reviewFirst) {
    return `如对${act.what}不服，${review}。依照《中华人民共和国行政复议法》第二十三条，对不予公开政府信息的答复，应当先申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。`;
  }
  return `如对${act.what}不服，${review}，或者自收到${act.doc}之日起6个月内向${court}提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。`;
}

/** The closing: organ and date, right-aligned by convention (plain text: indented). */
export function signature(f: Filler): string {
  const date = f.has('letterDate') ? chineseDate(f.get('letterDate')) : f.get('letterDate');
  return `\n${' '.repeat(24)}${f.get('organName')}\n${' '.repeat(24)}${date}`;
}
