/**
 * 规章和规范性文件登记 (staff/pages/docs/index): the year's 行政规范性文件 issued and repealed, one by one with title,
 * 文号 and date, and the 现行有效件数 override with its reason; on top, the three table 二 cells the report will
 * show. 规章 appear behind a switch (乡镇人民政府 have no power to make 规章), and by themselves when the year
 * has any. Editors and admins write; others read. Removal asks first.
 */
import { NO_NOTICE, PendingWrites, readOrShow, type DataEvent, type InputEvent } from '../../../kit/page-state';
import { PROACTIVE_ROW_LABELS, todayIso, yearOptions } from '../../records';
import {
  type RecordsData,
  type RecordsPage,
  entered,
  openRecords,
  recordsMembers,
  recordsStart,
  removeEntry,
  writeThenRefresh,
} from '../../records-page';
import {
  docEntry,
  docsView,
  overrideEntry,
  type DocAction,
  type DocErrors,
  type DocForm,
  type DocRow,
  type DocsView,
  type Checked,
  type LastYear,
  type OverrideForm,
} from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import {
  createStatEntrySchema,
  getPublishedReportSchema,
  listByYearSchema,
  listPublishedReportsSchema,
} from 'gongkai-staff';
import type { StatEntry } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface DocsData extends RecordsData {
  years: number[];
  yearLabels: string[];
  yearIndex: number;
  showRules: boolean;
  row: DocRow;
  rowLabel: string;
  view: DocsView;
  form: DocForm;
  overrideForm: OverrideForm;
  errors: DocErrors;
  minDate: string;
  maxDate: string;
}

