/**
 * 下辖机关年度报告 (staff/pages/county-report/index?organId=&year=): one organ's report as it reached the county —
 * its state and dates, the findings by level (errors first), the key figures, the published versions with their
 * correction reasons and the county's earlier returns. A submitted report is returned with a comment (the township
 * sees it on its 工作台, its editors get a WeChat reminder) or published on the township's behalf.
 */
import { staffOpening } from '../../session';
import { reportPage, type CountyReportPage } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { countyOrganYearSchema, countyReturnSchema } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';
import {
  formPageStart,
  noticeOf,
  readOrShow,
  type FormPageData,
  type InputEvent,
  retryHandler,
  type OpensByStart,
} from '../../../kit/page-state';

export interface CountyReportData extends FormPageData {
  elder: string;
  comment: string;
  page: CountyReportPage | null;
}

interface CountyReportCustom extends OpensByStart {
  organId: string;
  year: number;
  /** One per intended move; kept until it goes through, so a retry after a lost answer acts once. */
  moveKey: string;
  load(): Promise<void>;
  onComment(e: InputEvent): void;
  onReturn(): Promise<void>;
  onRead(): void;
  onPublish(): Promise<void>;
}

Page<CountyReportData, CountyReportCustom>({
  data: { ...formPageStart(), elder: '', comment: '', page: null },
  organId: '',
  year: 0,
  moveKey: '',

  onLoad(query: Record<string, string | undefined>) {
    this.organId = decodeURIComponent(query.organId ?? '');
    this.year = Number(query.year ?? 0);
    void this.start();
  },

  ...retryHandler,
  ...elderOnShow,

  async start() {
    if (!(await staffOpening(this))) return;
    await this.load();
  },

  async load() {
    const result = await callChecked('county.report', countyOrganYearSchema, {
      organId: this.organId,
      year: this.year,
    });
    const view = readOrShow(this, result);
    if (view) this.setData({ state: 'ready', page: reportPage(view) });
  },

  onRead() {
    if (this.data.page?.readUrl) void wx.navigateTo({ url: this.data.page.readUrl });
  },

  onComment(e) {
    this.setData({ comment: e.detail.value });
  },

  async onReturn() {
    if (this.data.busy) return;
    if (this.moveKey === '') this.moveKey = newIdempotencyKey();
    this.setData({ busy: true, notice: '', noticeKind: '' });
    const payload = { organId: this.organId, year: this.year, comment: this.data.comment };
    const result = await callChecked('county.return', countyReturnSchema, payload, this.moveKey);
    this.setData({ busy: false, ...noticeOf(result, '已退回，乡镇在工作台看到您的意见') });
    if (result.ok) {
      this.moveKey = '';
      this.setData({ comment: '' });
      await this.load();
    }
  },

  async onPublish() {
    if (this.data.busy) return;
    if (this.moveKey === '') this.moveKey = newIdempotencyKey();
    this.setData({ busy: true, notice: '', noticeKind: '' });
    const payload = { organId: this.organId, year: this.year };
    const result = await callChecked('county.publish', countyOrganYearSchema, payload, this.moveKey);
    this.setData({ busy: false, ...noticeOf(result, '已代为发布') });
    if (result.ok) {
      this.moveKey = '';
      await this.load();
    }
  },
});
