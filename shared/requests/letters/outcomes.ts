/**
 * The 21 outcome rows of table 三 with the 条例 article behind each (shared/format/README: "the articles
 * behind each outcome row", marked verify there), grouped as in the table. 条例 = 《中华人民共和国政府信息
 * 公开条例》(国务院令第711号). Labels come from the format JSON, never retyped.
 */
import { FORMAT_2021, OUTCOME_ROWS, type Outcome } from '../../format';

/** The six groups of table 三's outcome rows, in table order; their headings are the format's (outcomeTitle). */
export const OUTCOME_GROUPS = [
  'disclosed',
  'partlyDisclosed',
  'withheld',
  'unavailable',
  'notProcessed',
  'other',
] as const;
export type OutcomeGroupKey = (typeof OUTCOME_GROUPS)[number];

export interface OutcomeRule {
  group: OutcomeGroupKey;
  /** The article(s) the letter cites. */
  basis: string;
  /** 条例 第三十六条（三）、第三十七条: a refusal states its reasons; 其他 states what happened. */
  needsReason: boolean;
  /**
   * 《中华人民共和国行政复议法》(2023) 第二十三条第一款（四）: against a refusal to disclose, 行政复议 comes
   * before 行政诉讼 (复议前置). Applied to the 不予公开 rows and to the withheld part of 部分公开. (verify)
   */
  reviewFirst: boolean;
  /** Only reached by closing an abandoned request (action 'close'), never chosen as an answer. */
  closeOnly: boolean;
  /** The 条例 has no article of its own here: staff may edit the cited basis. */
  editableBasis: boolean;
}

const rule = (group: OutcomeGroupKey, basis: string, extra: Partial<OutcomeRule> = {}): OutcomeRule => ({
  group,
  basis,
  needsReason: false,
  reviewFirst: false,
  closeOnly: false,
  editableBasis: false,
  ...extra,
});
const withheld = (basis: string) =>
  rule('withheld', `${basis}、第三十六条第（三）项`, { needsReason: true, reviewFirst: true });

export const OUTCOME_RULES: Record<Outcome, OutcomeRule> = {
  disclosed: rule('disclosed', '条例 第三十六条第（一）项、第（二）项'),
  partlyDisclosed: rule('partlyDisclosed', '条例 第三十七条', { needsReason: true, reviewFirst: true }),
  withheldStateSecret: withheld('条例 第十四条'),
  withheldLawProhibited: withheld('条例 第十四条'),
  withheldThreeSafeties: withheld('条例 第十四条'),
  withheldThirdParty: withheld('条例 第十五条、第三十二条'),
  withheldInternalAffairs: withheld('条例 第十六条第一款'),
  withheldProcessInfo: withheld('条例 第十六条第二款'),
  withheldEnforcementFile: withheld('条例 第十六条第二款'),
  withheldQueryMatter: rule('withheld', '条例 第三十六条第（七）项', { reviewFirst: true }),
  unavailableNotHeld: rule('unavailable', '条例 第三十六条第（四）项、第（五）项'),
  unavailableNeedsCreation: rule('unavailable', '条例 第三十八条'),
  unavailableStillUnclear: rule('unavailable', '条例 第三十条'),
  notProcessedPetition: rule('notProcessed', '条例 第三十九条第一款'),
  notProcessedDuplicate: rule('notProcessed', '条例 第三十六条第（六）项'),
  notProcessedPublication: rule('notProcessed', '条例 第三十九条第二款'),
  notProcessedMassRepeated: rule('notProcessed', '条例 第三十五条'),
  // No article of the 条例 covers it: the national format's row is cited, and staff may edit the basis.
  notProcessedConfirmation: rule(
    'notProcessed',
    '《政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三“不予处理——要求行政机关确认或重新出具已获取信息”',
    { editableBasis: true },
  ),
  otherNoCorrection: rule('other', '条例 第三十条', { closeOnly: true }),
  otherFeeUnpaid: rule('other', '条例 第四十二条、国办函〔2020〕109号', { closeOnly: true }),
  otherOther: rule('other', '条例 第三十三条、第三十六条', { needsReason: true }),
};

const rowOf = (outcome: Outcome) => FORMAT_2021.applications.rows.find((r) => r.key === outcome);

/** The official row label of table 三, e.g. '1.属于国家秘密'. */
export function outcomeLabel(outcome: Outcome): string {
  return rowOf(outcome)?.label ?? outcome;
}

/**
 * The group heading and the row, e.g. '（三）不予公开 — 1.属于国家秘密', for letters: a row inside a group
 * (（三）–（六）) under the format's heading of its group; the report's counting note after a label (部分公开's
 * '（区分处理的，只计这一情形…）') is left out.
 */
export function outcomeTitle(outcome: Outcome): string {
  const row = rowOf(outcome);
  const label = outcomeLabel(outcome).replace(/（[^（）]*）$/, '');
  return row?.parentGroup && row.group ? `${row.group} — ${label}` : label;
}

/** Outcomes in table order, by group. */
export function outcomesOf(group: OutcomeGroupKey): Outcome[] {
  return OUTCOME_ROWS.filter((o) => OUTCOME_RULES[o].group === group);
}
