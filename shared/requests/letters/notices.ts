/**
 * Notices sent while a request is open: 补正通知 (条例 第三十条), 延期告知 (第三十三条), 第三方意见征询函
 * (第三十二条) and 收费通知 (第四十二条, 国办函〔2020〕109号). Plain text drafts; missing values are 【请填写】
 * markers (fill.ts). The consultation letter goes to the third party and names no applicant.
 */
import { CLOCK_RULES, type IsoDate } from '../../calendar';
import type { FeeBasis } from '../actions';
import { describeFee, priceFee } from '../fees';
import { chineseDate } from './fill';

interface NoticeBase {
  organName: string;
  applicationNo: string;
  noticeDate: IsoDate;
}

interface ToApplicant extends NoticeBase {
  applicantName: string;
  receivedDate: IsoDate;
}

const INDENT = ' '.repeat(24);
const sign = (n: NoticeBase) => `\n${INDENT}${n.organName}\n${INDENT}${chineseDate(n.noticeDate)}`;
const greeting = (n: ToApplicant) =>
  `${n.applicantName}：\n    本机关于${chineseDate(n.receivedDate)}收到您提出的政府信息公开申请（申请编号：${n.applicationNo}）。`;

export interface CorrectionNotice extends ToApplicant {
  /** What to add or clarify. */
  items: string;
  correctBy: IsoDate;
}

/** 条例 第三十条: 一次性告知 what to correct and by when; the period restarts from receipt of the correction. */
export function correctionNotice(n: CorrectionNotice): string {
  return [
    '政府信息公开申请补正告知书',
    '',
    `${greeting(n)}经审查，您的申请内容不明确，请作如下补正：`,
    `    ${n.items}`,
    `    请于${chineseDate(n.correctBy)}前将补正材料提交本机关。答复期限自本机关收到补正后的申请之日起计算。` +
      '无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请（《中华人民共和国政府信息公开条例》第三十条）。',
    sign(n),
  ].join('\n');
}

export interface ExtensionNotice extends ToApplicant {
  workdays: number;
  newDueDate: IsoDate;
  reason: string;
}

/** 条例 第三十三条第一款: extended with the approval of the 公开工作机构负责人, by at most 20 working days. */
export function extensionNotice(n: ExtensionNotice): string {
  return [
    '政府信息公开申请延期答复告知书',
    '',
    `${greeting(n)}因${n.reason}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，` +
      `答复期限延长${n.workdays}个工作日，本机关将于${chineseDate(n.newDueDate)}前作出答复` +
      `（《中华人民共和国政府信息公开条例》第三十三条第一款，延长期限最长不超过${CLOCK_RULES.maxExtension.workdays}个工作日）。`,
    sign(n),
  ].join('\n');
}

export interface ConsultationLetter extends NoticeBase {
  partyName: string;
  /** The information concerned; say nothing about who asked for it. */
  informationTitle: string;
  /** Known when handed over or sent online (received that day); by post the period runs from signing. */
  replyBy?: IsoDate;
  contact: string;
}

/** 条例 第三十二条: the third party answers within 15 working days; silence leaves the decision to the organ. */
export function consultationLetter(n: ConsultationLetter): string {
  return [
    '政府信息公开第三方意见征询函',
    '',
    `${n.partyName}：`,
    `    本机关收到一件政府信息公开申请（编号：${n.applicationNo}），申请公开的“${n.informationTitle}”可能涉及您（单位）的商业秘密、个人隐私等合法权益。` +
      '依照《中华人民共和国政府信息公开条例》第三十二条，现征求您的意见。',
    `    请${n.replyBy ? `于${chineseDate(n.replyBy)}前（` : ''}自收到本函之日起${CLOCK_RULES.thirdPartyReply.workdays}个工作日内${n.replyBy ? '）' : ''}书面提出是否同意公开的意见及理由。` +
      '逾期未提出意见的，由本机关依照条例的规定决定是否公开。第三方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的内容和理由书面告知第三方。',
    `    联系方式：${n.contact}`,
    sign(n),
  ].join('\n');
}

