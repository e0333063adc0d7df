/**
 * 复议诉讼登记 (staff/pages/cases/index): the year's 行政复议 and 行政诉讼 cases about the organ's disclosure —
 * those still open (尚未审结) and those closed in the year with their result — with the table 四 cells the report
 * will show; register a case (already closed if it is entered late), and close an open one with its result and
 * date. Editors and admins write; others read. Each write keeps its idempotency key until answered (no double case).
 */
import {
  NO_NOTICE,
  PendingWrites,
  formPageStart,
  noticeOf,
  refreshHandlers,
  readOrShow,
  type DataEvent,
  type FormPageData,
  type InputEvent,
  type RecordsPage,
} from '../../../kit/page-state';
import type { Result, ReviewCase } from 'gongkai-staff';
import { canWrite, todayIso, yearOptions } from '../../records';
import { staffOpening } from '../../session';
import {
  KINDS,
  RESULTS,
  caseInput,
  casesView,
  closeErrors,
  emptyCaseForm,
  type CaseErrors,
  type CaseForm,
  type CasesView,
} from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { closeCaseSchema, createCaseSchema, listByYearSchema } from 'gongkai-staff';
import { elderClass } from '../../../styles/elder';

interface Closing {
  id: string;
  filedDate: string;
  result: string;
  closedDate: string;
}

export interface CasesData extends FormPageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  canWrite: boolean;
  years: number[];
  yearLabels: string[];
  yearIndex: number;
  view: CasesView;
  kinds: typeof KINDS;
  results: typeof RESULTS;
  adding: boolean;
  form: CaseForm;
  errors: CaseErrors;
  closing: Closing | null;
  closeErrors: CaseErrors;
  today: string;
}

interface CasesCustom extends RecordsPage {
  cases: ReviewCase[];
  year(): number;
  send<T>(key: string, act: (idempotencyKey: string) => Promise<Result<T>>): Promise<boolean>;
  onYear(e: WechatMiniprogram.CustomEvent<{ value: string | number }>): void;
  onStartAdd(): void;
  onCancelAdd(): void;
  onKind(e: DataEvent<{ kind: string }>): void;
  onFormDate(e: InputEvent<{ field: 'filedDate' | 'closedDate' }>): void;
  onCaseNo(e: InputEvent): void;
  onClosedToggle(e: WechatMiniprogram.CustomEvent<{ value: boolean }>): void;
  onFormResult(e: DataEvent<{ result: string }>): void;
  onAdd(): Promise<void>;
  onStartClose(e: DataEvent<{ id: string }>): void;
  onCancelClose(): void;
  onCloseResult(e: DataEvent<{ result: string }>): void;
  onCloseDate(e: InputEvent): void;
  onClose(): Promise<void>;
}

const EMPTY_VIEW: CasesView = { pending: [], closed: [], header: [], grid: [] };

