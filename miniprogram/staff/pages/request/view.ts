/**
 * The detail of one request as display lines for the staff page: the applicant (in full: staff only), what was
 * asked, the history with what staff need to see of each step, the action buttons, and table 三's outcome rows
 * grouped for the 答复 picker (labels from the format data, the rules from shared/requests).
 */
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  DELIVERY_FORM_LABELS,
  FORMAT_2021,
  ID_TYPE_LABELS,
  OUTCOME_ROWS,
  OUTCOME_RULES,
  applicantTypeLabel,
  outcomeLabel,
  type ActionType,
  type ConsultationOpinion,
  type HistoryEntry,
  type NoticeKind,
  type Outcome,
  type RequestAction,
  type StaffRequestAnswer,
} from 'gongkai-staff';

export interface Line {
  label: string;
  value: string;
}

/** The buttons, short (ACTION_LABELS, the full sentence, titles the form). */
export const BUTTON_LABELS: Record<ActionType, string> = {
  confirmReceipt: '确认受理',
  requestCorrection: '补正',
  receiveCorrection: '收到补正',
  startConsultation: '征求第三方意见',
  endConsultation: '意见返回',
  extend: '延期',
  noticeFee: '收费通知',
  payFee: '已缴费',
  answer: '答复',
  close: '终止',
  recordDelivery: '登记送达',
  askReasons: '要求说明理由',
  receiveReasons: '收到理由',
  setLaterDate: '告知延迟答复',
};

/**
 * The order of the action buttons; the first is the primary one. What usually comes next leads (受理, then 答复),
 * and the steps that pause or end the clock follow.
 */
const BUTTON_ORDER: readonly ActionType[] = [
  'confirmReceipt',
  'answer',
  'receiveCorrection',
  'receiveReasons',
  'endConsultation',
  'payFee',
  'recordDelivery',
  'setLaterDate',
  'requestCorrection',
  'askReasons',
  'startConsultation',
  'extend',
  'noticeFee',
  'close',
];

/** Unknown actions (a later contract) go last, in the order given. */
const rank = (type: ActionType): number => {
  const i = BUTTON_ORDER.indexOf(type);
  return i < 0 ? BUTTON_ORDER.length : i;
};

export function actionButtons(actions: readonly ActionType[]): { type: ActionType; label: string }[] {
  return [...actions].sort((a, b) => rank(a) - rank(b)).map((type) => ({ type, label: BUTTON_LABELS[type] }));
}

const DELIVERY_LABELS = { online: '网上送达', inPerson: '当面送达', post: '邮寄签收' } as const;

/** How a notice goes out or reached its addressee, as choice chips (the periods run from its receipt). */
export const VIA_CHIPS = (Object.keys(DELIVERY_LABELS) as (keyof typeof DELIVERY_LABELS)[]).map((key) => ({
  key,
  label: key === 'post' ? '邮寄' : DELIVERY_LABELS[key],
}));

/** The notices whose receipt starts a period (登记送达): 补正告知书, 征求意见书, 收费通知. */
export const DELIVERED_CHIPS = [
  { key: 'correction', label: '补正告知书' },
  { key: 'consultation', label: '第三方征求意见书' },
  { key: 'fee', label: '收费通知' },
] as const;

/** The notice awaiting delivery in a status, preselected in 登记送达. */
export function openNoticeOf(status: StaffRequestAnswer['status']): string {
  return status === 'correctionRequested'
    ? 'correction'
    : status === 'consulting'
      ? 'consultation'
      : status === 'feeNoticed'
        ? 'fee'
        : '';
}

export const OPINION_LABELS: Record<ConsultationOpinion, string> = {
  agreed: '第三方同意公开',
  objected: '第三方不同意公开',
  noReply: '第三方逾期未提出意见',
};

/** The notice each action sends, and its name on the page. */
export const NOTICE_OF: Partial<Record<ActionType, { kind: NoticeKind; label: string }>> = {
  requestCorrection: { kind: 'correction', label: '查看补正告知书' },
  extend: { kind: 'extension', label: '查看延期告知书' },
  noticeFee: { kind: 'fee', label: '查看收费通知书' },
  askReasons: { kind: 'reasons', label: '查看说明理由告知书' },
  setLaterDate: { kind: 'laterDate', label: '查看延迟答复告知书' },
};

export function applicantLines(r: StaffRequestAnswer): Line[] {
  const a = r.applicant;
  const lines: Line[] = [{ label: '申请人类型', value: applicantTypeLabel(a.applicantType) }];
  if (a.name !== undefined) lines.push({ label: '姓名', value: a.name });
  if (a.organisationName !== undefined) lines.push({ label: '单位名称', value: a.organisationName });
  if (a.contactName !== undefined) lines.push({ label: '联系人', value: a.contactName });
  lines.push(
    { label: ID_TYPE_LABELS[a.idType], value: a.idNumber },
    { label: '联系电话', value: a.phone },
    { label: '通信地址', value: a.address },
  );
  if (a.email !== undefined) lines.push({ label: '电子邮箱', value: a.email });
  return lines;
}

