/**
 * 登记纸质申请 (staff/pages/request-record/index), from the 申请办理 desk: a request that came on paper, by post, by
 * fax or in person is typed in by staff with its channel and receipt date (条例 第三十一条), checked with the shared
 * staff-entry schema and sent through `requests.record` once per form (one idempotency key, kept across a failed
 * send). Then the 申请编号 and the 查询码, shown this once, as a 回执 to hand over or copy, and a way to the request.
 */
import { getProfileSchema, recordRequestSchema, type Result, type SubmitRequestAnswer } from 'gongkai-staff';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import {
  formPageStart,
  readOrShow,
  retryHandler,
  type FormPageData,
  type InputEvent,
  type OpensByStart,
} from '../../../kit/page-state';
import {
  TEXT_FIELDS,
  applicantTypeOptions,
  deliveryFormOptions,
  errorsByField,
  idTypeOptions,
  isOrganisation,
  type FormText,
} from '../../../pages/request/form';
import { elderOnShow } from '../../../styles/elder';
import { todayIso } from '../../records';
import { REQUEST_ROUTE, staffOpening } from '../../session';
import {
  CHANNEL_OPTIONS,
  RECEIPT_DAY,
  channelOf,
  emptyRecordForm,
  entryOf,
  receiptOf,
  textInputs,
  type Receipt,
  type RecordForm,
  type TextInput,
} from './view';

export interface RecordData extends FormPageData {
  elder: string;
  organName: string;
  form: RecordForm;
  inputs: TextInput[];
  organisation: boolean;
  post: boolean;
  receiptDay: string;
  errors: Record<string, string>;
  today: string;
  applicantTypes: string[];
  idTypes: string[];
  deliveryForms: string[];
  channels: string[];
  /** After recording: the request and its 回执 (the 查询码 shown this once). */
  done: { id: string; applicationNo: string; queryCode: string; receipt: Receipt } | null;
}

type Field = keyof FormText | 'receivedDate' | 'postmarkDate';
const PICKERS = {
  applicantType: 'applicantTypeIndex',
  idType: 'idTypeIndex',
  deliveryForm: 'deliveryFormIndex',
  channel: 'channelIndex',
} as const;

interface RecordCustom extends OpensByStart {
  idempotencyKey: string;
  show(form: RecordForm, errors: Record<string, string>): void;
  onInput(e: InputEvent<{ field: Field }>): void;
  onPick(e: InputEvent<{ field: keyof typeof PICKERS }>): void;
  onSubmit(): Promise<void>;
  onCopy(): void;
  onOpen(): void;
  onNew(): void;
}

Page<RecordData, RecordCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    organName: '',
    form: emptyRecordForm(''),
    inputs: [],
    organisation: false,
    post: false,
    receiptDay: RECEIPT_DAY.inPerson,
    errors: {},
    today: '',
    applicantTypes: applicantTypeOptions,
    idTypes: idTypeOptions,
    deliveryForms: deliveryFormOptions,
    channels: CHANNEL_OPTIONS,
    done: null,
  },
  idempotencyKey: '',
  ...retryHandler,

  onLoad() {
    this.idempotencyKey = newIdempotencyKey();
    void this.start();
  },

  ...elderOnShow,

  async start() {
    const me = await staffOpening(this);
    if (me === null) return;
    // The 回执 names the clerk's own organ: without an id the function answers the deployment's first organ, which
    // in a county's shared database may be another one.
    const profile = me.organId ? { organId: me.organId } : {};
    const organ = readOrShow(this, await callChecked('organ.getProfile', getProfileSchema, profile));
    if (organ === null) return;
    const today = todayIso();
    this.setData({ state: 'ready', organName: organ.name, today });
    this.show(emptyRecordForm(today), {});
  },

  /** The form and what derives from it: the inputs for the applicant type, the receipt-day rule of the channel. */
  show(form, errors) {
    const channel = channelOf(form);
    this.setData({
      form,
      errors,
      inputs: textInputs(form, errors),
      organisation: isOrganisation(form),
      post: channel === 'post',
      receiptDay: RECEIPT_DAY[channel],
    });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    if (!TEXT_FIELDS.includes(field as keyof FormText) && field !== 'receivedDate' && field !== 'postmarkDate') return;
    this.show({ ...this.data.form, [field]: e.detail.value }, { ...this.data.errors, [field]: '' });
  },

  onPick(e) {
    const field = e.currentTarget.dataset.field;
    const key = PICKERS[field];
    this.show({ ...this.data.form, [key]: Number(e.detail.value) }, { ...this.data.errors, [field]: '' });
  },

  async onSubmit() {
    if (this.data.busy || this.data.done) return;
    this.setData({ busy: true, notice: '', noticeKind: '' });
    // Checked with the shared schema before sending (every field's message at once); the function checks it again.
    const payload = { entry: entryOf(this.data.form), idempotencyKey: this.idempotencyKey } as never;
    const result: Result<SubmitRequestAnswer> = await callChecked(
      'requests.record',
      recordRequestSchema,
      payload,
      this.idempotencyKey,
    );
    if (!result.ok) {
      this.show(this.data.form, errorsByField(result.fieldErrors));
      this.setData({ busy: false, notice: result.message, noticeKind: 'error' });
      return;
    }
    const { id, applicationNo, queryCode } = result.data;
    this.setData({
      busy: false,
      done: {
        id,
        applicationNo,
        queryCode: queryCode ?? '',
        receipt: receiptOf(this.data.organName, this.data.form, result.data),
      },
      notice:
        queryCode === null
          ? '这份申请已经登记过（重复提交），查询码只在首次登记时显示；遗失的可在申请详情里补发。'
          : '',
      noticeKind: queryCode === null ? 'error' : 'saved',
    });
  },

  onCopy() {
    const done = this.data.done;
    if (done && done.queryCode !== '') void wx.setClipboardData({ data: done.receipt.text });
  },

  onOpen() {
    const done = this.data.done;
    if (done) void wx.redirectTo({ url: `${REQUEST_ROUTE}?id=${encodeURIComponent(done.id)}` });
  },

  onNew() {
    this.idempotencyKey = newIdempotencyKey();
    this.setData({ done: null, notice: '', noticeKind: '' });
    this.show(emptyRecordForm(this.data.today), {});
  },
});
