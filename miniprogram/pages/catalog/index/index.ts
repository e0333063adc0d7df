/**
 * 公开目录 (tab): published items, newest first, 20 a page. Filter by category (第二十条 / 第二十一条 chips), year
 * and keyword (t-search); the next page loads on reaching the bottom; pull down to refresh. Works without
 * signing in. Only display lines go through setData.
 */
import { fetchItems } from '../../../api/catalog';
import { elderClass } from '../../../styles/elder';
import { ALL_CATEGORIES } from '../categories';
import { categoryChips, toLine, yearOf, yearOptions, type Chip, type ItemLine } from '../view';

export type CatalogState = 'loading' | 'ready' | 'empty' | 'error';

export interface CatalogData {
  state: CatalogState;
  message: string;
  lines: ItemLine[];
  total: number;
  page: number;
  /** Loading the next page (the footer spinner). */
  loadingMore: boolean;
  /** Every item of the filter is on screen. */
  noMore: boolean;
  moreError: string;
  chips: Chip[];
  category: string;
  years: string[];
  yearIndex: number;
  /** What the search box holds; `searched` is what the list shows. */
  keyword: string;
  searched: string;
  elder: string;
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string; key: string }>;

interface CatalogCustom {
  /** Bumped on every new first-page load so an older answer is dropped. */
  generation: number;
  load(mode: 'first' | 'refresh' | 'more'): Promise<void>;
  onRetry(): void;
  onMoreRetry(): void;
  onCategory(e: Tap): void;
  onYear(e: { detail: { value: string | number } }): void;
  onKeyword(e: { detail: { value: string } }): void;
  onSearch(e: { detail: { value?: string } }): void;
  onClear(): void;
  onOpen(e: Tap): void;
}

const SHARE_TITLE = '政府信息公开目录';

Page<CatalogData, CatalogCustom>({
  data: {
    state: 'loading',
    message: '',
    lines: [],
    total: 0,
    page: 0,
    loadingMore: false,
    noMore: false,
    moreError: '',
    chips: [],
    category: ALL_CATEGORIES,
    years: [],
    yearIndex: 0,
    keyword: '',
    searched: '',
    elder: '',
  },
  generation: 0,

  onLoad(query: Record<string, string | undefined>) {
    this.generation = 0;
    this.setData({ chips: categoryChips(), years: yearOptions(new Date().getFullYear()), category: query.category ?? ALL_CATEGORIES });
    void this.load('first');
  },

  onShow() {
    this.setData({ elder: elderClass() });
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
    const page = mode === 'more' ? this.data.page + 1 : 1;
    const keyword = this.data.searched;
    const result = await fetchItems({ category: this.data.category, year: yearOf(this.data.years[this.data.yearIndex]), keyword, page });
    if (generation !== this.generation) return;
    if (!result.ok) {
      if (mode === 'more') {
        this.setData({ loadingMore: false, moreError: result.message });
        return;
      }
      if (mode === 'refresh' && this.data.lines.length > 0) {
        void wx.showToast({ title: result.message, icon: 'none' });
        return;
      }
      this.setData({ state: 'error', message: result.message, lines: [], total: 0, page: 0 });
      return;
    }
    const { list, total } = result.data;
    const fresh = list.map(toLine);
    if (mode === 'more') {
      const shown = this.data.lines.length;
      // Append with path keys: only the new lines cross setData.
      const patch: Record<string, unknown> = { page, total, loadingMore: false };
      fresh.forEach((line, i) => {
        patch[`lines[${shown + i}]`] = line;
      });
      patch.noMore = shown + fresh.length >= total || fresh.length === 0;
      this.setData(patch as Partial<CatalogData>);
      return;
    }
    this.setData({ state: fresh.length === 0 ? 'empty' : 'ready', message: '', lines: fresh, total, page, noMore: fresh.length >= total });
  },

  onRetry() {
    void this.load('first');
  },

  onMoreRetry() {
    void this.load('more');
  },

  onCategory(e) {
    const key = e.currentTarget.dataset.key;
    if (key === this.data.category) return;
    this.setData({ category: key });
    void this.load('first');
  },

  onYear(e) {
    const index = Number(e.detail.value);
    if (index === this.data.yearIndex) return;
    this.setData({ yearIndex: index });
    void this.load('first');
  },

  onKeyword(e) {
    this.setData({ keyword: e.detail.value });
  },

  onSearch(e) {
    const keyword = (e.detail.value ?? this.data.keyword).trim();
    this.setData({ keyword, searched: keyword });
    void this.load('first');
  },

  onClear() {
    this.setData({ keyword: '', searched: '' });
    void this.load('first');
  },

  onOpen(e) {
    void wx.navigateTo({ url: `/pages/item/detail/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  onShareAppMessage() {
    return { title: SHARE_TITLE, path: '/pages/catalog/index/index' };
  },

  onShareTimeline() {
    return { title: SHARE_TITLE };
  },
});
