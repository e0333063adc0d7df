/**
 * One page-state helper for the pages that read something when they open: the loading / error / empty / ready
 * state their WXML switches on (with a retry on error), the notice line under a form (saved or failed), the busy
 * flag that keeps a second tap from sending twice, and the idempotency key kept for a write until it succeeds.
 * In the main package, so citizen and staff pages share it. No wx here but the pull-down spinner.
 */
import type { Result } from 'gongkai-core';

/** `empty`: read fine, nothing to show (lists). */
export type LoadState = 'loading' | 'ready' | 'error' | 'empty';
export type NoticeKind = '' | 'saved' | 'error';

/** What a page that reads on open keeps in its data: the WXML shows a spinner, the page, or `message` + retry. */
export interface LoadData<S extends LoadState = 'loading' | 'ready' | 'error'> {
  state: S;
  message: string;
}

/** The line under a form: what was saved, or why not. */
export interface NoticeData {
  notice: string;
  noticeKind: NoticeKind;
}

/** A page that reads on open and writes from a form. */
export interface FormPageData extends LoadData, NoticeData {
  /** A write is on its way: the buttons are disabled and a second tap does nothing. */
  busy: boolean;
}

/** The start of a form page's data (spread first into `data`). */
export function formPageStart(): FormPageData {
  return { state: 'loading', message: '', busy: false, notice: '', noticeKind: '' };
}

export const NO_NOTICE: NoticeData = { notice: '', noticeKind: '' };

/** What the helpers need of a page: its data and setData (a Page instance is one). */
type ShowsState = StatefulPage<{ state: string; message: string; notice?: string; noticeKind?: string }>;

export interface StatefulPage<D> {
  data: D;
  setData(patch: Partial<D> & WechatMiniprogram.IAnyObject): void;
}

/**
 * The data of a read, or null with its failure shown where it belongs: as the page's error state (with its retry)
 * while the page is not shown yet, as an error notice over a page already shown, whose data stays.
 */
export function readOrShow<T>(
  page: ShowsState,
  result: Result<T>,
  noticeText: (message: string) => string = (message) => message,
): T | null {
  if (result.ok) return result.data;
  if (page.data.state === 'ready') page.setData({ notice: noticeText(result.message), noticeKind: 'error' });
  else page.setData({ state: 'error', message: result.message });
  return null;
}

/** Opens (or reopens) a page: the loading state, then the read's data, or null with its failure as the error state. */
export async function openWith<T>(page: ShowsState, read: () => Promise<Result<T>>): Promise<T | null> {
  page.setData({ state: 'loading', message: '' });
  return readOrShow(page, await read());
}

/** The notice after a write: `done` when it went through, the function's own words when not. */
export function noticeOf(result: Result<unknown>, done: string): NoticeData {
  return result.ok ? { notice: done, noticeKind: 'saved' } : { notice: result.message, noticeKind: 'error' };
}

/** A refusal in words: the named field's own message (without its field name), else the answer's. */
export function refusalOf(
  result: { message: string; fieldErrors?: { path: string; message: string }[] },
  path: string,
): string {
  const field = result.fieldErrors?.find((f) => f.path === path);
  return field ? field.message.replace(new RegExp(`^${path}：`), '') : result.message;
}

/** Pull-down refresh: read again, then fold the spinner whatever the answer. */
export async function pullToRefresh(reload: () => Promise<unknown>): Promise<void> {
  await reload();
  void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
}

/** A page that opens by `start()` (the staff check, then its reads): its error state's retry opens it again. */
export interface OpensByStart {
  start(): Promise<void>;
  onRetry(): void;
}

type Opening = Pick<OpensByStart, 'start'>;

/** A page whose data `refresh()` reads again. */
interface Refreshing {
  refresh(): Promise<unknown>;
}

/** Spread into a Page that opens by `start()`: the retry under its error state. */
export const retryHandler = {
  onRetry(this: Opening): void {
    void this.start();
  },
};

/** Spread into a Page that opens by `start()` and reads by `refresh()`: the retry, and pull to refresh. */
export const refreshHandlers = {
  ...retryHandler,
  onPullDownRefresh(this: Refreshing): Promise<void> {
    return pullToRefresh(() => this.refresh());
  },
};

/**
 * The idempotency keys of writes not yet through, one per write (`key` says which: the entry as JSON, `remove:<id>`…).
 * A retry after a lost answer sends the same id, and the server (idempotent on it) repeats nothing; once a write
 * succeeds its id is dropped, so the same write made again later counts again.
 */
export class PendingWrites {
  private readonly ids = new Map<string, string>();

  constructor(private readonly newId: () => string) {}

  async send<T>(key: string, write: (idempotencyKey: string) => Promise<Result<T>>): Promise<Result<T>> {
    const idempotencyKey = this.ids.get(key) ?? this.newId();
    this.ids.set(key, idempotencyKey);
    const result = await write(idempotencyKey);
    if (result.ok) this.ids.delete(key);
    return result;
  }
}

/** A tap on an element carrying `data-*` values. */
export type DataEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

/** An <input>, <textarea> or <picker> change, with the element's `data-*` values. */
export type InputEvent<T extends WechatMiniprogram.IAnyObject = Record<string, never>> = WechatMiniprogram.CustomEvent<
  { value: string },
  Record<string, never>,
  T
>;
