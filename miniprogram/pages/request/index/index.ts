/**
 * 依申请公开 (tab): the request form of 条例 第二十九条. Before any personal data is typed the user agrees to the
 * mini program's 用户隐私保护指引 (wx.getPrivacySetting / wx.requirePrivacyAuthorize). The form is checked with the
 * shared submission schema (the same Chinese messages as the function, shown under each field); one tap makes
 * at most one request: an idempotency key made once per form, the button disabled while sending, and a repeat of
 * the same key makes no second request on the server either. Then the 申请编号 and 查询码, with a copy button
 * and, on a tap, the subscribe-message ask.
 */
import { call, callChecked, newIdempotencyKey } from '../../../api/client';
import { getProfileSchema, grantNoticeSchema } from 'gongkai-core';
import { NOTICE_TEMPLATE_ID } from '../../../config/index';
import { elderOnShow } from '../../../styles/elder';
import {
  TEXT_FIELDS,
  applicantTypeOptions,
  checkForm,
  deliveryFormOptions,
  emptyForm,
  errorsByField,
  idTypeOptions,
  isOrganisation,
  toSubmission,
  type FormState,
  type FormText,
} from '../form';

/** privacy: waiting for the privacy agreement; form; done: the result screen. */
export type RequestPhase = 'loading' | 'privacy' | 'error' | 'form' | 'done';

export interface RequestResultView {
  id: string;
  applicationNo: string;
  queryCode: string;
  statusLabel: string;
}

export interface RequestData {
  phase: RequestPhase;
  message: string;
  organName: string;
  form: FormState;
  organisation: boolean;
  errors: Record<string, string>;
  sending: boolean;
  applicantTypes: string[];
  idTypes: string[];
  deliveryForms: string[];
  result: RequestResultView | null;
  canSubscribe: boolean;
  subscribed: boolean;
  elder: string;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: string }>;
type PickerEvent = WechatMiniprogram.CustomEvent<{ value: string | number }, Record<string, never>, { field: string }>;

interface RequestCustom {
  organId: string;
  /** Made once per form; kept across a failed send so a retry is the same request. */
  idempotencyKey: string;
  /** Set synchronously on the first tap, before setData: a second tap in the same tick sees it. */
  busy: boolean;
  start(): Promise<void>;
  checkPrivacy(): Promise<boolean>;
  onAgree(): void;
  onRetry(): void;
  onInput(e: FieldEvent): void;
  onPick(e: PickerEvent): void;
  onSubmit(): Promise<void>;
  onCopy(): void;
  onSubscribe(): Promise<void>;
  onTrack(): void;
  onNew(): void;
  onOpenPrivacy(): void;
}

function privacySetting(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof wx.getPrivacySetting !== 'function') {
      resolve(false);
      return;
    }
    wx.getPrivacySetting({ success: (res) => resolve(res.needAuthorization), fail: () => resolve(false) });
  });
}

