/**
 * One 依申请公开 request (staff/pages/request/index?id=), staff only: it shows personal data, and every read is
 * audited by the function. The applicant and what was asked, the clock (due date, days left, what paused it
 * until when, a provisional calendar), the history, the notices sent, and the actions the function allows now.
 * Each action opens its form; every act sends the version shown, so a stale page is refused (CONFLICT) and
 * reloads. 答复 picks one of table 三's 21 outcome rows, drafts the letter, and sends the letter as edited.
 */
import {
  ACTION_LABELS,
  OUTCOME_RULES,
  type ActionType,
  type NoticeKind,
  type Outcome,
  type Result,
  actRequestSchema,
  getRequestSchema,
  requestLetterSchema,
  thirdPartyObjected,
} from 'gongkai-staff';
import { REISSUE_CODE_ROUTE, staffOpening } from '../../session';
import { deadlineLines, type DeadlineLines } from '../requests/view';
import {
  EMPTY_FIELDS,
  actionOf,
  answerDetails,
  detailFieldsFor,
  errorsByField,
  feeQuote,
  type DetailField,
  type FormFields,
} from './form';
import {
  DELIVERED_CHIPS,
  VIA_CHIPS,
  actionButtons,
  openNoticeOf,
  OPINION_LABELS,
  applicantLines,
  contentLines,
  historyLines,
  outcomeGroups,
  sentNotices,
  type HistoryLine,
  type Line,
  type OutcomeGroup,
} from './view';
import { call, callChecked, newIdempotencyKey } from '../../../api/client';
import type { StaffRequestAnswer } from 'gongkai-staff';
import { readOrShow } from '../../../kit/page-state';
import { elderOnShow } from '../../../styles/elder';

export type RequestState = 'loading' | 'ready' | 'error';

export const CONFLICT_MESSAGE = '已被他人处理，已为您刷新为最新状态，请核对后再办理';

export interface RequestData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: RequestState;
  message: string;
  applicationNo: string;
  statusLabel: string;
  clock: (DeadlineLines & { prompt: string }) | null;
  clockNote: string;
  applicant: Line[];
  content: Line[];
  history: HistoryLine[];
  letter: { title: string; text: string; date: string } | null;
  notices: { kind: NoticeKind; label: string }[];
  buttons: { type: ActionType; label: string }[];
  /** The open action form, or ''. */
  form: ActionType | '';
  formTitle: string;
  fields: FormFields;
  errors: Record<string, string>;
  nthThisMonth: number;
  fee: { amount: number | null; text: string };
  opinions: { key: string; label: string }[];
  approvers: { id: string; label: string }[];
  approversNote: string;
  outcomeGroups: OutcomeGroup[];
  outcomeNote: string;
  letterText: string;
  letterTitle: string;
  letterMissing: string;
  letterBusy: boolean;
  /** The reply details the picked outcome asks for (detailFieldsFor). */
  details: Partial<Record<DetailField, boolean>>;
  vias: { key: string; label: string }[];
  deliveredNotices: { key: string; label: string }[];
  busy: boolean;
  notice: string;
  noticeKind: 'ok' | 'error' | '';
  doc: { title: string; text: string } | null;
}

type Tap = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { type: ActionType; key: string; kind: NoticeKind; field: keyof FormFields }
>;
type Input = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: keyof FormFields }>;

