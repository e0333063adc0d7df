/**
 * 工作日历 (staff/pages/calendar/index): which years the built-in 放假安排 covers and which the organ entered; for a
 * year, the holiday ranges and 调休 working days as the State Council's notice gives them (date pickers, rows added
 * and removed), saved with requests.setCalendar — the request deadlines of that year then count real working days
 * instead of a provisional Monday–Friday. Staff read; the admin writes (the server checks).
 */
import {
  NO_NOTICE,
  formPageStart,
  readOrShow,
  type DataEvent,
  type FormPageData,
  type InputEvent,
  type OpensByStart,
} from '../../../kit/page-state';
import { todayIso } from '../../records';
import { staffOpening, startOnLoad } from '../../session';
import {
  firstMissing,
  noErrors,
  ownYears,
  rangeLabel,
  rowErrors,
  rowsOf,
  tableOf,
  withYear,
  yearChoices,
  yearLabel,
  yearSpans,
  type HolidayRow,
  type OwnYear,
  type RowErrors,
  type WorkdayRow,
} from './view';
import { call, callChecked } from '../../../api/client';
import { setRequestCalendarSchema } from 'gongkai-staff';
import type { OrganCalendar } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface CalendarData extends FormPageData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  canWrite: boolean;
  official: string;
  own: OwnYear[];
  years: number[];
  yearLabels: string[];
  yearIndex: number;
  /** The year being edited. */
  year: number;
  /** `key`: the row's place, for wx:key (rows have no id of their own). */
  holidays: (HolidayRow & { label: string; key: string })[];
  workdays: (WorkdayRow & { key: string })[];
  errors: RowErrors;
}

interface CalendarCustom extends OpensByStart {
  calendar: OrganCalendar;
  officialYears: number[];
  show(calendar: OrganCalendar, year: number): void;
  setHolidays(rows: HolidayRow[], errors?: RowErrors): void;
  onYear(e: WechatMiniprogram.CustomEvent<{ value: string | number }>): void;
  onAddHoliday(): void;
  onHolidayDate(e: InputEvent<{ index: number; field: 'start' | 'end' }>): void;
  onRemoveHoliday(e: DataEvent<{ index: number }>): void;
  onAddWorkday(): void;
  onWorkdayDate(e: InputEvent<{ index: number }>): void;
  onRemoveWorkday(e: DataEvent<{ index: number }>): void;
  onSave(): Promise<void>;
}

const keyed = <T extends object>(rows: readonly T[]): (T & { key: string })[] =>
  rows.map((r, i) => ({ ...r, key: String(i) }));
const plain = (rows: readonly HolidayRow[]): HolidayRow[] => rows.map((r) => ({ start: r.start, end: r.end }));

Page<CalendarData, CalendarCustom>({
  data: {
    elder: '',
    ...formPageStart(),
    canWrite: false,
    official: '',
    own: [],
    years: [],
    yearLabels: [],
    yearIndex: 0,
    year: 0,
    holidays: [],
    workdays: [],
    errors: noErrors(),
  },
  ...startOnLoad,
  calendar: { years: {} },
  officialYears: [],

  ...elderOnShow,

  async start() {
    const me = await staffOpening(this);
    if (!me) return;
    const result = readOrShow(this, await call('requests.getCalendar', {}));
    if (result === null) return;
    this.officialYears = result.officialYears;
    const current = Number(todayIso().slice(0, 4));
    const own = Object.keys(result.calendar.years).map(Number);
    const years = yearChoices(current, this.officialYears, own);
    this.setData({ canWrite: me.role === 'admin', official: yearSpans(this.officialYears) });
    this.show(result.calendar, firstMissing(years, current, this.officialYears, own));
    this.setData({ state: 'ready' });
  },

  /** The calendar as saved, with `year` open for editing. */
  show(calendar, year) {
    this.calendar = calendar;
    const own = Object.keys(calendar.years).map(Number);
    const current = Number(todayIso().slice(0, 4));
    const years = yearChoices(current, this.officialYears, own);
    const rows = rowsOf(calendar.years[String(year)]);
    this.setData({
      own: ownYears(calendar),
      years,
      yearLabels: years.map((y) => yearLabel(y, this.officialYears, own)),
      yearIndex: Math.max(0, years.indexOf(year)),
      year,
      workdays: keyed(rows.workdays),
    });
    this.setHolidays(rows.holidays, noErrors());
  },

  setHolidays(rows, errors) {
    this.setData({ holidays: keyed(rows.map((r) => ({ ...r, label: rangeLabel(r) }))), ...(errors ? { errors } : {}) });
  },

  onYear(e) {
    const year = this.data.years[Number(e.detail.value)];
    if (year === undefined) return;
    this.setData({ ...NO_NOTICE });
    this.show(this.calendar, year);
  },

  onAddHoliday() {
    this.setHolidays([...plain(this.data.holidays), { start: '', end: '' }]);
  },

  onHolidayDate(e) {
    const { index, field } = e.currentTarget.dataset;
    const rows = plain(this.data.holidays);
    const row = rows[Number(index)];
    if (row === undefined) return;
    row[field] = String(e.detail.value);
    // A one-day holiday needs one pick: the end follows the start until it is set later than it.
    if (field === 'start' && (row.end === '' || row.end < row.start)) row.end = row.start;
    const errors = { ...this.data.errors, holidays: [...this.data.errors.holidays] };
    errors.holidays[Number(index)] = '';
    this.setHolidays(rows, errors);
  },

  onRemoveHoliday(e) {
    const index = Number(e.currentTarget.dataset.index);
    const errors = { ...this.data.errors, holidays: this.data.errors.holidays.filter((_, i) => i !== index) };
    this.setHolidays(
      plain(this.data.holidays).filter((_, i) => i !== index),
      errors,
    );
  },

  onAddWorkday() {
    this.setData({ workdays: keyed([...this.data.workdays, { date: '' }]) });
  },

  onWorkdayDate(e) {
    const index = Number(e.currentTarget.dataset.index);
    this.setData({ [`workdays[${index}].date`]: String(e.detail.value), [`errors.workdays[${index}]`]: '' });
  },

  onRemoveWorkday(e) {
    const index = Number(e.currentTarget.dataset.index);
    this.setData({
      workdays: keyed(this.data.workdays.filter((_, i) => i !== index).map((r) => ({ date: r.date }))),
      errors: { ...this.data.errors, workdays: this.data.errors.workdays.filter((_, i) => i !== index) },
    });
  },

  async onSave() {
    if (this.data.busy) return;
    const built = tableOf({
      holidays: plain(this.data.holidays),
      workdays: this.data.workdays.map((r) => ({ date: r.date })),
    });
    if (!built.ok) {
      this.setData({ errors: built.errors, notice: '请按提示修改后再保存', noticeKind: 'error' });
      return;
    }
    const year = this.data.year;
    this.setData({ busy: true, ...NO_NOTICE, errors: noErrors() });
    const result = await callChecked('requests.setCalendar', setRequestCalendarSchema, {
      calendar: withYear(this.calendar, year, built.table),
    });
    if (!result.ok) {
      const errors = rowErrors(result.fieldErrors, year, built.rowOfHoliday);
      this.setData({ busy: false, errors, notice: result.message, noticeKind: 'error' });
      return;
    }
    this.show(result.data.calendar, year);
    this.setData({ busy: false, notice: `已保存 ${year} 年工作日历，办理期限将按此计算`, noticeKind: 'saved' });
  },
});
