/**
 * Label variants seen in published reports, by row key (data). The official label of each row is always
 * tried too; these only add wordings that fuzzy matching alone would score too low. Typos that recur
 * inside words (以获取, 不再受理, 其它) are fixed by WORD_FIXES in normalize.ts instead.
 */
export const ROW_ALIASES: Readonly<Record<string, readonly string[]>> = {
  // 表二
  normativeDocs: ['规范性文件', '行政规范性文件'],
  fees: ['行政事业性收费', '行政事业收费'],
  enforcement: ['行政强制'],
  // 表三
  newReceived: ['本年新收政府信息公开申请数量', '本年新收申请数量', '本年新收申请'],
  carriedOver: ['上年结转政府信息公开申请数量', '上年结转申请数量', '上年结转申请'],
  partlyDisclosed: ['部分公开'],
  withheldThreeSafeties: ['危及三安全一稳定', '危及国家安全公共安全经济安全社会稳定'],
  withheldThirdParty: ['保护第三方合法权益'],
  unavailableNotHeld: ['本机关不掌握相关政府信息', '本机关不掌握相关信息'],
  unavailableNeedsCreation: ['没有现成信息需要另行制作', '没有现成信息需另行制作'],
  notProcessedPetition: ['信访举报投诉类申请', '信访投诉举报类申请'],
  notProcessedConfirmation: ['要求行政机关确认或重新出具已获取信息'],
  otherNoCorrection: ['申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请', '逾期不补正'],
  otherFeeUnpaid: ['申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请', '逾期未缴纳费用'],
  resultTotal: ['总计', '合计'],
  carriedForward: ['结转下年度继续办理', '结转下年继续办理'],
  // 表四
  directSuit: ['未经复议直接起诉', '直接起诉'],
  suitAfterReview: ['复议后起诉'],
};

/**
 * Labels too short or too common to be found inside other text (“其他” is also a column header, “总计” a
 * column): they match only a token that is exactly the label.
 */
export const EXACT_ONLY: ReadonlySet<string> = new Set(['其他', '总计', '合计', '规章']);
