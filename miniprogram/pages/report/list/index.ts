/**
 * 年度报告 (tab): the published annual reports, newest year first. Works without signing in; pull down to refresh.
 * The summaries stay off setData (kept on the page for the organ filter); only display lines are sent.
 */
import { callChecked } from '../../../api/client';
import { listPublishedReportsSchema } from 'gongkai-core';
import { sharedAs } from '../../../kit/share';
import { elderOnShow } from '../../../styles/elder';
import type { PublishedReportSummary } from 'gongkai-core';
import { ALL_ORGANS, groupByYear, organsOf, type OrganChip, type YearGroup } from './view';

export type ListState = 'loading' | 'ready' | 'empty' | 'error';

export interface ListData {
  /** 长辈模式: styles/elder.ts. */
  elder: string;
  state: ListState;
  message: string;
  groups: YearGroup[];
  organs: OrganChip[];
  organId: string;
}

interface ListCustom {
  summaries: PublishedReportSummary[];
  load(mode: 'first' | 'refresh'): Promise<void>;
  show(organId: string): void;
  onRetry(): void;
  onOrgan(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
  onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
}

const SHARE_TITLE = '政府信息公开工作年度报告';

Page<ListData, ListCustom>({
  data: { state: 'loading', message: '', groups: [], organs: [], organId: ALL_ORGANS, elder: '' },
  summaries: [],

  ...elderOnShow,

  onLoad() {
    this.summaries = [];
    void this.load('first');
  },

  async onPullDownRefresh() {
    await this.load('refresh');
    void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
  },

  async load(mode) {
    if (mode === 'first' || this.summaries.length === 0) this.setData({ state: 'loading', message: '' });
    const result = await callChecked('reports.listPublished', listPublishedReportsSchema, {});
    if (!result.ok) {
      if (mode === 'refresh' && this.summaries.length > 0) {
        void wx.showToast({ title: result.message, icon: 'none' });
        return;
      }
      this.setData({ state: 'error', message: result.message, groups: [], organs: [] });
      return;
    }
    this.summaries = result.data;
    this.show(this.data.organId);
  },

  show(organId) {
    const organs = organsOf(this.summaries);
    const known = organs.some((o) => o.id === organId) ? organId : ALL_ORGANS;
    const groups = groupByYear(this.summaries, known);
    this.setData({
      state: groups.length === 0 ? 'empty' : 'ready',
      message: '',
      groups,
      organs: organs.length > 1 ? organs : [],
      organId: known,
    });
  },

  onRetry() {
    void this.load('first');
  },

  onOrgan(e) {
    this.show(e.currentTarget.dataset.id);
  },

  onOpen(e) {
    void wx.navigateTo({ url: `/pages/report/reader/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  ...sharedAs(SHARE_TITLE, '/pages/report/list/index'),
});