interface DocsCustom extends RecordsPage {
  entries: StatEntry[];
  organId: string | undefined;
  lastYear: LastYear;
  show(): void;
  year(): number;
  /** A checked entry registered (then `done` set and the list read again), or its errors shown. */
  write(checked: Checked, done: Partial<DocsData>): Promise<void>;
  onYear(e: WechatMiniprogram.CustomEvent<{ value: string | number }>): void;
  onRules(e: WechatMiniprogram.CustomEvent<{ value: boolean }>): void;
  onRow(e: DataEvent<{ row: DocRow }>): void;
  onAction(e: DataEvent<{ action: DocAction }>): void;
  onInput(e: InputEvent<{ field: string }>): void;
  onDate(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onAdd(): Promise<void>;
  onOverride(): Promise<void>;
  onRemove(e: DataEvent<{ id: string; what: string }>): Promise<void>;
}

const RULES_KEY = 'gongkai.staff.docs.rules';
const EMPTY_VIEW: DocsView = {
  issued: [],
  repealed: [],
  override: null,
  cells: { issued: '0', repealed: '0', inForce: '—', inForceNote: '' },
};

function rulesWanted(): boolean {
  try {
    return wx.getStorageSync(RULES_KEY) === true;
  } catch {
    return false;
  }
}

/** A date the picker offers first: today in the current year, none in a past one (the clerk picks it). */
function defaultDate(year: number): string {
  const today = todayIso();
  return today.startsWith(`${year}-`) ? today : '';
}

function emptyForm(year: number, action: DocAction = 'issued'): DocForm {
  return { action, title: '', docNo: '', date: defaultDate(year) };
}

/** Last year's published report, if the organ has one here. */
async function loadLastYear(organId: string | undefined, year: number): Promise<LastYear> {
  const list = await callChecked('reports.listPublished', listPublishedReportsSchema, { organId: organId });
  if (!list.ok) return { kind: 'failed' };
  const summary = list.data.find((s) => s.year === year - 1 && (organId === undefined || s.organId === organId));
  if (!summary) return { kind: 'none' };
  const got = await callChecked('reports.getPublished', getPublishedReportSchema, { id: summary.id });
  return got.ok ? { kind: 'found', report: got.data.report } : { kind: 'failed' };
}

Page<DocsData, DocsCustom>({
  data: {
    ...recordsStart(),
    years: [],
    yearLabels: [],
    yearIndex: 0,
    showRules: false,
    row: 'normativeDocs',
    rowLabel: PROACTIVE_ROW_LABELS.normativeDocs ?? '行政规范性文件',
    view: EMPTY_VIEW,
    form: emptyForm(new Date().getFullYear()),
    overrideForm: { value: '', reason: '' },
    errors: {},
    minDate: '',
    maxDate: '',
  },
  ...recordsMembers(),
  entries: [],
  organId: undefined,
  lastYear: { kind: 'none' },

  ...elderOnShow,

  onLoad() {
    this.writes = new PendingWrites(newIdempotencyKey);
    const years = yearOptions(new Date().getFullYear());
    this.setData({ years, yearLabels: years.map((y) => `${y}年`), showRules: rulesWanted() });
    void this.start();
  },

  start() {
    return openRecords(this, 'stats', (me) => {
      this.organId = me.organId ?? undefined;
    });
  },

  async refresh() {
    const year = this.year();
    const [entries, lastYear] = await Promise.all([
      callChecked('stats.list', listByYearSchema, { year: year }),
      loadLastYear(this.organId, year),
    ]);
    const read = readOrShow(this, entries);
    if (read === null) return false;
    this.entries = read;
    this.lastYear = lastYear;
    this.show();
    return true;
  },

  show() {
    const year = this.year();
    // 规章 entered in this year are never hidden behind the switch.
    const hasRules = this.entries.some(
      (e) =>
        e.metric.startsWith('rules.') &&
        (e.kind === 'inForceOverride' ? e.year === year : e.date.startsWith(`${year}-`)),
    );
    const showRules = this.data.showRules || hasRules;
    const row: DocRow = showRules ? this.data.row : 'normativeDocs';
    const today = todayIso();
    const end = `${year}-12-31`;
    this.setData({
      showRules,
      row,
      rowLabel: PROACTIVE_ROW_LABELS[row] ?? row,
      view: docsView(this.entries, year, row, this.lastYear),
      minDate: `${year}-01-01`,
      maxDate: end < today ? end : today,
    });
  },

  onYear(e) {
    const yearIndex = Number(e.detail.value);
    const year = this.data.years[yearIndex];
    if (year === undefined) return;
    this.entries = [];
    this.setData({ yearIndex, form: emptyForm(year, this.data.form.action), errors: {}, ...NO_NOTICE });
    this.show();
    void this.refresh();
  },

  onRules(e) {
    const on = e.detail.value === true;
    try {
      wx.setStorageSync(RULES_KEY, on);
    } catch {
      // Not remembered: the switch still works on this page.
    }
    this.setData({ showRules: on, row: on ? this.data.row : 'normativeDocs' });
    this.show();
  },

  onRow(e) {
    this.setData({ row: e.currentTarget.dataset.row, errors: {}, ...NO_NOTICE });
    this.show();
  },

  onAction(e) {
    this.setData({ 'form.action': e.currentTarget.dataset.action });
  },

  onInput(e) {
    const field = e.currentTarget.dataset.field;
    const override = field.startsWith('override.');
    const name = override ? field.slice('override.'.length) : field;
    this.setData(entered(override ? 'overrideForm' : 'form', name, e.detail.value));
  },

  onDate(e) {
    this.setData(entered('form', 'date', String(e.detail.value)));
  },

  year() {
    return this.data.years[this.data.yearIndex] ?? new Date().getFullYear();
  },

  async write(checked, done) {
    if (!checked.ok) {
      this.setData({ errors: checked.errors });
      return;
    }
    const entry = checked.entry;
    const written = await writeThenRefresh(this, JSON.stringify(entry), (key) =>
      callChecked('stats.create', createStatEntrySchema, { entry: entry }, key),
    );
    if (written) this.setData({ ...done, errors: {}, notice: '已登记', noticeKind: 'saved' });
  },

  async onAdd() {
    const year = this.year();
    await this.write(docEntry(this.data.form, this.data.row, year), { form: emptyForm(year, this.data.form.action) });
  },

  async onOverride() {
    await this.write(overrideEntry(this.data.overrideForm, this.data.row, this.year()), {
      overrideForm: { value: '', reason: '' },
    });
  },

  onRemove(e) {
    const { id, what } = e.currentTarget.dataset;
    return removeEntry(this, id, '删除这条登记？', `${what}\n删除后不计入年度报告。`);
  },
});
