/**
 * 公开目录 (tab): published items, newest first, 20 a page. Filter by category (第二十条 / 第二十一条 chips), year
 * and keyword (t-search); the next page loads on reaching the bottom, from where the last one ended (a cursor: no
 * total is counted; 共 N 条 shows once the end is reached); pull down to refresh. Works without signing in. Only
 * display lines go through setData.
 */
import { callChecked } from '../../../api/client';
import { listItemsSchema } from 'gongkai-core';
import { catalogQuery } from '../../../api/paging';
import { sharedAs } from '../../../kit/share';
import { elderOnShow } from '../../../styles/elder';
import { beginLoad, showPage, type LoadMode, type PagedData, pagedListHandlers, pagedStart } from '../../../kit/paged';
import { ALL_CATEGORIES } from '../categories';
import { categoryChips, toLine, yearOf, yearOptions, type Chip, type ItemLine } from '../view';

export type CatalogState = PagedData<ItemLine>['state'];

export interface CatalogData extends PagedData<ItemLine> {
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
  load(mode: LoadMode): Promise<void>;
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
    ...pagedStart(),
    chips: [],
    category: ALL_CATEGORIES,
    years: [],
    yearIndex: 0,
    keyword: '',
    searched: '',
    elder: '',
  },
  generation: 0,
  ...pagedListHandlers,

  onLoad(query: Record<string, string | undefined>) {
    this.generation = 0;
    this.setData({
      chips: categoryChips(),
      years: yearOptions(new Date().getFullYear()),
      category: query.category ?? ALL_CATEGORIES,
    });
    void this.load('first');
  },

  ...elderOnShow,

  async load(mode) {
    const load = beginLoad(this, mode);
    if (!load) return;
    const keyword = this.data.searched;
    const result = await callChecked(
      'items.list',
      listItemsSchema,
      catalogQuery({
        category: this.data.category,
        year: yearOf(this.data.years[this.data.yearIndex]),
        keyword,
        cursor: load.cursor,
      }),
    );
    showPage(this, mode, load, result, toLine);
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

  ...sharedAs(SHARE_TITLE, '/pages/catalog/index/index'),
});
