/**
 * 申请办理 (staff/pages/requests/index): the organ's 依申请公开 requests, open ones first in the function's order
 * (awaiting confirmation, then by due date), with the open / at-risk / overdue counts on top, a status filter,
 * and the next page on reaching the bottom. A row opens the request; coming back reloads (it may have moved).
 */
import type { RequestStatus } from 'gongkai-staff';
import { beginLoad, showPage, type LoadMode, type PagedData, pagedListHandlers, pagedStart } from '../../../kit/paged';
import { RECORD_REQUEST_ROUTE, checkStaff } from '../../session';
import { FILTERS, REQUEST_ROUTE, toLine, type RequestLine } from './view';
import { callChecked } from '../../../api/client';
import { listRequestsSchema } from 'gongkai-staff';
import { elderClass } from '../../../styles/elder';

export type RequestsState = PagedData<RequestLine>['state'];

export interface RequestsData extends PagedData<RequestLine> {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  counts: { open: number; atRisk: number; overdue: number };
  filters: { key: string; label: string }[];
  filter: string;
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; key: string }>;

interface RequestsCustom {
  /** Bumped on every first-page load so an older answer is dropped. */
  generation: number;
  shown: boolean;
  load(mode: LoadMode): Promise<void>;
  onRetry(): void;
  onMoreRetry(): void;
  onFilter(e: Tap): void;
  onOpen(e: Tap): void;
  onRecord(): void;
}

const PAGE_SIZE = 20;

Page<RequestsData, RequestsCustom>({
  data: {
    elder: '',
    ...pagedStart(),
    counts: { open: 0, atRisk: 0, overdue: 0 },
    filters: FILTERS.map((f) => ({ key: f.key, label: f.label })),
    filter: '',
  },
  generation: 0,
  ...pagedListHandlers,
  shown: false,

  onLoad() {
    void this.load('first');
  },

  onShow() {
    this.setData({ elder: elderClass() });
    // Back from a request: its status or due date may have changed.
    if (this.shown) void this.load('refresh');
    this.shown = true;
  },

  async load(mode) {
    const load = beginLoad(this, mode);
    if (!load) return;
    if (mode === 'first') {
      const who = await checkStaff();
      if (load.generation !== this.generation || who.kind === 'citizen') return;
      if (who.kind === 'error') {
        this.setData({ state: 'error', message: who.message });
        return;
      }
    }
    const status = this.data.filter === '' ? undefined : (this.data.filter as RequestStatus);
    const result = await callChecked(
      'requests.list',
      listRequestsSchema,
      status === undefined
        ? { page: load.page, pageSize: PAGE_SIZE }
        : { status, page: load.page, pageSize: PAGE_SIZE },
    );
    showPage(this, mode, load, result, toLine, result.ok ? { counts: result.data.counts } : {});
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

  /** 条例 第二十九条: a request on paper, by post or fax or in person, typed in with its receipt date. */
  onRecord() {
    void wx.navigateTo({ url: RECORD_REQUEST_ROUTE });
  },
});
