/**
 * What the paper-request page (staff/pages/request-record) computes: the channels staff enter and which day each
 * makes the receipt date (条例 第三十一条), the text inputs of the 第二十九条 form for the applicant type, the entry
 * sent to `requests.record`, and the 回执 handed or posted to the applicant with the 查询码. Pure.
 */
import { CHANNEL_LABELS, type Channel, type SubmitRequestAnswer } from 'gongkai-staff';
import { emptyForm, isOrganisation, toSubmission, type FormState, type FormText } from '../../../pages/request/form';

/** The channels of a request staff type in; 'online' here is another online route, e.g. an e-mail to the office. */
export const STAFF_CHANNELS: readonly Channel[] = ['inPerson', 'post', 'fax', 'online'];
export const CHANNEL_OPTIONS = STAFF_CHANNELS.map((c) =>
  c === 'online' ? '其他网上渠道（如电子邮件）' : CHANNEL_LABELS[c],
);

/** 条例 第三十一条: which day is the receipt date, by channel. */
export const RECEIPT_DAY: Record<Channel, string> = {
  inPerson: '申请人当面提交之日',
  post: '本机关签收之日（平常信函：当日与申请人确认之日）',
  fax: '与申请人双方确认收到传真之日',
  online: '与申请人双方确认收到之日',
};

export interface RecordForm extends FormState {
  channelIndex: number;
  receivedDate: string;
  /** By post only: the postmark, kept for the record. */
  postmarkDate: string;
}

export function emptyRecordForm(today: string): RecordForm {
  return { ...emptyForm(), channelIndex: 0, receivedDate: today, postmarkDate: '' };
}

export function channelOf(form: Pick<RecordForm, 'channelIndex'>): Channel {
  return STAFF_CHANNELS[form.channelIndex] ?? 'inPerson';
}

/** The entry as `requests.record` takes it (unchecked: recordRequestSchema checks it before sending). */
export function entryOf(form: RecordForm): Record<string, unknown> {
  const channel = channelOf(form);
  const entry: Record<string, unknown> = { ...toSubmission(form), channel, receivedDate: form.receivedDate };
  if (channel === 'post' && form.postmarkDate !== '') entry.postmarkDate = form.postmarkDate;
  return entry;
}

export interface TextInput {
  key: keyof FormText;
  label: string;
  required: boolean;
  max: number;
  placeholder: string;
  /** A long text: a textarea. */
  area: boolean;
  value: string;
  error: string;
}

type InputSpec = [key: keyof FormText, label: string, required: boolean, max: number, placeholder: string];

const PERSON: InputSpec[] = [['name', '姓名', true, 50, '与证件一致']];
const ORGANISATION: InputSpec[] = [
  ['organisationName', '单位名称', true, 100, ''],
  ['contactName', '联系人姓名', true, 50, ''],
];
const REST: InputSpec[] = [
  ['idNumber', '证件号码', true, 30, ''],
  ['phone', '联系电话', true, 20, '手机号或带区号的固定电话'],
  ['address', '通讯地址（邮寄答复时必填）', false, 200, '写到门牌号'],
  ['email', '电子邮箱（电子邮件获取时必填）', false, 100, ''],
  ['description', '所需信息描述（照申请书录入）', true, 2000, ''],
  ['titleHint', '信息名称（申请书写了才填）', false, 200, ''],
  ['docNoHint', '文号（申请书写了才填）', false, 100, ''],
];

/** The text inputs for the applicant type, each with its value and error (the WXML loops over them). */
export function textInputs(form: RecordForm, errors: Record<string, string>): TextInput[] {
  const specs = [...(isOrganisation(form) ? ORGANISATION : PERSON), ...REST];
  return specs.map(([key, label, required, max, placeholder]) => ({
    key,
    label,
    required,
    max,
    placeholder,
    area: key === 'description',
    value: form[key],
    error: errors[key] ?? '',
  }));
}

export interface Receipt {
  lines: { label: string; value: string }[];
  /** The same as plain text, to copy into a message or a printed 回执. */
  text: string;
}

/** The 回执: who received what and when, the due date, the 查询码 and how to use it. */
export function receiptOf(organName: string, form: RecordForm, answer: SubmitRequestAnswer): Receipt {
  const applicant = isOrganisation(form) ? form.organisationName.trim() : form.name.trim();
  const d = answer.deadline;
  const due = d ? `${d.dueDate}${d.provisional ? '（按法定节假日推算，当年放假调休安排公布后可能顺延）' : ''}` : '';
  const lines = [
    { label: '受理机关', value: organName },
    { label: '申请人', value: applicant },
    { label: '申请编号', value: answer.applicationNo },
    { label: '收到申请日期', value: `${form.receivedDate}（${CHANNEL_LABELS[channelOf(form)]}）` },
    ...(due ? [{ label: '答复期限', value: due }] : []),
    { label: '查询码', value: answer.queryCode ?? '' },
    {
      label: '查询方式',
      value: '在微信中打开本机关的政务公开小程序，进入“依申请”→“查询办理进度”，输入查询码和所留电话的后四位。',
    },
  ];
  const text = ['政府信息公开申请回执', ...lines.map((l) => `${l.label}：${l.value}`)].join('\n');
  return { lines, text };
}