function requirePrivacy(): Promise<boolean> {
  return new Promise((resolve) => {
    if (typeof wx.requirePrivacyAuthorize !== 'function') {
      resolve(true);
      return;
    }
    wx.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

Page<RequestData, RequestCustom>({
  data: {
    phase: 'loading',
    message: '',
    organName: '',
    form: emptyForm(),
    organisation: false,
    errors: {},
    sending: false,
    applicantTypes: applicantTypeOptions,
    idTypes: idTypeOptions,
    deliveryForms: deliveryFormOptions,
    result: null,
    canSubscribe: false,
    subscribed: false,
    elder: '',
  },
  organId: '',
  idempotencyKey: '',
  busy: false,

  onLoad() {
    this.organId = '';
    this.idempotencyKey = newIdempotencyKey();
    this.busy = false;
    void this.start();
  },

  ...elderOnShow,

  /** The privacy agreement first, then the organ the request goes to. */
  async start() {
    this.setData({ phase: 'loading', message: '' });
    if (!(await this.checkPrivacy())) return;
    const organ = await callChecked('organ.getProfile', getProfileSchema, {});
    if (!organ.ok) {
      this.setData({ phase: 'error', message: organ.message });
      return;
    }
    this.organId = organ.data.id;
    this.setData({ phase: 'form', organName: organ.data.name });
  },

  async checkPrivacy() {
    if (!(await privacySetting())) return true;
    if (await requirePrivacy()) return true;
    this.setData({
      phase: 'privacy',
      message:
        '提交申请需要填写姓名、证件号码和联系电话。请先阅读并同意《用户隐私保护指引》，我们只把这些信息用于办理您的申请。',
    });
    return false;
  },

  onAgree() {
    void this.start();
  },

  onRetry() {
    void this.start();
  },

  onOpenPrivacy() {
    if (typeof wx.openPrivacyContract === 'function') wx.openPrivacyContract({});
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field as keyof FormText;
    if (!TEXT_FIELDS.includes(field)) return;
    const patch: Record<string, unknown> = { [`form.${field}`]: e.detail.value };
    if (this.data.errors[field]) patch[`errors.${field}`] = '';
    this.setData(patch as Partial<RequestData>);
  },

  onPick(e) {
    const field = e.currentTarget.dataset.field;
    const index = Number(e.detail.value);
    const key =
      field === 'applicantType'
        ? 'applicantTypeIndex'
        : field === 'idType'
          ? 'idTypeIndex'
          : field === 'deliveryForm'
            ? 'deliveryFormIndex'
            : null;
    if (key === null) return;
    const form = { ...this.data.form, [key]: index };
    this.setData({
      [`form.${key}`]: index,
      [`errors.${field}`]: '',
      organisation: isOrganisation(form),
    } as Partial<RequestData>);
  },

  async onSubmit() {
    if (this.busy || this.data.phase !== 'form') return;
    const errors = checkForm(this.data.form);
    if (Object.keys(errors).length > 0) {
      this.setData({ errors });
      void wx.showToast({ title: '请按红字提示修改后再提交', icon: 'none' });
      return;
    }
    this.busy = true;
    this.setData({ sending: true, errors: {} });
    const payload = {
      organId: this.organId,
      submission: toSubmission(this.data.form),
      idempotencyKey: this.idempotencyKey,
    };
    // The envelope's key makes the call idempotent too (the request's id derives from the payload's).
    const result = await call('requests.submit', payload, this.idempotencyKey);
    this.busy = false;
    if (!result.ok) {
      const fieldErrors = errorsByField(result.fieldErrors);
      this.setData({ sending: false, errors: fieldErrors });
      void wx.showToast({
        title: result.message.length > 30 ? `${result.message.slice(0, 30)}…` : result.message,
        icon: 'none',
      });
      return;
    }
    const { id, applicationNo, queryCode, statusLabel } = result.data;
    this.setData({
      phase: 'done',
      sending: false,
      result: { id, applicationNo, queryCode: queryCode ?? '', statusLabel },
      canSubscribe: NOTICE_TEMPLATE_ID !== '',
      subscribed: false,
    });
  },

  onCopy() {
    const code = this.data.result?.queryCode ?? '';
    if (code === '') return;
    void wx.setClipboardData({ data: code });
  },

  async onSubscribe() {
    const result = this.data.result;
    if (!result || NOTICE_TEMPLATE_ID === '') return;
    const accepted = await new Promise<boolean>((resolve) => {
      wx.requestSubscribeMessage({
        tmplIds: [NOTICE_TEMPLATE_ID],
        success: (res) => resolve((res as unknown as Record<string, string>)[NOTICE_TEMPLATE_ID] === 'accept'),
        fail: () => resolve(false),
      });
    });
    if (!accepted) {
      void wx.showToast({ title: '未开启通知，可随时用查询码查询进度', icon: 'none' });
      return;
    }
    const granted = await callChecked('requests.grantNotice', grantNoticeSchema, {
      requestId: result.id,
      templateId: NOTICE_TEMPLATE_ID,
    });
    if (!granted.ok) {
      void wx.showToast({ title: granted.message, icon: 'none' });
      return;
    }
    this.setData({ subscribed: true });
    void wx.showToast({ title: '办理有进展时会通知您', icon: 'none' });
  },

  onTrack() {
    const code = this.data.result?.queryCode ?? '';
    void wx.navigateTo({ url: `/pages/request/track/index${code ? `?code=${encodeURIComponent(code)}` : ''}` });
  },

  onNew() {
    this.idempotencyKey = newIdempotencyKey();
    this.setData({
      phase: 'form',
      form: emptyForm(),
      organisation: false,
      errors: {},
      result: null,
      subscribed: false,
    });
  },

  onShareAppMessage() {
    return { title: '申请政府信息公开', path: '/pages/request/index/index' };
  },
});
