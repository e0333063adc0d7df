/**
 * 机关设置 (staff/pages/admin/index, admin only): the organ's profile as a form — name, 统一社会信用代码 (its check
 * character verified as it is typed), contact, the report due date, the approval chain, how the 信息处理费 is paid,
 * who approves 延期, and (folded under 高级) the subscribe-message template ids and, under each id given, that
 * template's four field keys (requestAnswered's are the profile's noticeFields, the others its templateFields).
 * Save sends only what changed (organ.updateProfile patch), checked with the shared schema first. Edits set data
 * by path (`form.keys.approvalNeeded.status`), so a keystroke sends one value, not the form.
 */
import {
  SUBSCRIBE_PURPOSES,
  joinCountySchema,
  type NoticeFields,
  type SubscribePurpose,
  updateProfileSchema,
} from 'gongkai-staff';
import {
  NO_NOTICE,
  formPageStart,
  type DataEvent,
  type FormPageData,
  type InputEvent,
  type OpensByStart,
} from '../../../kit/page-state';
import { CALENDAR_ROUTE, PEOPLE_ROUTE, adminOpening, startOnLoad } from '../../session';
import {
  CHAINS,
  NOTICE_KEYS,
  PURPOSES,
  applyPatch,
  approverChoices,
  checkPatch,
  copyForm,
  creditCheck,
  errorPrefix,
  errorsOf,
  formOf,
  countyTextOf,
  monthDayLabel,
  type ApproverChoice,
  type ChainChoice,
  type CreditCheck,
  type FormErrors,
  type ProfileForm,
} from './view';
import { call, callChecked } from '../../../api/client';
import type { StaffListEntry } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface AdminData extends FormPageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  form: ProfileForm;
  errors: FormErrors;
  credit: CreditCheck | null;
  dueLabel: string;
  chains: typeof CHAINS;
  purposes: typeof PURPOSES;
  noticeKeys: typeof NOTICE_KEYS;
  approvers: ApproverChoice[];
  approversError: string;
  advanced: boolean;
  /** Where the organ stands in the county view: 本机关为县级机关 / 所属县级机关：…, '' when under none. */
  countyText: string;
  joinError: string;
}

/** The plain text fields typed into an <input> or <textarea>. */
type TextField = 'name' | 'creditCode' | 'contactPhone' | 'address' | 'feePayment' | 'reviewOrgan' | 'court';

interface AdminCustom extends OpensByStart {
  loaded: ProfileForm | null;
  staff: StaffListEntry[];
  edit(path: string, value: unknown, errorKey: string): void;
  show(errors: FormErrors, notice: string): void;
  onText(e: InputEvent<{ field: TextField }>): void;
  onDueDate(e: InputEvent<Record<string, never>>): void;
  onChain(e: DataEvent<{ chain: ChainChoice }>): void;
  onApprover(e: DataEvent<{ id: string }>): void;
  onAdvanced(): void;
  onTemplate(e: InputEvent<{ purpose: string }>): void;
  onKey(e: InputEvent<{ purpose: SubscribePurpose; key: keyof NoticeFields }>): void;
  onSave(): Promise<void>;
  onPeople(): void;
  onCalendar(): void;
  /** The county's join code as typed (off setData). */
  joinCode: string;
  onJoinCode(e: InputEvent<Record<string, never>>): void;
  onJoin(): Promise<void>;
}

const EMPTY_FORM: ProfileForm = {
  name: '',
  creditCode: '',
  contactPhone: '',
  address: '',
  reportDueDate: '01-31',
  chain: 'two',
  feePayment: '',
  reviewOrgan: '',
  court: '',
  extensionApprovers: [],
  templateIds: {
    approvalNeeded: '',
    itemReturned: '',
    itemPublished: '',
    requestReceived: '',
    requestAnswered: '',
    deadlineNear: '',
  },
  keys: Object.fromEntries(
    SUBSCRIBE_PURPOSES.map((p) => [p, { applicationNo: '', status: '', date: '', note: '' }]),
  ) as ProfileForm['keys'],
  answeredOverride: false,
};

