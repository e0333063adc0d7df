/**
 * 县级审核 (staff/pages/county/index): the county role's page. Per organ under the county, for a report year: its
 * state (what waits for the county first), the submission date, the findings by level, and — in a table — the key
 * figures side by side; a tap opens the organ's report with its findings (county-report), where the county
 * returns it with a comment or publishes it on the township's behalf. Below, the published report of an organ not
 * on the product is pasted in (matched by its name; a new row when none matches).
 */
import { COUNTY_REPORT_ROUTE, COUNTY_SETTINGS_ROUTE, roleOpening, startOnLoad } from '../../session';
import { countyLine, figureRow, FIGURE_COLUMNS, totalsText, type CountyLine, type FigureRow } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { countyImportSchema, countyYearSchema } from 'gongkai-staff';
import { elderClass } from '../../../styles/elder';
import {
  formPageStart,
  noticeOf,
  pullToRefresh,
  readOrShow,
  type DataEvent,
  type FormPageData,
  type InputEvent,
  type OpensByStart,
} from '../../../kit/page-state';

export interface CountyPageData extends FormPageData {
  elder: string;
  county: string;
  year: number;
  dueDate: string;
  totals: string;
  lines: CountyLine[];
  columns: readonly { key: string; label: string }[];
  figures: FigureRow[];
}

interface CountyPageCustom extends OpensByStart {
  /** The pasted text, kept off setData (a whole report per keystroke would cross to the view each time). */
  text: string;
  /** One per pasted text: a retried 导入 after a lost answer is the same import. */
  importKey: string;
  load(year?: number): Promise<void>;
  onYear(e: DataEvent<{ step: number }>): void;
  onOpen(e: DataEvent<{ id: string }>): void;
  onText(e: InputEvent): void;
  onImport(): Promise<void>;
  onSettings(): void;
}

Page<CountyPageData, CountyPageCustom>({
  data: {
    ...formPageStart(),
    elder: '',
    county: '',
    year: 0,
    dueDate: '',
    totals: '',
    lines: [],
    columns: FIGURE_COLUMNS,
    figures: [],
  },
  text: '',
  importKey: '',

  ...startOnLoad,

  onShow() {
    this.setData({ elder: elderClass() });
    // Back from an organ's report (returned or published there): the lines as they are now.
    if (this.data.state === 'ready') void this.load(this.data.year);
  },

  onPullDownRefresh() {
    return pullToRefresh(() => this.load(this.data.year));
  },

  async start() {
    if (!(await roleOpening(this, 'county', '仅县级审核员可查看下辖机关的年度报告'))) return;
    await this.load();
  },

  async load(year) {
    const result = await callChecked('county.dashboard', countyYearSchema, year ? { year } : {});
    const d = readOrShow(this, result);
    if (!d) return;
    this.setData({
      state: 'ready',
      county: d.county.name,
      year: d.year,
      dueDate: d.dueDate,
      totals: totalsText(d),
      lines: d.organs.map(countyLine),
      figures: d.organs.filter((r) => r.figures !== null).map(figureRow),
    });
  },

  onYear(e) {
    void this.load(this.data.year + Number(e.currentTarget.dataset.step));
  },

  onOpen(e) {
    const id = encodeURIComponent(e.currentTarget.dataset.id);
    void wx.navigateTo({ url: `${COUNTY_REPORT_ROUTE}?organId=${id}&year=${this.data.year}` });
  },

  onSettings() {
    // The dashboard's due date is this year's (2026-01-31): the setting is its month-day.
    void wx.navigateTo({ url: `${COUNTY_SETTINGS_ROUTE}?due=${this.data.dueDate.slice(-5)}` });
  },

  onText(e) {
    this.text = e.detail.value;
    this.importKey = '';
  },

  async onImport() {
    if (this.data.busy) return;
    if (this.text.trim() === '') {
      this.setData({ notice: '请先粘贴该机关已发布的年度报告全文', noticeKind: 'error' });
      return;
    }
    if (this.importKey === '') this.importKey = newIdempotencyKey();
    this.setData({ busy: true, notice: '', noticeKind: '' });
    const result = await callChecked('county.importReport', countyImportSchema, { text: this.text }, this.importKey);
    const how = { id: '', name: '按名称匹配', alias: '按别名匹配', created: '新增机关' };
    const done = result.ok
      ? `已导入：${result.data.row.organ} ${result.data.row.year}年度（${how[result.data.matchedBy]}，第 ${result.data.row.version ?? 1} 版）`
      : '';
    this.setData({ busy: false, ...noticeOf(result, done) });
    if (result.ok) {
      this.importKey = '';
      await this.load(result.data.row.year);
    }
  },
});
