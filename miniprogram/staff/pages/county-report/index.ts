/**
 * 下辖机关年度报告 (staff/pages/county-report/index?organId=&year=): one organ's report as it reached the county —
 * its state and dates, the findings by level (errors first), the key figures, the published versions with their
 * correction reasons and the county's earlier returns. A submitted report is returned with a comment (the township
 * sees it on its 工作台, its editors get a WeChat reminder) or published on the township's behalf.
 */
import { staffOpening } from '../../session';
import { reportPage, type CountyReportPage } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { countyOrganYearSchema, countyReturnSchema, type Result } from 'gongkai-staff';
import { elderOnShow } from '../../../styles/elder';
import {
  NO_NOTICE,
  PendingWrites,
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
  /**
   * The move not through yet (made anew on load): one idempotency key for the report's move, a return or a publish,
   * kept until one goes through, so a retry after a lost answer acts once.
   */
  writes: PendingWrites;
  load(): Promise<void>;
  /** Sends the move (one at a time); once through, says `done`, applies `after` and reads the report again. */
  move(
    write: (idempotencyKey: string) => Promise<Result<unknown>>,
    done: string,
    after?: Partial<CountyReportData>,
  ): Promise<void>;
  onComment(e: InputEvent): void;
  onReturn(): Promise<void>;
  onRead(): void;
  onPublish(): Promise<void>;
}

Page<CountyReportData, CountyReportCustom>({
  data: { ...formPageStart(), elder: '', comment: '', page: null },
  organId: '',
  year: 0,
  writes: new PendingWrites(newIdempotencyKey),

  onLoad(query: Record<string, string | undefined>) {
    this.writes = new PendingWrites(newIdempotencyKey);
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

  async move(write, done, after = {}) {
    if (this.data.busy) return;
    this.setData({ busy: true, ...NO_NOTICE });
    const result = await this.writes.send('move', write);
    this.setData({ busy: false, ...noticeOf(result, done), ...(result.ok ? after : {}) });
    if (result.ok) await this.load();
  },

  onReturn() {
    const payload = { organId: this.organId, year: this.year, comment: this.data.comment };
    return this.move(
      (key) => callChecked('county.return', countyReturnSchema, payload, key),
      '已退回，乡镇在工作台看到您的意见',
      { comment: '' },
    );
  },

  onPublish() {
    const payload = { organId: this.organId, year: this.year };
    return this.move((key) => callChecked('county.publish', countyOrganYearSchema, payload, key), '已代为发布');
  },
});
