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
  /** 行政复议机关, e.g. the county people's government for a township (行政复议法 第二十四条). */
  reviewOrgan?: string;
  /** Defaults to 有管辖权的人民法院. */
  court?: string;
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
};

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
 * The applicant's remedies: 《中华人民共和国行政复议法》 第二十条 (60 days) and 《中华人民共和国行政诉讼法》
 * 第四十六条 (6 months); where 复议前置 applies (行政复议法 第二十三条, refusals to disclose), the suit follows
 * the review decision (行政诉讼法 第四十五条, 15 days). (verify against the current texts)
 */
export function rightsClause(f: Filler, reviewFirst: boolean): string {
  const reviewOrgan = f.get('reviewOrgan');
  const court = f.has('court') ? f.get('court') : '有管辖权的人民法院';
  if (reviewFirst) {
    return `如对本答复不服，可以自收到本答复书之日起60日内向${reviewOrgan}申请行政复议。依照《中华人民共和国行政复议法》第二十三条，对不予公开政府信息的答复，应当先申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内向${court}提起行政诉讼。`;
  }
  return `如对本答复不服，可以自收到本答复书之日起60日内向${reviewOrgan}申请行政复议，或者自收到本答复书之日起6个月内向${court}提起行政诉讼。`;
}

/** The closing: organ and date, right-aligned by convention (plain text: indented). */
export function signature(f: Filler): string {
  const date = f.has('letterDate') ? chineseDate(f.get('letterDate')) : f.get('letterDate');
  return `\n${' '.repeat(24)}${f.get('organName')}\n${' '.repeat(24)}${date}`;
}