Page<CasesData, CasesCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    canWrite: false,
    years: [],
    yearLabels: [],
    yearIndex: 0,
    view: EMPTY_VIEW,
    kinds: KINDS,
    results: RESULTS,
    adding: false,
    form: emptyCaseForm(''),
    errors: {},
    closing: null,
    closeErrors: {},
    today: '',
  },
  ...refreshHandlers,
  cases: [],
  writes: new PendingWrites(newIdempotencyKey),

  onShow() {
    this.setData({ elder: elderClass() });
  },

  onLoad() {
    this.writes = new PendingWrites(newIdempotencyKey);
    const today = todayIso();
    const years = yearOptions(Number(today.slice(0, 4)));
    this.setData({ today, years, yearLabels: years.map((y) => `${y}年`), form: emptyCaseForm(today) });
    void this.start();
  },

  year() {
    return this.data.years[this.data.yearIndex] ?? Number(this.data.today.slice(0, 4));
  },

  async start() {
    const me = await staffOpening(this);
    if (!me) return;
    this.setData({ canWrite: canWrite('cases', me.role) });
    if (await this.refresh()) this.setData({ state: 'ready' });
  },

  async refresh() {
    const cases = readOrShow(this, await callChecked('cases.list', listByYearSchema, { year: this.year() }));
    if (cases === null) return false;
    this.cases = cases;
    this.setData({ view: casesView(this.cases, this.year()) });
    return true;
  },

  /** One write with its kept idempotency key; on success the list is read again. */
  async send(key, act) {
    if (this.data.busy) return false;
    this.setData({ busy: true, ...NO_NOTICE });
    const result = await this.writes.send(key, act);
    if (!result.ok) {
      this.setData({ busy: false, ...noticeOf(result, '') });
      return false;
    }
    await this.refresh();
    this.setData({ busy: false });
    return true;
  },

  onYear(e) {
    const yearIndex = Number(e.detail.value);
    if (this.data.years[yearIndex] === undefined) return;
    this.setData({ yearIndex, closing: null, ...NO_NOTICE });
    void this.refresh();
  },

  onStartAdd() {
    this.setData({
      adding: true,
      closing: null,
      form: emptyCaseForm(this.data.today),
      errors: {},
      ...NO_NOTICE,
    });
  },

  onCancelAdd() {
    this.setData({ adding: false, errors: {} });
  },

  onKind(e) {
    this.setData({ 'form.kind': e.currentTarget.dataset.kind, 'errors.kind': '' });
  },

  onFormDate(e) {
    const field = e.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: String(e.detail.value), [`errors.${field}`]: '' });
  },

  onCaseNo(e) {
    this.setData({ 'form.caseNo': e.detail.value, 'errors.caseNo': '' });
  },

  onClosedToggle(e) {
    this.setData({ 'form.closed': e.detail.value === true, 'errors.result': '', 'errors.closedDate': '' });
  },

  onFormResult(e) {
    this.setData({ 'form.result': e.currentTarget.dataset.result, 'errors.result': '' });
  },

  async onAdd() {
    const checked = caseInput(this.data.form, this.data.today);
    if (!checked.ok) {
      this.setData({ errors: checked.errors });
      return;
    }
    const value = checked.value;
    if (
      await this.send(`create:${JSON.stringify(value)}`, (key) =>
        callChecked('cases.create', createCaseSchema, { case: value }, key),
      )
    ) {
      this.setData({ adding: false, notice: '已登记', noticeKind: 'saved' });
    }
  },

  onStartClose(e) {
    const id = e.currentTarget.dataset.id;
    const c = this.cases.find((x) => x.id === id);
    if (c === undefined) return;
    this.setData({
      closing: { id, filedDate: c.filedDate, result: '', closedDate: this.data.today },
      closeErrors: {},
      adding: false,
      ...NO_NOTICE,
    });
  },

  onCancelClose() {
    this.setData({ closing: null, closeErrors: {} });
  },

  onCloseResult(e) {
    this.setData({ 'closing.result': e.currentTarget.dataset.result, 'closeErrors.result': '' });
  },

  onCloseDate(e) {
    this.setData({ 'closing.closedDate': String(e.detail.value), 'closeErrors.closedDate': '' });
  },

  async onClose() {
    const closing = this.data.closing;
    if (closing === null) return;
    const result = RESULTS.find((r) => r.key === closing.result)?.key ?? '';
    const errors = closeErrors(result, closing.closedDate, closing.filedDate, this.data.today);
    if (Object.keys(errors).length > 0 || result === '') {
      this.setData({ closeErrors: errors });
      return;
    }
    const payload = { id: closing.id, result, closedDate: closing.closedDate };
    if (
      await this.send(`close:${JSON.stringify(payload)}`, (key) =>
        callChecked('cases.close', closeCaseSchema, payload, key),
      )
    ) {
      this.setData({ closing: null, notice: '已审结', noticeKind: 'saved' });
    }
  },
});