interface RequestCustom {
  id: string;
  version: number;
  actKey: string;
  status: StaffRequestAnswer['status'] | '';
  /** 条例 第三十二条: the third party objected (the 答复 form then asks for the public-interest reasons). */
  objected: boolean;
  load(notice?: { text: string; kind: 'ok' | 'error' }): Promise<void>;
  show(r: StaffRequestAnswer): void;
  onRetry(): void;
  onAction(e: Tap): void;
  onCancel(): void;
  setField(field: keyof FormFields, value: string): void;
  onInput(e: Input): void;
  onPick(e: Tap): void;
  onOutcome(e: Tap): Promise<void>;
  onLetter(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  draft(outcome: Outcome): Promise<void>;
  onRedraft(): void;
  loadApprovers(): Promise<void>;
  onSubmit(): Promise<void>;
  onNotice(e: Tap): Promise<void>;
  onCloseDoc(): void;
  onReissue(): void;
}

/** What a form with nothing to fill in confirms. */
const CONFIRM_TEXT: Partial<Record<ActionType, string>> = {
  confirmReceipt: '确认已收到该网上申请：收到申请之日为今天，答复期限从今天起算（条例 第三十一条）。',
  payFee: '确认申请人已缴纳信息处理费：答复期限从今天起恢复计算。',
  close: '申请人逾期未补正或未缴费，视为放弃申请，终止办理（条例 第三十条、第四十二条）。',
};

Page<RequestData, RequestCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    applicationNo: '',
    statusLabel: '',
    clock: null,
    clockNote: '',
    applicant: [],
    content: [],
    history: [],
    letter: null,
    notices: [],
    buttons: [],
    form: '',
    formTitle: '',
    fields: EMPTY_FIELDS,
    errors: {},
    nthThisMonth: 0,
    fee: { amount: null, text: '' },
    opinions: Object.entries(OPINION_LABELS).map(([key, label]) => ({ key, label })),
    approvers: [],
    approversNote: '',
    outcomeGroups: [],
    outcomeNote: '',
    letterText: '',
    letterTitle: '',
    letterMissing: '',
    letterBusy: false,
    details: {},
    vias: VIA_CHIPS.map((v) => ({ key: v.key, label: v.label })),
    deliveredNotices: DELIVERED_CHIPS.map((n) => ({ key: n.key, label: n.label })),
    busy: false,
    notice: '',
    noticeKind: '',
    doc: null,
  },
  id: '',
  version: 0,
  actKey: '',
  status: '',
  objected: false,

  ...elderOnShow,

  onLoad(query: Record<string, string | undefined>) {
    this.id = decodeURIComponent(query.id ?? '');
    void this.load();
  },

  async load(notice) {
    this.setData({ form: '', errors: {}, doc: null, notice: notice?.text ?? '', noticeKind: notice?.kind ?? '' });
    const me = await staffOpening(this);
    if (!me) return;
    const request = readOrShow(this, await callChecked('requests.get', getRequestSchema, { id: this.id }));
    if (request === null) return;
    this.show(request);
  },

  show(r) {
    this.version = r.version;
    this.status = r.status;
    this.objected = thirdPartyObjected(r);
    // Once answered or closed the clock has stopped: the date it ended says it all.
    const d = r.answeredDate === null ? r.deadline : null;
    this.setData({
      state: 'ready',
      applicationNo: r.applicationNo,
      statusLabel: r.statusLabel,
      clock: d
        ? { ...deadlineLines(d), prompt: d.provisional ? (d.prompt ?? '本年度节假日尚未录入，期限为暂估') : '' }
        : null,
      clockNote: d
        ? ''
        : r.receivedDate === null
          ? '网上申请：确认受理后开始计算答复期限'
          : r.answeredDate
            ? `已于 ${r.answeredDate} 办结`
            : '',
      applicant: applicantLines(r),
      content: contentLines(r),
      history: historyLines(r.history),
      letter: r.letter,
      notices: sentNotices(r.history),
      buttons: actionButtons(r.actions),
      nthThisMonth: r.nthThisMonth,
    });
  },

  onRetry() {
    void this.load();
  },

  onAction(e) {
    const type = e.currentTarget.dataset.type;
    this.actKey = newIdempotencyKey();
    // 登记送达: the notice now awaiting its addressee is the likely one.
    const fields = {
      ...EMPTY_FIELDS,
      notice: type === 'recordDelivery' && this.status ? openNoticeOf(this.status) : '',
    };
    this.setData({
      form: type,
      formTitle: ACTION_LABELS[type],
      fields,
      errors: {},
      notice: CONFIRM_TEXT[type] ?? '',
      noticeKind: '',
      fee: type === 'noticeFee' ? feeQuote(fields, this.data.nthThisMonth) : { amount: null, text: '' },
      outcomeGroups: type === 'answer' ? outcomeGroups() : [],
      outcomeNote: '',
      letterText: '',
      letterTitle: '',
      letterMissing: '',
      details: {},
    });
    if (type === 'extend') void this.loadApprovers();
  },

  onCancel() {
    this.setData({ form: '', errors: {}, notice: '', noticeKind: '' });
  },

  setField(field, value) {
    const fields = { ...this.data.fields, [field]: value };
    const patch: Record<string, unknown> = { [`fields.${field}`]: value, [`errors.${field}`]: '' };
    if (this.data.form === 'noticeFee') patch.fee = feeQuote(fields, this.data.nthThisMonth);
    this.setData(patch);
  },

  onInput(e) {
    this.setField(e.currentTarget.dataset.field, e.detail.value);
  },

  /** A choice chip: data-field names the field, data-key the value. */
  onPick(e) {
    this.setField(e.currentTarget.dataset.field, e.currentTarget.dataset.key);
  },

  async onOutcome(e) {
    const outcome = e.currentTarget.dataset.key as Outcome;
    const rule = OUTCOME_RULES[outcome];
    if (rule.closeOnly) {
      this.setData({ outcomeNote: '该结果只能在申请人逾期后以「终止」登记' });
      return;
    }
    const shown = Object.fromEntries(detailFieldsFor(outcome, this.objected).map((k) => [k, true]));
    this.setData({
      'fields.outcome': outcome,
      'errors.outcome': '',
      outcomeNote: rule.needsReason ? '该结果须说明理由' : '',
      details: shown,
    });
    await this.draft(outcome);
  },

  /** The letter drafted for the outcome with what is typed so far (reason, how provided, the responsible organ…). */
  async draft(outcome) {
    this.setData({ letterBusy: true, letterMissing: '' });
    const details = answerDetails({ ...this.data.fields, outcome }, this.objected);
    const draft = await callChecked('requests.letter', requestLetterSchema, { id: this.id, outcome, details });
    if (this.data.fields.outcome !== outcome) return; // another row was picked meanwhile
    if (!draft.ok || !('missing' in draft.data)) {
      const why = draft.ok ? '请重试' : draft.message;
      this.setData({ letterBusy: false, 'errors.letterText': `答复书草稿未能生成：${why}` });
      return;
    }
    const missing = draft.data.missing.length > 0 ? `请补全：${draft.data.missing.join('、')}` : '';
    this.setData({
      letterBusy: false,
      letterTitle: draft.data.title,
      letterText: draft.data.text,
      letterMissing: missing,
    });
  },

  onLetter(e) {
    this.setData({ letterText: e.detail.value, 'errors.letterText': '' });
  },

  onRedraft() {
    const outcome = this.data.fields.outcome as Outcome | '';
    if (outcome !== '' && !this.data.letterBusy) void this.draft(outcome);
  },

  async loadApprovers() {
    this.setData({ approvers: [], approversNote: '正在读取批准人…' });
    const result = await call('requests.approvers', {});
    if (!result.ok) {
      this.setData({ approversNote: `批准人名单未能读取：${result.message}` });
      return;
    }
    const approvers = result.data.map((a) => ({ id: a.id, label: `${a.displayName}（${a.roleLabel}）` }));
    const only = approvers.length === 1 ? approvers[0] : undefined;
    this.setData({
      approvers,
      approversNote: approvers.length === 0 ? '本机关尚未设置延期批准人，请管理员在机关设置中指定' : '',
      ...(only ? { 'fields.approverId': only.id } : {}),
    });
  },

  async onSubmit() {
    const type = this.data.form;
    if (type === '' || this.data.busy) return;
    const answering = type === 'answer';
    if (answering && this.data.letterBusy) return;
    this.setData({ busy: true, errors: {}, notice: '', noticeKind: '' });
    const payload = {
      id: this.id,
      version: this.version,
      action: actionOf(type, this.data.fields, this.data.nthThisMonth, this.objected) as never,
      ...(answering && this.data.letterText.trim() !== '' ? { letterText: this.data.letterText } : {}),
    };
    const result: Result<unknown> = await callChecked('requests.act', actRequestSchema, payload, this.actKey);
    if (result.ok) {
      this.setData({ busy: false });
      await this.load({ text: `已办理：${ACTION_LABELS[type]}`, kind: 'ok' });
      return;
    }
    // Refused or failed: a new try is a new request.
    this.actKey = newIdempotencyKey();
    if (result.code === 'CONFLICT') {
      this.setData({ busy: false });
      await this.load({ text: `${CONFLICT_MESSAGE}（${result.message}）`, kind: 'error' });
      return;
    }
    this.setData({
      busy: false,
      errors: errorsByField(result.fieldErrors),
      notice: result.message,
      noticeKind: 'error',
    });
  },

  async onNotice(e) {
    const kind = e.currentTarget.dataset.kind;
    const result = await callChecked('requests.letter', requestLetterSchema, { id: this.id, notice: kind });
    if (!result.ok) {
      this.setData({ notice: result.message, noticeKind: 'error' });
      return;
    }
    this.setData({ doc: { title: result.data.title, text: result.data.text } });
  },

  onCloseDoc() {
    this.setData({ doc: null });
  },

  onReissue() {
    void wx.navigateTo({ url: `${REISSUE_CODE_ROUTE}?id=${encodeURIComponent(this.id)}` });
  },
});