export interface FeeNotice extends ToApplicant {
  feeBasis: FeeBasis;
  /** Known when sent online or handed over (received that day); by post it runs from the signed-for day. */
  payBy?: IsoDate;
  /** Where and how to pay (bank account, non-tax payment code…). */
  howToPay: string;
}

/** 条例 第四十二条; 109号: the amount and how it was computed; payment within 20 working days, else abandoned. */
export function feeNotice(n: FeeNotice): string {
  const amount = priceFee(n.feeBasis);
  return [
    '政府信息公开信息处理费缴纳通知书',
    '',
    `${greeting(n)}您申请公开政府信息的数量、频次明显超过合理范围，依照《中华人民共和国政府信息公开条例》第四十二条和` +
      `《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），本机关依法收取信息处理费${amount}元。`,
    `    计算方式：${describeFee(n.feeBasis)}`,
    `    请自收到本通知次日起${CLOCK_RULES.feePayment.workdays}个工作日内${n.payBy ? `（${chineseDate(n.payBy)}前）` : ''}缴纳，缴费方式：${n.howToPay}。` +
      '自发出本通知至您缴费的时间不计算在答复期限内；逾期未缴纳的，视为放弃申请，本机关将不再处理该政府信息公开申请。',
    sign(n),
  ].join('\n');
}

export interface DisclosureOverObjection extends NoticeBase {
  partyName: string;
  informationTitle: string;
  /** What will be disclosed, and why the public interest requires it. */
  content: string;
  reasons: string;
}

/**
 * 条例 第三十二条: the third party objected, but the organ considers that withholding would seriously harm the
 * public interest and discloses — it tells the third party in writing the content and the reasons, before
 * disclosure. The third party may seek 行政复议 or 行政诉讼 against the decision (条例 第五十一条).
 */
export function disclosureOverObjectionNotice(n: DisclosureOverObjection, rights: string): string {
  return [
    '政府信息公开决定告知书（第三方）',
    '',
    `${n.partyName}：`,
    `    本机关就政府信息公开申请（编号：${n.applicationNo}）所涉“${n.informationTitle}”征求了您（单位）的意见，您（单位）不同意公开。` +
      '本机关认为不公开可能对公共利益造成重大影响，依照《中华人民共和国政府信息公开条例》第三十二条，决定予以公开。',
    `    决定公开的内容：${n.content}`,
    `    理由：${n.reasons.replace(/[。；;]+$/, '')}。`,
    `    ${rights}`,
    sign(n),
  ].join('\n');
}

export interface ReasonsNotice extends ToApplicant {
  items?: string;
}

/**
 * 条例 第三十五条: the amount or frequency clearly exceeds a reasonable range — the organ asks for reasons. The
 * 条例 does not stop the answer period for this; the organ's later date (laterDateNotice) is how it gets time.
 */
export function reasonsNotice(n: ReasonsNotice): string {
  return [
    '政府信息公开申请说明理由告知书',
    '',
    `${greeting(n)}您申请公开政府信息的数量、频次明显超过合理范围，依照《中华人民共和国政府信息公开条例》第三十五条，请您说明理由` +
      `${n.items ? `：${n.items.replace(/[。；;]+$/, '')}` : ''}。`,
    '    本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理但无法在规定期限内答复的，将确定延迟答复的合理期限并告知您。',
    sign(n),
  ].join('\n');
}

export interface LaterDateNotice extends ToApplicant {
  answerBy: IsoDate;
  reason: string;
}

/** 条例 第三十五条: the reasons are accepted, but the answer needs more time — the reasonable later date. */
export function laterDateNotice(n: LaterDateNotice): string {
  return [
    '政府信息公开申请延迟答复告知书',
    '',
    `${greeting(n)}本机关认为您说明的申请理由合理，但因${n.reason.replace(/[。；;]+$/, '')}，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。` +
      `依照条例第三十五条，本机关确定于${chineseDate(n.answerBy)}前作出答复。`,
    sign(n),
  ].join('\n');
}
