/**
 * 统计填报 (staff/pages/stats/index): a clerk enters a month's 行政许可 / 行政处罚 / 行政强制 decisions and the
 * 行政事业性收费 (万元) in one go; the page shows that month's totals and the year's running totals per metric, and
 * the month's entries, each removable after a confirm. Reviewers and leaders read only. Each quantity is one stat
 * entry; its idempotency key is kept until it is saved, so a retry after a lost answer never counts it twice.
 */
import { NO_NOTICE, PendingWrites, readOrShow, type InputEvent, type DataEvent } from '../../../kit/page-state';
import { monthLabel, todayIso } from '../../records';
import {
  type RecordsData,
  type RecordsPage,
  entered,
  openRecords,
  recordsMembers,
  recordsStart,
  removeEntry,
} from '../../records-page';
import {
  METRICS,
  emptyForm,
  entriesOf,
  entryDate,
  summarize,
  type EntryLine,
  type MetricKey,
  type MetricLine,
  type StatsErrors,
  type StatsForm,
} from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { createStatEntrySchema, listByYearSchema } from 'gongkai-staff';
import type { StatEntry } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';

export interface StatsData extends RecordsData {
  month: string;
  monthLabel: string;
  maxMonth: string;
  metrics: { key: MetricKey; label: string; unit: string }[];
  form: StatsForm;
  errors: StatsErrors;
  lines: MetricLine[];
  entries: EntryLine[];
}

interface StatsCustom extends RecordsPage {
  entries: StatEntry[];
  year: number;
  show(): void;
  onMonth(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onInput(e: InputEvent<{ field: MetricKey }>): void;
  onSave(): Promise<void>;
  onRemove(e: DataEvent<{ id: string }>): Promise<void>;
}

Page<StatsData, StatsCustom>({
  data: {
    ...recordsStart(),
    month: '',
    monthLabel: '',
    maxMonth: '',
    metrics: METRICS.map(({ key, label, unit }) => ({ key, label, unit })),
    form: emptyForm(),
    errors: {},
    lines: [],
    entries: [],
  },
  ...recordsMembers(),
  entries: [],
  year: 0,

  ...elderOnShow,

  onLoad() {
    this.writes = new PendingWrites(newIdempotencyKey);
    const month = todayIso().slice(0, 7);
    this.year = Number(month.slice(0, 4));
    this.setData({ month, monthLabel: monthLabel(month), maxMonth: month });
    void this.start();
  },

  start() {
    return openRecords(this, 'stats');
  },

  /** The year's entries again; false (and the error shown) when they could not be read. */
  async refresh() {
    const entries = readOrShow(
      this,
      await callChecked('stats.list', listByYearSchema, { year: this.year }),
      (m) => `${m}，请下拉或稍后重试`,
    );
    if (entries === null) return false;
    this.entries = entries;
    this.show();
    return true;
  },

  show() {
    const { lines, entries } = summarize(this.entries, this.data.month);
    this.setData({ lines, entries });
  },

  onMonth(e) {
    const month = String(e.detail.value).slice(0, 7);
    const year = Number(month.slice(0, 4));
    this.setData({ month, monthLabel: monthLabel(month), ...NO_NOTICE });
    if (year === this.year) {
      this.show();
      return;
    }
    this.year = year;
    this.entries = [];
    this.show();
    void this.refresh();
  },

  onInput(e) {
    this.setData(entered('form', e.currentTarget.dataset.field, e.detail.value));
  },

  async onSave() {
    if (this.data.busy) return;
    const checked = entriesOf(this.data.form, entryDate(this.data.month, todayIso()));
    if (!checked.ok) {
      this.setData({ errors: checked.errors, notice: checked.message, noticeKind: 'error' });
      return;
    }
    this.setData({ busy: true, errors: {}, ...NO_NOTICE });
    const form = { ...this.data.form };
    const failures: string[] = [];
    let saved = 0;
    for (const { key, entry } of checked.entries) {
      const result = await this.writes.send(JSON.stringify(entry), (key) =>
        callChecked('stats.create', createStatEntrySchema, { entry: entry }, key),
      );
      if (result.ok) {
        form[key] = '';
        saved += 1;
      } else {
        failures.push(result.message);
      }
    }
    this.setData({ form });
    if (saved > 0) await this.refresh();
    this.setData({
      busy: false,
      notice:
        failures.length === 0
          ? `已保存${this.data.monthLabel}的 ${saved} 项数据`
          : `${failures[0] ?? ''}。未保存的数仍在上方，可再点“保存”`,
      noticeKind: failures.length === 0 ? 'saved' : 'error',
    });
  },

  async onRemove(e) {
    const id = e.currentTarget.dataset.id;
    const line = this.data.entries.find((x) => x.id === id);
    if (line === undefined) return;
    await removeEntry(this, id, '删除这条统计？', `${line.text}（${line.date}）\n删除后不计入年度报告。`);
  },
});
