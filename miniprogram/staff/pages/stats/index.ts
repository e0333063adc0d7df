/**
 * 统计填报 (staff/pages/stats/index): a clerk enters a month's 行政许可 / 行政处罚 / 行政强制 decisions and the
 * 行政事业性收费 (万元) in one go; the page shows that month's totals and the year's running totals per metric, and
 * the month's entries, each removable after a confirm. Reviewers and leaders read only. Each quantity is one stat
 * entry; its idempotency key is kept until it is saved, so a retry after a lost answer never counts it twice.
 */
import { canWrite, confirm, monthLabel, todayIso } from '../../records';
import { staffOpening } from '../../session';
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
import { createStatEntrySchema, listByYearSchema, removeByIdSchema } from 'gongkai-core';
import type { StatEntry } from 'gongkai-core';

export type StatsState = 'loading' | 'ready' | 'error';
export type NoticeKind = '' | 'saved' | 'error';

export interface StatsData {
  state: StatsState;
  message: string;
  canWrite: boolean;
  month: string;
  monthLabel: string;
  maxMonth: string;
  metrics: { key: MetricKey; label: string; unit: string }[];
  form: StatsForm;
  errors: StatsErrors;
  lines: MetricLine[];
  entries: EntryLine[];
  notice: string;
  noticeKind: NoticeKind;
  busy: boolean;
}

type FieldEvent = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: MetricKey }>;
type IdEvent = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

interface StatsCustom {
  entries: StatEntry[];
  year: number;
  /** Idempotency key per unsaved write (an entry as JSON, or `remove:<id>`), reused when it is tried again. */
  pending: Record<string, string>;
  start(): Promise<void>;
  refresh(): Promise<boolean>;
  show(): void;
  onRetry(): void;
  onMonth(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onInput(e: FieldEvent): void;
  onSave(): Promise<void>;
  onRemove(e: IdEvent): Promise<void>;
}

Page<StatsData, StatsCustom>({
  data: {
    state: 'loading',
    message: '',
    canWrite: false,
    month: '',
    monthLabel: '',
    maxMonth: '',
    metrics: METRICS.map(({ key, label, unit }) => ({ key, label, unit })),
    form: emptyForm(),
    errors: {},
    lines: [],
    entries: [],
    notice: '',
    noticeKind: '',
    busy: false,
  },
  entries: [],
  year: 0,
  pending: {},

  onLoad() {
    const month = todayIso().slice(0, 7);
    this.year = Number(month.slice(0, 4));
    this.setData({ month, monthLabel: monthLabel(month), maxMonth: month });
    void this.start();
  },

  async start() {
    const me = await staffOpening(this);
    if (!me) return;
    this.setData({ canWrite: canWrite('stats', me.role) });
    if (!(await this.refresh())) return;
    this.setData({ state: 'ready' });
  },

  /** The year's entries again; false (and the error shown) when they could not be read. */
  async refresh() {
    const result = await callChecked('stats.list', listByYearSchema, { year: this.year });
    if (!result.ok) {
      if (this.data.state === 'ready')
        this.setData({ notice: `${result.message}，请下拉或稍后重试`, noticeKind: 'error' });
      else this.setData({ state: 'error', message: result.message });
      return false;
    }
    this.entries = result.data;
    this.show();
    return true;
  },

  show() {
    const { lines, entries } = summarize(this.entries, this.data.month);
    this.setData({ lines, entries });
  },

  async onPullDownRefresh() {
    await this.refresh();
    void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
  },

  onRetry() {
    void this.start();
  },

  onMonth(e) {
    const month = String(e.detail.value).slice(0, 7);
    const year = Number(month.slice(0, 4));
    this.setData({ month, monthLabel: monthLabel(month), notice: '', noticeKind: '' });
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
    const field = e.currentTarget.dataset.field;
    this.setData({ [`form.${field}`]: e.detail.value, [`errors.${field}`]: '' });
  },

  async onSave() {
    if (this.data.busy) return;
    const checked = entriesOf(this.data.form, entryDate(this.data.month, todayIso()));
    if (!checked.ok) {
      this.setData({ errors: checked.errors, notice: checked.message, noticeKind: 'error' });
      return;
    }
    this.setData({ busy: true, errors: {}, notice: '', noticeKind: '' });
    const form = { ...this.data.form };
    const failures: string[] = [];
    let saved = 0;
    for (const { key, entry } of checked.entries) {
      const signature = JSON.stringify(entry);
      const idempotencyKey = this.pending[signature] ?? newIdempotencyKey();
      this.pending[signature] = idempotencyKey;
      const result = await callChecked('stats.create', createStatEntrySchema, { entry: entry }, idempotencyKey);
      if (result.ok) {
        delete this.pending[signature];
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
    if (line === undefined || this.data.busy) return;
    if (!(await confirm('删除这条统计？', `${line.text}（${line.date}）\n删除后不计入年度报告。`))) return;
    this.setData({ busy: true });
    const key = `remove:${id}`;
    this.pending[key] = this.pending[key] ?? newIdempotencyKey();
    const result = await callChecked('stats.remove', removeByIdSchema, { id: id }, this.pending[key]);
    if (result.ok) {
      delete this.pending[key];
      await this.refresh();
    }
    this.setData({
      busy: false,
      notice: result.ok ? '已删除' : result.message,
      noticeKind: result.ok ? 'saved' : 'error',
    });
  },
});