export function contentLines(r: StaffRequestAnswer): Line[] {
  const c = r.content;
  const lines: Line[] = [{ label: '所需信息', value: c.description }];
  if (c.titleHint !== undefined) lines.push({ label: '文件名称', value: c.titleHint });
  if (c.docNoHint !== undefined) lines.push({ label: '文号', value: c.docNoHint });
  lines.push(
    { label: '获取方式', value: DELIVERY_FORM_LABELS[c.deliveryForm] },
    { label: '申请方式', value: CHANNEL_LABELS[r.channel] },
  );
  lines.push({ label: '提交日期', value: r.submittedDate });
  if (r.postmarkDate !== undefined) lines.push({ label: '邮戳日期', value: r.postmarkDate });
  lines.push({ label: '收到申请日期', value: r.receivedDate ?? '待确认' });
  return lines;
}

/** What staff see of a step: everything the action carried (the third party's name included). */
function detailOf(action: RequestAction): string {
  switch (action.type) {
    case 'requestCorrection':
      return `补正事项：${action.items}；补正期限 ${action.correctBy}`;
    case 'receiveCorrection':
      return [
        action.description ? `补正后的描述：${action.description}` : '',
        action.lateReason ? `逾期补正的正当理由：${action.lateReason}` : '',
      ]
        .filter(Boolean)
        .join('；');
    case 'recordDelivery':
      return `${action.returned ? '邮件退回' : '送达'}：${action.date}（${DELIVERY_LABELS[action.via]}）`;
    case 'receiveReasons':
      return `申请人说明：${action.answer}`;
    case 'setLaterDate':
      return `延迟至 ${action.date} 前答复；理由：${action.reason}`;
    case 'startConsultation':
      return `第三方：${action.party}`;
    case 'endConsultation':
      return OPINION_LABELS[action.opinion];
    case 'extend':
      return `延长 ${action.workdays} 个工作日；理由：${action.reason}`;
    case 'noticeFee':
      return `应缴 ${action.amountYuan} 元（${action.feeBasis.method === 'count' ? `按件：本月第 ${action.feeBasis.nthThisMonth} 件` : `按量：${action.feeBasis.pages} 页`}）`;
    case 'answer':
      return `${outcomeLabel(action.outcome)}${action.reason ? `；理由：${action.reason}` : ''}`;
    default:
      return '';
  }
}

export interface HistoryLine {
  key: string;
  date: string;
  label: string;
  detail: string;
}

export function historyLines(history: readonly HistoryEntry[]): HistoryLine[] {
  return history.map((h, i) => ({
    key: `h${i}`,
    date: h.date,
    label: ACTION_LABELS[h.action.type],
    detail: detailOf(h.action),
  }));
}

/** The notices this request was sent so far (one button each). */
export function sentNotices(history: readonly HistoryEntry[]): { kind: NoticeKind; label: string }[] {
  const out: { kind: NoticeKind; label: string }[] = [];
  for (const h of history) {
    const n = NOTICE_OF[h.action.type];
    if (n && !out.some((o) => o.kind === n.kind)) out.push(n);
  }
  return out;
}

export interface OutcomeOption {
  key: Outcome;
  label: string;
  /** Rows only reached by 终止 (逾期不补正, 逾期不缴费): shown, not choosable. */
  disabled: boolean;
  note: string;
}

export interface OutcomeGroup {
  key: string;
  label: string;
  options: OutcomeOption[];
}

/** Table 三's counting note after a label (部分公开's '（区分处理的…）') is not for the picker. */
const stripNote = (label: string) => label.replace(/^(.+?)（[^（）]*）$/, '$1');

/**
 * The 21 outcome rows of table 三 grouped as the table groups them: 予以公开 and 部分公开 stand alone, the
 * others under their heading (不予公开 1–8, 无法提供 1–3, 不予处理 1–5, 其他处理 1–3).
 */
export function outcomeGroups(): OutcomeGroup[] {
  const groups: OutcomeGroup[] = [];
  for (const row of FORMAT_2021.applications.rows) {
    const key = (OUTCOME_ROWS as readonly string[]).includes(row.key) ? (row.key as Outcome) : null;
    if (key === null) continue;
    const rule = OUTCOME_RULES[key];
    const alone = row.parentGroup === undefined;
    const heading = alone ? stripNote(row.label) : (row.group ?? '');
    const option: OutcomeOption = {
      key,
      label: alone ? heading.replace(/^（[^（）]*）/, '') : row.label,
      disabled: rule.closeOnly,
      note: rule.closeOnly ? '逾期后以「终止」登记' : rule.needsReason ? '须说明理由' : '',
    };
    const last = groups[groups.length - 1];
    if (last && !alone && last.label === heading) last.options.push(option);
    else groups.push({ key: `g${groups.length}`, label: heading, options: [option] });
  }
  return groups;
}
