/**
 * 导入往年报告 (staff/pages/report-import/index): the admin pastes a past published 年度报告 (Word or web page text),
 * 识别 shows what was read — year and organ (beside the organ's own name, so a wrong paste is noticed), how many of
 * the cells were read, inferred or left unread, the findings by level, which sections have text and whether that
 * year is already published — and only 确认导入并发布 stores it, as a new published version. This year's report
 * then checks its carried-over numbers and 五 against it.
 */
import { staffOpening, startOnLoad } from '../../session';
import { PREVIEW_ROUTE } from '../report/view';
import { previewView, refusalText, type PreviewView } from './view';
import { callChecked, newIdempotencyKey } from '../../../api/client';
import { importPublishedSchema, previewImportSchema } from 'gongkai-staff';
import type { OpensByStart } from '../../../kit/page-state';
import { elderOnShow } from '../../../styles/elder';

export type ImportState = 'loading' | 'ready' | 'error';

export interface ReportImportData {
  /** 'gk-elder' in 长辈模式 (styles/elder.ts), set on show. */
  elder: string;
  state: ImportState;
  message: string;
  /** Only the admin imports (it publishes without the approval chain); others are told so up front. */
  canImport: boolean;
  busy: boolean;
  notice: string;
  /** The answer of 识别 for the text as it is now; null before it, or once the text changed. */
  preview: PreviewView | null;
  /** The report's own publish date (YYYY-MM-DD): read from the text by 识别, else entered here; required. */
  publishedOn: string;
  /** Why this import corrects a version already published (asked only then). */
  reason: string;
  /** After the import: the version published and where to read it. */
  published: { year: number; version: number; url: string } | null;
}

interface ReportImportCustom extends OpensByStart {
  /** The pasted text, kept off setData: a whole report per keystroke would cross to the view every time. */
  text: string;
  /** One per preview: a retried 确认 after a lost answer is the same import, not a second version. */
  idempotencyKey: string;
  onText(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onRead(): Promise<void>;
  onConfirm(): Promise<void>;
  onDate(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onReason(e: WechatMiniprogram.CustomEvent<{ value: string }>): void;
  onOpen(): void;
}

Page<ReportImportData, ReportImportCustom>({
  data: {
    elder: '',
    state: 'loading',
    message: '',
    canImport: false,
    busy: false,
    notice: '',
    preview: null,
    publishedOn: '',
    reason: '',
    published: null,
  },

  ...elderOnShow,

  text: '',
  idempotencyKey: '',

  ...startOnLoad,

  async start() {
    const me = await staffOpening(this);
    if (!me) return;
    const canImport = me.role === 'admin';
    this.setData({
      state: 'ready',
      canImport,
      notice: canImport ? '' : '仅机关管理员可导入往年报告，请联系本机关管理员',
    });
  },

  onText(e) {
    this.text = e.detail.value;
    // The preview described the text before this edit.
    if (this.data.preview !== null || this.data.notice !== '') this.setData({ preview: null, notice: '' });
  },

  async onRead() {
    if (this.data.busy || !this.data.canImport) return;
    if (this.text.trim() === '') {
      this.setData({ notice: '请先粘贴年度报告全文' });
      return;
    }
    this.setData({ busy: true, notice: '', preview: null, published: null });
    const result = await callChecked('reports.previewImport', previewImportSchema, { text: this.text });
    if (!result.ok) {
      this.setData({ busy: false, notice: refusalText(result) });
      return;
    }
    this.idempotencyKey = newIdempotencyKey();
    this.setData({
      busy: false,
      preview: previewView(result.data),
      publishedOn: result.data.publishedOn ?? '',
      reason: '',
    });
  },

  async onConfirm() {
    if (this.data.busy || this.data.preview === null) return;
    const { publishedOn, preview } = this.data;
    const reason = this.data.reason.trim();
    // The list and the reader show this date as 发布于: never the day of the import.
    if (publishedOn === '') return this.setData({ notice: '请填写这份报告的发布日期（原文中没有找到）' });
    if (preview.existing && reason === '') return this.setData({ notice: '该年度已有发布的报告，请写明更正原因' });
    this.setData({ busy: true, notice: '' });
    const payload = { text: this.text, publishedOn, ...(preview.existing ? { reason } : {}) };
    const result = await callChecked('reports.importPublished', importPublishedSchema, payload, this.idempotencyKey);
    if (!result.ok) {
      this.setData({ busy: false, notice: refusalText(result) });
      return;
    }
    const { id, year, version } = result.data;
    this.setData({
      busy: false,
      preview: null,
      published: { year, version, url: `${PREVIEW_ROUTE}?id=${encodeURIComponent(id)}` },
    });
  },

  onDate(e) {
    this.setData({ publishedOn: e.detail.value, notice: '' });
  },

  onReason(e) {
    this.setData({ reason: e.detail.value });
  },

  onOpen() {
    if (this.data.published) void wx.navigateTo({ url: this.data.published.url });
  },
});
