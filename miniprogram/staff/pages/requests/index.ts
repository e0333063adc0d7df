/**
 * 申请办理 (staff/pages/requests/index): the organ's 依申请公开 requests, open ones first in the function's order
 * (awaiting confirmation, then by due date), with the open / at-risk / overdue counts on top, a status filter,
 * and the next page on reaching the bottom. A row opens the request; coming back reloads (it may have moved).
 */
import type { RequestStatus } from 'gongkai-core';
import { listRequests } from '../../../api/staff-requests';
import { checkStaff } from '../../session';
import { FILTERS, REQUEST_ROUTE, toLine, type RequestLine } from './view';

export type RequestsState = 'loading' | 'ready' | 'empty' | 'error';

export interface RequestsData {
  state: RequestsState;
  message: string;
  counts: { open: number; atRisk: number; overdue: number };
  filters: { key: string; label: string }[];
  filter: string;
  lines: RequestLine[];
  total: number;
  page: number;
  loadingMore: boolean;
  noMore: boolean;
  moreError: string;
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; key: string }>;

interface RequestsCustom {
  /** Bumped on every first-page load so an older answer is dropped. */
  generation: number;
  shown: boolean;
  load(mode: 'first' | 'refresh' | 'more'): Promise<void>;
  onRetry(): void;
  onMoreRetry(): void;
  onFilter(e: Tap): void;
  onOpen(e: Tap): void;
}

const PAGE_SIZE = 20;

Page<RequestsData, RequestsCustom>({
  data: {
    state: 'loading',
    message: '',
    counts: { open: 0, atRisk: 0, overdue: 0 },
    filters: FILTERS.map((f) => ({ key: f.key, label: f.label })),
    filter: '',
    lines: [],
    total: 0,
    page: 0,
    loadingMore: false,
    noMore: false,
    moreError: '',
  },
  generation: 0,
  shown: false,

  onLoad() {
    void this.load('first');
  },

  onShow() {
    // Back from a request: its status or due date may have changed.
    if (this.shown) void this.load('refresh');
    this.shown = true;
  },

  async onPullDownRefresh() {
    await this.load('refresh');
    wx.stopPullDownRefresh();
  },

  onReachBottom() {
    void this.load('more');
  },

  async load(mode) {
    if (mode === 'more') {
      if (this.data.state !== 'ready' || this.data.loadingMore || this.data.noMore) return;
      this.setData({ loadingMore: true, moreError: '' });
    } else {
      this.generation += 1;
      if (mode === 'first' || this.data.lines.length === 0) this.setData({ state: 'loading', message: '', loadingMore: false, moreError: '' });
    }
    const generation = this.generation;
    if (mode === 'first') {
      const who = await checkStaff();
      if (generation !== this.generation || who.kind === 'citizen') return;
      if (who.kind === 'error') {
        this.setData({ state: 'error', message: who.message });
        return;
      }
    }
    const page = mode === 'more' ? this.data.page + 1 : 1;
    const status = this.data.filter === '' ? undefined : (this.data.filter as RequestStatus);
    const result = await listRequests(status, page, PAGE_SIZE);
    if (generation !== this.generation) return;
    if (!result.ok) {
      if (mode === 'more') this.setData({ loadingMore: false, moreError: result.message });
      else if (mode === 'refresh' && this.data.lines.length > 0) void wx.showToast({ title: result.message, icon: 'none' });
      else this.setData({ state: 'error', message: result.message });
      return;
    }
    const { list, total, counts } = result.data;
    const fresh = list.map(toLine);
    const lines = mode === 'more' ? [...this.data.lines, ...fresh] : fresh;
    if (mode === 'more') {
      // Append only the new rows: setData stays small on long lists.
      const patch: Record<string, unknown> = { page, total, counts, loadingMore: false, noMore: lines.length >= total || fresh.length === 0 };
      fresh.forEach((line, i) => (patch[`lines[${this.data.lines.length + i}]`] = line));
      this.setData(patch);
      return;
    }
    this.setData({ state: lines.length === 0 ? 'empty' : 'ready', lines, page, total, counts, noMore: lines.length >= total, moreError: '' });
  },

  onRetry() {
    void this.load('first');
  },

  onMoreRetry() {
    void this.load('more');
  },

  onFilter(e) {
    const key = e.currentTarget.dataset.key;
    if (key === this.data.filter) return;
    this.setData({ filter: key, lines: [] });
    void this.load('refresh');
  },

  onOpen(e) {
    void wx.navigateTo({ url: `${REQUEST_ROUTE}?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },
});