Page<AdminData, AdminCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    form: EMPTY_FORM,
    errors: {},
    credit: null,
    dueLabel: '',
    chains: CHAINS,
    purposes: PURPOSES,
    noticeKeys: NOTICE_KEYS,
    approvers: [],
    approversError: '',
    advanced: false,
    countyText: '',
    joinError: '',
  },
  ...startOnLoad,
  loaded: null,
  staff: [],
  joinCode: '',

  ...elderOnShow,

  async start() {
    const me = await adminOpening(this, '机关设置仅限管理员修改');
    if (!me) return;
    const [settings, staff] = await Promise.all([call('organ.settings', {}), call('organ.listStaff', {})]);
    if (!settings.ok) {
      this.setData({ state: 'error', message: settings.message });
      return;
    }
    const form = formOf(settings.data);
    this.loaded = form;
    this.staff = staff.ok ? staff.data : [];
    this.setData({
      state: 'ready',
      form: copyForm(form),
      errors: {},
      credit: creditCheck(form.creditCode),
      dueLabel: monthDayLabel(form.reportDueDate),
      approvers: approverChoices(this.staff, form.extensionApprovers),
      approversError: staff.ok ? '' : staff.message,
      countyText: countyTextOf(settings.data),
    });
  },

  /** One change to the form, set by its path: its error goes (the whole map is set: its keys hold dots). */
  edit(path, value, errorKey) {
    const errors = { ...this.data.errors };
    delete errors[errorKey];
    this.setData({ [`form.${path}`]: value, errors, ...NO_NOTICE });
  },

  /** Errors under their fields; a template id or key sits in the folded section, which opens so it is seen. */
  show(errors, notice) {
    const advanced = this.data.advanced || Object.keys(errors).some((k) => k.includes('.'));
    this.setData({ busy: false, errors, notice, noticeKind: 'error', advanced });
  },

  onText(e) {
    const field = e.currentTarget.dataset.field;
    this.edit(field, e.detail.value, field);
    if (field === 'creditCode') this.setData({ credit: creditCheck(e.detail.value) });
  },

  onDueDate(e) {
    // The picker works on a date of a leap year: its month-day is what is kept.
    const md = String(e.detail.value).slice(5, 10);
    this.edit('reportDueDate', md, 'reportDueDate');
    this.setData({ dueLabel: monthDayLabel(md) });
  },

  onChain(e) {
    this.edit('chain', e.currentTarget.dataset.chain, 'chain');
  },

  onApprover(e) {
    const id = e.currentTarget.dataset.id;
    const chosen = this.data.form.extensionApprovers;
    const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
    this.edit('extensionApprovers', next, 'extensionApprovers');
    this.setData({ approvers: approverChoices(this.staff, next) });
  },

  onAdvanced() {
    this.setData({ advanced: !this.data.advanced });
  },

  onTemplate(e) {
    const purpose = e.currentTarget.dataset.purpose;
    this.edit(`templateIds.${purpose}`, e.detail.value, `templateIds.${purpose}`);
  },

  onKey(e) {
    const { purpose, key } = e.currentTarget.dataset;
    this.edit(`keys.${purpose}.${key}`, e.detail.value, `${errorPrefix(purpose)}${key}`);
  },

  async onSave() {
    const loaded = this.loaded;
    if (this.data.busy || loaded === null) return;
    const checked = checkPatch(this.data.form, loaded);
    if (!checked.ok) {
      this.show(checked.errors, checked.message);
      return;
    }
    if (Object.keys(checked.patch).length === 0) {
      this.setData({ notice: '没有需要保存的修改', noticeKind: 'saved' });
      return;
    }
    this.setData({ busy: true, ...NO_NOTICE });
    const result = await callChecked('organ.updateProfile', updateProfileSchema, { patch: checked.patch });
    if (!result.ok) {
      this.show(errorsOf(result.fieldErrors), result.message);
      return;
    }
    const saved = applyPatch(loaded, checked.patch);
    this.loaded = saved;
    this.setData({
      busy: false,
      form: copyForm(saved),
      errors: {},
      credit: creditCheck(saved.creditCode),
      notice: '已保存',
      noticeKind: 'saved',
    });
    void wx.showToast({ title: '已保存', icon: 'success' });
  },

  onPeople() {
    void wx.navigateTo({ url: PEOPLE_ROUTE });
  },

  onCalendar() {
    void wx.navigateTo({ url: CALENDAR_ROUTE });
  },

  onJoinCode(e) {
    this.joinCode = e.detail.value;
    this.setData({ joinError: '' });
  },

  // organ.joinCounty: once; the county's dashboard shows this organ from then on.
  async onJoin() {
    if (this.data.busy) return;
    this.setData({ busy: true, joinError: '', ...NO_NOTICE });
    const result = await callChecked('organ.joinCounty', joinCountySchema, { code: this.joinCode });
    if (!result.ok) {
      this.setData({ busy: false, joinError: result.message });
      return;
    }
    this.joinCode = '';
    this.setData({
      busy: false,
      countyText: countyTextOf({ isCounty: false, county: result.data.county }),
      notice: '已加入',
      noticeKind: 'saved',
    });
  },
});
