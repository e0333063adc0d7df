/**
 * The time limits behind the request clock, as data with their legal basis (like chinese-days cites the
 * 国务院办公厅 notice for each year). 条例 = 《中华人民共和国政府信息公开条例》(国务院令第711号, 2019).
 */
export interface TimeRule {
  workdays: number;
  basis: string;
  rule: string;
}

export const CLOCK_RULES = {
  /** Day 1 is the first working day after receipt; 第三十一条 fixes the receipt date by channel. */
  answer: { workdays: 20, basis: '条例 第三十三条第一款', rule: '不能当场答复的，自收到申请之日起20个工作日内答复' },
  /** At most once; the approver is the 政府信息公开工作机构负责人, an organ setting. */
  maxExtension: {
    workdays: 20,
    basis: '条例 第三十三条第一款',
    rule: '经政府信息公开工作机构负责人同意，延长不超过20个工作日',
  },
  /** The answer period restarts from the receipt of the correction. */
  correctionNotice: {
    workdays: 7,
    basis: '条例 第三十条',
    rule: '申请内容不明确的，自收到申请之日起7个工作日内一次性告知补正',
  },
  /** Time spent waiting is not counted in the answer period (第三十三条第二款). */
  thirdPartyReply: { workdays: 15, basis: '条例 第三十二条', rule: '第三方自收到征求意见书之日起15个工作日内提出意见' },
  /** The time between notice and payment is not counted; unpaid = request abandoned (row otherFeeUnpaid). */
  feePayment: {
    workdays: 20,
    basis: '条例 第四十二条；国办函〔2020〕109号（收费通知条款，条号待核）',
    rule: '申请人自收到收费通知次日起20个工作日内缴费，逾期未缴纳视为放弃申请',
  },
} as const satisfies Record<string, TimeRule>;

/** Default for the atRisk flag: this many working days left or fewer. */
export const DEFAULT_AT_RISK_WORKDAYS = 3;
