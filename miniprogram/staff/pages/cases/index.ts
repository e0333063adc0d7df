/**
 * 复议诉讼登记 (staff/pages/cases/index): the year's 行政复议 and 行政诉讼 cases about the organ's disclosure —
 * those still open (尚未审结) and those closed in the year with their result — with the table 四 cells the report
 * will show; register a case (already closed if it is entered late), and close an open one with its result and
 * date. Editors and admins write; others read. Each write keeps its idempotency key until answered (no double case).
 */
import { NO_NOTICE, PendingWrites, readOrShow, type DataEvent, type InputEvent } from '../../../kit/page-state';
import type { ReviewCase } from 'gongkai-staff';
import { todayIso, yearOptions } from '../../records';
import {
  type RecordsData,
  type RecordsPage,
  entered,
  openRecords,
  recordsMembers,
  recordsStart,
  writeThenRefresh,
} from '../../records-page';
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
import { elderOnShow } from '../../../styles/elder';

interface Closing {
  id: string;
  filedDate: string;
  result: string;
  closedDate: string;
}

export interface CasesData extends RecordsData {
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
  onYear(e: WechatMiniprogram.CustomEvent<{ value: string | number }>): void;
  onStartAdd(): void;
  onCancelAdd(): void;
  /** A chip tapped: `value` into `form`'s `field` (the add form, or the closing of a case). */
  onChoose(e: DataEvent<FieldOf & { value: string }>): void;
  /** A date picked or a text typed into `form`'s `field`. */
  onEnter(e: InputEvent<FieldOf>): void;
  onClosedToggle(e: WechatMiniprogram.CustomEvent<{ value: boolean }>): void;
  onAdd(): Promise<void>;
  onStartClose(e: DataEvent<{ id: string }>): void;
  onCancelClose(): void;
  onClose(): Promise<void>;
}

/** Which form a field belongs to (WXML `data-form`, `data-field`): the add form or the closing of a case. */
interface FieldOf {
  form: 'form' | 'closing';
  field: string;
}

/** Each form's errors, beside it in the page data. */
const ERRORS_OF = { form: 'errors', closing: 'closeErrors' } as const;

const EMPTY_VIEW: CasesView = { pending: [], closed: [], header: [], grid: [] };

Page<CasesData, CasesCustom>({
  data: {
    ...recordsStart(),
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
  ...recordsMembers(),
  cases: [],

  ...elderOnShow,

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

  start() {
    return openRecords(this, 'cases');
  },

  async refresh() {
    const cases = readOrShow(this, await callChecked('cases.list', listByYearSchema, { year: this.year() }));
    if (cases === null) return false;
    this.cases = cases;
    this.setData({ view: casesView(this.cases, this.year()) });
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

  onChoose(e) {
    const { form, field, value } = e.currentTarget.dataset;
    this.setData(entered(form, field, value, ERRORS_OF[form]));
  },

  onEnter(e) {
    const { form, field } = e.currentTarget.dataset;
    this.setData(entered(form, field, String(e.detail.value), ERRORS_OF[form]));
  },

  onClosedToggle(e) {
    this.setData({ 'form.closed': e.detail.value === true, 'errors.result': '', 'errors.closedDate': '' });
  },

  async onAdd() {
    const checked = caseInput(this.data.form, this.data.today);
    if (!checked.ok) {
      this.setData({ errors: checked.errors });
      return;
    }
    const value = checked.value;
    if (
      await writeThenRefresh(this, `create:${JSON.stringify(value)}`, (key) =>
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
      await writeThenRefresh(this, `close:${JSON.stringify(payload)}`, (key) =>
        callChecked('cases.close', closeCaseSchema, payload, key),
      )
    ) {
      this.setData({ closing: null, notice: '已审结', noticeKind: 'saved' });
    }
  },
});
