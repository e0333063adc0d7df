/**
 * The Chinese name of each input field, by its key (or a longer path ending, where one key means two things):
 * validation messages name the field once, in the user's words, never by its code name.
 * test/shared/errors/labels.test.ts walks every contract's input schema and fails on a field without a name here.
 */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  // the envelope
  action: '操作',
  payload: '内容',
  idempotencyKey: '操作编号',
  // identifiers and paging
  id: '编号',
  organId: '机关',
  staffId: '工作人员',
  requestId: '申请',
  page: '页码',
  pageSize: '每页条数',
  cursor: '翻页位置',
  version: '版本',
  year: '年度',
  keyword: '关键词',
  status: '状态',
  // items
  content: '内容',
  title: '名称',
  docNo: '文号',
  publisher: '发布机构',
  writtenDate: '成文日期',
  category: '分类',
  subjectCategory: '主题分类',
  genreCategory: '体裁分类',
  disclosureMode: '公开方式',
  scope: '公开范围',
  validity: '有效性',
  body: '正文',
  attachments: '附件',
  'attachments.name': '附件名称',
  fileId: '附件文件',
  kind: '类别',
  size: '文件大小',
  comment: '意见',
  checklist: '保密审查清单',
  noStateSecret: '保密审查“不含国家秘密”',
  noWorkSecret: '保密审查“不含工作秘密、敏感信息”',
  noPrivacy: '保密审查“不含个人隐私”',
  noTradeSecret: '保密审查“不含商业秘密”',
  lawful: '保密审查“公开不危及安全稳定”',
  reason: '理由',
  publishedOn: '发布日期',
  // requests: the reply's particulars, the identity check before a 查询码 is reissued
  details: '答复的具体事项',
  check: '身份核验',
  'check.method': '核验方式',
  'check.idLast4': '证件号码后四位',
  'check.note': '核验备注',
  // organ
  code: '码',
  'organ.code': '设置码',
  organ: '机关信息',
  name: '姓名',
  'organ.name': '机关名称',
  'patch.name': '机关名称',
  creditCode: '统一社会信用代码',
  indexPattern: '索引号格式',
  contactPhone: '联系电话',
  address: '地址',
  reportDueDate: '年度报告报送日期',
  // the county view
  organName: '机关名称',
  aliases: '别名',
  dueDate: '报送截止日期',
  chain: '审批链',
  templateIds: '消息模板',
  noticeFields: '消息模板字段',
  templateFields: '各类消息的模板字段',
  extensionApprovers: '延期批准人',
  feePayment: '缴费方式',
  reviewOrgan: '行政复议机关',
  court: '管辖法院',
  displayName: '您的姓名',
  patch: '修改内容',
  role: '角色',
  expiresInDays: '有效天数',
  purpose: '提醒类别',
  templateId: '消息模板',
  // statistics and cases
  entry: '登记内容',
  metric: '统计项',
  date: '日期',
  count: '数量',
  amountWanYuan: '金额（万元）',
  value: '数值',
  note: '备注',
  case: '案件',
  caseNo: '案号',
  filedDate: '立案日期',
  result: '审理结果',
  closedDate: '审结日期',
  // reports
  cell: '单元格',
  text: '报告全文',
  sections: '报告正文',
  overview: '总体情况',
  proactive: '主动公开政府信息情况',
  applications: '收到和处理政府信息公开申请情况',
  reviewLitigation: '政府信息公开行政复议、行政诉讼情况',
  problems: '存在的主要问题及改进情况',
  other: '其他需要报告的事项',
  // requests
  submission: '申请内容',
  applicantType: '申请人类型',
  'submission.name': '申请人姓名',
  'entry.name': '申请人姓名',
  organisationName: '单位名称',
  contactName: '联系人姓名',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  'submission.address': '通讯地址',
  'entry.address': '通讯地址',
  email: '电子邮箱',
  description: '所需信息的描述',
  titleHint: '信息名称',
  docNoHint: '文号',
  deliveryForm: '获取方式',
  channel: '申请渠道',
  receivedDate: '收到申请日期',
  postmarkDate: '邮戳日期',
  queryCode: '查询码',
  applicationNo: '申请编号',
  phoneLast4: '手机号后四位',
  letterText: '答复书',
  outcome: '办理结果',
  notice: '通知书',
  type: '办理操作',
  items: '补正事项',
  correctBy: '补正期限',
  party: '第三方',
  opinion: '第三方意见',
  workdays: '延长的工作日',
  approverId: '批准人',
  amountYuan: '收费金额（元）',
  feeBasis: '计费依据',
  method: '计费方式',
  nthThisMonth: '本月第几件',
  pages: '页数',
  splitReason: '拆分计件理由',
  via: '送达方式',
  lateReason: '逾期补正的正当理由',
  contact: '联系方式',
  returned: '邮件退回',
  'action.answer': '申请人说明的理由',
  deliveryNote: '提供方式和时间',
  whereToGet: '获取途径',
  holderOrgan: '负责公开的机关',
  holderContact: '该机关的联系方式',
  notThisOrgan: '非本机关负责公开',
  publicInterestReason: '公共利益理由',
  basis: '答复依据',
  thirdParty: '第三方文书',
  calendar: '工作日历',
  years: '年度日历',
  holidays: '放假日期',
  'years.workdays': '调休上班日期',
  // a request's clock events (shared/calendar/events.ts)
  'events.type': '事件类型',
  'events.date': '事件日期',
  'events.approver': '批准人',
  'events.workdays': '延长工作日数',
};

/** The template keys of a subscribe message (noticeFields, templateFields), by what they carry. */
const TEMPLATE_KEY_LABELS: Readonly<Record<string, string>> = {
  applicationNo: '消息模板的编号字段',
  status: '消息模板的状态字段',
  date: '消息模板的日期字段',
  note: '消息模板的备注字段',
};

/** The table's own entry for `key`: a key a caller sent (`constructor`, `__proto__`) never reads Object.prototype. */
const own = (table: Readonly<Record<string, string>>, key: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;

/** The name of the field at `path` (numeric segments skipped; the longest known ending wins), or null. */
export function labelOf(path: readonly PropertyKey[]): string | null {
  const keys = path.filter((p): p is string => typeof p === 'string' && !/^\d+$/.test(p));
  const last = keys[keys.length - 1];
  if (last === undefined) return null;
  const template = own(TEMPLATE_KEY_LABELS, last);
  if ((keys.includes('noticeFields') || keys.includes('templateFields')) && template) return template;
  for (let start = 0; start < keys.length; start += 1) {
    const label = own(FIELD_LABELS, keys.slice(start).join('.'));
    if (label !== undefined) return label;
  }
  return null;
}
