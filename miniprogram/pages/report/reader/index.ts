/**
 * The annual report reader: `pages/report/reader/index?id=<report id>` (also the link in the official account's
 * menu and articles). Works without signing in. setData receives only the display-ready view (view.ts).
 */
import { callChecked } from '../../../api/client';
import { getPublishedReportSchema } from 'gongkai-core';
import { explainCell, jumpToSection } from '../../../components/report-view/taps';
import { EMPTY_READER_VIEW, readerView, type ReportViewData } from '../../../components/report-view/view';
import type { DataEvent } from '../../../kit/page-state';
import { elderOnShow } from '../../../styles/elder';
import type { SectionKey } from 'gongkai-core';

export type ReaderState = 'loading' | 'ready' | 'error';

export interface ReaderData extends ReportViewData {
  /** 长辈模式: styles/elder.ts. */
  elder: string;
  state: ReaderState;
  message: string;
  /** The error can be retried (false when the link itself is wrong). */
  canRetry: boolean;
}

interface ReaderCustom {
  reportId: string;
  load(): Promise<void>;
  onRetry(): void;
  onBackToList(): void;
  onJump(e: DataEvent<{ key: SectionKey }>): void;
  onCellTap(e: DataEvent<{ i?: number; t?: string }>): void;
}

/** Height of the sticky jump bar, kept clear when jumping to a section. */
const JUMP_BAR_PX = 52;
const DEFAULT_TITLE = '政府信息公开工作年度报告';

Page<ReaderData, ReaderCustom>({
  data: { ...EMPTY_READER_VIEW, state: 'loading', message: '', canRetry: true, active: '', elder: '' },
  reportId: '',

  ...elderOnShow,

  onLoad(query) {
    this.reportId = (query.id ?? '').trim();
    if (this.reportId === '') {
      this.setData({ state: 'error', canRetry: false, message: '链接中缺少报告编号，请从年度报告列表打开。' });
      return;
    }
    void this.load();
  },

  async load() {
    this.setData({ state: 'loading', message: '' });
    const result = await callChecked('reports.getPublished', getPublishedReportSchema, { id: this.reportId });
    if (!result.ok) {
      const canRetry = result.code !== 'NOT_FOUND' && result.code !== 'VALIDATION';
      const message = result.code === 'NOT_FOUND' ? '未找到这份报告，它可能已被更正或撤回。' : result.message;
      this.setData({ state: 'error', canRetry, message });
      return;
    }
    const view = readerView(result.data);
    this.setData({ state: 'ready', ...view, active: view.nav[0]?.key ?? '' });
    void wx.setNavigationBarTitle({ title: `${result.data.report.year}年度报告` });
  },

  onRetry() {
    void this.load();
  },

  onBackToList() {
    void wx.switchTab({ url: '/pages/report/list/index' });
  },

  onJump(e) {
    jumpToSection(this, e.currentTarget.dataset.key, JUMP_BAR_PX);
  },

  onCellTap(e) {
    explainCell(e.currentTarget.dataset);
  },

  onShareAppMessage() {
    const title = this.data.title === '' ? DEFAULT_TITLE : this.data.title;
    return { title, path: `/pages/report/reader/index?id=${encodeURIComponent(this.reportId)}` };
  },

  onShareTimeline() {
    const title = this.data.title === '' ? DEFAULT_TITLE : this.data.title;
    return { title, query: `id=${encodeURIComponent(this.reportId)}` };
  },
});
