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

/**
 * Words of a 总计 column header; a table 三 or 四 header with none of them has no total column. “总” alone:
 * a PDF copy splits the header cell into “总” and “计” on two lines.
 */
export const TOTAL_WORDS: readonly string[] = ['总', '合计', '小计'];

/**
 * Column headers of table 二 in the 2019 format (国办公开办函〔2019〕60号), which some reports still print:
 * its columns are not the 2021 format's, so the table is not read (normalised as labelKey gives them).
 */
export const OLD_FORMAT_HEADERS: readonly string[] = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增减',
  '其他对外管理服务事项',
  '采购项目数量',
];

/**
 * Lines a government portal puts around a report (toolbars, metadata, share links): dropped before reading,
 * so they reach neither the title nor 六. A line is chrome when it is made only of CHROME_WORDS (and
 * brackets, bars, spaces), or starts with a CHROME_FIELDS label and has no full stop.
 */
export const CHROME_WORDS: readonly string[] = [
  '打印本页',
  '打印此页',
  '打印',
  '关闭窗口',
  '关闭本页',
  '关闭',
  '返回顶部',
  '返回',
  '收藏本页',
  '收藏',
  '分享到',
  '分享',
  '扫一扫在手机打开当前页',
  '扫一扫在手机上查看当前页面',
  '扫一扫',
  '相关链接',
  '上一篇',
  '下一篇',
  '长者版',
  '关怀版',
  '无障碍阅读',
  '无障碍',
  '登录',
  '注册',
  '点击查看解读',
  '图解链接',
];
export const CHROME_FIELDS: readonly string[] = [
  '来源',
  '信息来源',
  '文章来源',
  '发布时间',
  '发布日期',
  '发布机构',
  '发布单位',
  '撰写时间',
  '更新时间',
  '成文日期',
  '时间',
  '日期',
  '作者',
  '编辑',
  '责任编辑',
  '浏览次数',
  '浏览量',
  '访问量',
  '访问次数',
  '点击数',
  '点击率',
  '点击量',
  '索引号',
  '公开方式',
  '公开形式',
  '组配分类',
  '主题分类',
  '文号',
  '发文字号',
  '发文日期',
  '关键词',
  '有效性',
  '是否有效',
  '生成日期',
  '信息提供日期',
  '当前位置',
  '您当前所在位置',
  '您现在的位置',
  '您的位置',
  '字号',
  '字体',
];

/** Page numbers a PDF copy leaves between lines: “— 3 —”, “- 3 -”, “第 3 页 共 9 页”, “P. 8”. */
export const PAGE_NUMBERS: readonly string[] = [
  '^[-—–－]+\\s*\\d{1,3}\\s*[-—–－]+$',
  '^第\\s*\\d{1,3}\\s*页(?:\\s*[,，/]?\\s*共\\s*\\d{1,3}\\s*页)?$',
  '^P\\.\\s*\\d{1,3}$',
];

/**
 * Text injected into a title by a hijacked or mirror page (a betting site's name before the organ): the
 * organ is what follows the last of these. Not “体育” alone, which real organs' names contain.
 */
export const SPAM_MARKERS: readonly string[] = [
  '官网',
  '官方网站',
  '娱乐城',
  '娱乐',
  '棋牌',
  '彩票',
  '博彩',
  '赌场',
  '下载',
  '入口',
  '网址',
  '[Aa][Pp][Pp]',
  '[A-Za-z]{2,}[\\w.@-]*(?:体育|平台|在线)',
  '[\\w-]+\\.(?:com|net|cc|vip|top|org|cn)\\b',
];

/**
 * Characters that differ between traditional and simplified script, pairwise, from the report's own words
 * (公開/公开, 報告/报告 …). A text with more of the first than the second is a traditional-script copy (a
 * mirror page): its labels cannot be matched, so it is refused rather than half read.
 */
export const TRADITIONAL_CHARS = '開報關機請處數況動總辦縣鄉區經這為發會個來時對從條項務結轉議訴審計規範許罰強製廢現實';
export const SIMPLIFIED_CHARS = '开报关机请处数况动总办县乡区经这为发会个来时对从条项务结转议诉审计规范许罚强制废现实';
