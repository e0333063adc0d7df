/**
 * A list that pages as the user scrolls (公开目录, the staff's 申请办理): the first page, a pull-down refresh that
 * keeps the lines on screen if it fails, and the next page appended on reaching the bottom. A new first page or
 * refresh bumps the page's `generation`, so the answer of an outdated load (say, of the previous filter) is dropped.
 * Pages come numbered with a total (申请办理) or by cursor with "more" (公开目录: the next page starts where the
 * last one ended, and the list has no total until its end is shown).
 */
import type { Result } from 'gongkai-core';
import { pullToRefresh } from './page-state';

export type LoadMode = 'first' | 'refresh' | 'more';

/** The fields a paged list keeps in its page data. */
export interface PagedData<L> {
  state: 'loading' | 'ready' | 'empty' | 'error';
  message: string;
  lines: L[];
  /** The list's length: the answer's total, or for a cursor list the lines shown once its end is reached. */
  total: number;
  page: number;
  /** A cursor list's next page starts here. */
  cursor: string | null;
  /** Loading the next page (the footer spinner). */
  loadingMore: boolean;
  /** Every line of the list is on screen. */
  noMore: boolean;
  moreError: string;
}

/** A paged list's data before its first page: loading, nothing shown. */
export function pagedStart<L>(): PagedData<L> {
  return {
    state: 'loading',
    message: '',
    lines: [],
    total: 0,
    page: 0,
    cursor: null,
    loadingMore: false,
    noMore: false,
    moreError: '',
  };
}

export interface PagedHost<L> {
  data: PagedData<L>;
  /** Bumped on every first-page load or refresh. */
  generation: number;
  setData(patch: Record<string, unknown>): void;
}

/**
 * Starts a load: the generation it belongs to and the page to fetch, or null when a next page is not due (the
 * list is not ready, one is loading, or everything is shown).
 */
export interface Load {
  generation: number;
  page: number;
  /** For a cursor list: where the page starts (null: the first page). */
  cursor: string | null;
}

export function beginLoad<L>(host: PagedHost<L>, mode: LoadMode): Load | null {
  if (mode === 'more') {
    if (host.data.state !== 'ready' || host.data.loadingMore || host.data.noMore) return null;
    host.setData({ loadingMore: true, moreError: '' });
    return { generation: host.generation, page: host.data.page + 1, cursor: host.data.cursor };
  }
  host.generation += 1;
  if (mode === 'first' || host.data.lines.length === 0)
    host.setData({ state: 'loading', message: '', loadingMore: false, moreError: '' });
  return { generation: host.generation, page: 1, cursor: null };
}

/** A page's answer: numbered with the list's total, or by cursor with whether more follow. */
export type PageAnswer<T> = { list: T[]; total: number } | { items: T[]; more: boolean; cursor: string | null };

/** Either answer as the kit keeps it, given how many lines were on screen before it. */
function pageOf<T>(
  answer: PageAnswer<T>,
  shown: number,
): { list: T[]; more: boolean; cursor: string | null; total: number } {
  if ('items' in answer) {
    const total = shown + answer.items.length;
    return { list: answer.items, more: answer.more, cursor: answer.cursor, total };
  }
  const more = answer.list.length > 0 && shown + answer.list.length < answer.total;
  return { list: answer.list, more, cursor: null, total: answer.total };
}

/**
 * Shows a page's answer, with `extra` fields of the answer beside the lines (e.g. counts). A failure shows where it
 * belongs: under the list for a next page, as a toast over a list already shown, else as the page's error.
 * A next page is appended with path keys, so only the new lines cross setData.
 */
export function showPage<L, T>(
  host: PagedHost<L>,
  mode: LoadMode,
  load: Load,
  result: Result<PageAnswer<T>>,
  toLine: (item: T) => L,
  extra: Record<string, unknown> = {},
): void {
  if (load.generation !== host.generation) return;
  if (!result.ok) {
    if (mode === 'more') host.setData({ loadingMore: false, moreError: result.message });
    else if (mode === 'refresh' && host.data.lines.length > 0)
      void wx.showToast({ title: result.message, icon: 'none' });
    else host.setData({ state: 'error', message: result.message, lines: [], total: 0, page: 0, cursor: null });
    return;
  }
  const shown = mode === 'more' ? host.data.lines.length : 0;
  const { list, more, cursor, total } = pageOf(result.data, shown);
  const fresh = list.map(toLine);
  const { page } = load;
  if (mode === 'more') {
    const patch: Record<string, unknown> = { ...extra, page, total, cursor, loadingMore: false, noMore: !more };
    fresh.forEach((line, i) => (patch[`lines[${shown + i}]`] = line));
    host.setData(patch);
    return;
  }
  host.setData({
    ...extra,
    state: fresh.length === 0 ? 'empty' : 'ready',
    message: '',
    moreError: '',
    lines: fresh,
    total,
    page,
    cursor,
    noMore: !more,
  });
}

/** A paged list page: its `load`, given where the load comes from. */
interface PagedLoader {
  load(mode: LoadMode): Promise<void>;
}

/**
 * What every paged list does on the same gestures, spread into its Page: pull down for the first page again, the
 * next page at the bottom, and the two retries (the page's error state, the footer's).
 */
export const pagedListHandlers = {
  onPullDownRefresh(this: PagedLoader): Promise<void> {
    return pullToRefresh(() => this.load('refresh'));
  },
  onReachBottom(this: PagedLoader): void {
    void this.load('more');
  },
  onRetry(this: PagedLoader): void {
    void this.load('first');
  },
  onMoreRetry(this: PagedLoader): void {
    void this.load('more');
  },
};
