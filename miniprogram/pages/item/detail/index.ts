/**
 * One published item (`?id=`): the metadata block, the body, the attachments (images previewed, documents
 * downloaded and opened). Shared to chats and Moments with its own link.
 */
import { callChecked } from '../../../api/client';
import { getItemSchema } from 'gongkai-core';
import { elderOnShow } from '../../../styles/elder';
import type { Attachment } from 'gongkai-core';
import { download, fileUrl } from '../../../api/files';
import { openDocumentFile } from '../files';
import { NAV_TITLE_MAX, toItemView, type ItemView } from '../view';
import { openWith } from '../../../kit/page-state';

export type DetailState = 'loading' | 'ready' | 'error';

export interface DetailData {
  state: DetailState;
  message: string;
  id: string;
  view: ItemView | null;
  elder: string;
}

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>;

interface DetailCustom {
  attachments: Attachment[];
  load(): Promise<void>;
  onRetry(): void;
  onAttachment(e: Tap): Promise<void>;
}

Page<DetailData, DetailCustom>({
  data: { state: 'loading', message: '', id: '', view: null, elder: '' },
  attachments: [],

  onLoad(query: Record<string, string | undefined>) {
    this.attachments = [];
    const id = decodeURIComponent(query.id ?? '');
    this.setData({ id });
    if (id === '') {
      this.setData({ state: 'error', message: '链接缺少信息编号，请从公开目录重新打开' });
      return;
    }
    void this.load();
  },

  ...elderOnShow,

  async load() {
    const item = await openWith(this, () => callChecked('items.get', getItemSchema, { id: this.data.id }));
    if (item === null) return;
    const attachments = item.attachments ?? [];
    this.attachments = attachments;
    const base = toItemView(item);
    // Photos are shown in the page, not only behind a tap.
    const view = {
      ...base,
      attachments: base.attachments.map((a) =>
        a.kind === 'image' ? { ...a, url: fileUrl(attachments[a.index]?.fileId ?? '') } : a,
      ),
    };
    this.setData({ state: 'ready', view });
    // The bar holds about 10 characters between the back button and WeChat's capsule; a longer title is shown
    // whole on the page, and the bar keeps its generic name rather than a cut one.
    if (view.title.length <= NAV_TITLE_MAX) void wx.setNavigationBarTitle({ title: view.title });
  },

  onRetry() {
    void this.load();
  },

  async onAttachment(e) {
    const attachment = this.attachments[Number(e.currentTarget.dataset.index)];
    if (!attachment) return;
    if (attachment.kind === 'image') {
      const urls = this.attachments.filter((a) => a.kind === 'image').map((a) => fileUrl(a.fileId));
      void wx.previewImage({ current: fileUrl(attachment.fileId), urls });
      return;
    }
    void wx.showLoading({ title: '正在打开附件…' });
    try {
      const filePath = await download(attachment.fileId);
      await openDocumentFile(filePath, attachment.name, '无法打开此附件，请在电脑上查看');
    } catch (error) {
      void wx.showToast({ title: error instanceof Error ? error.message : '无法打开此附件', icon: 'none' });
    } finally {
      void wx.hideLoading(); // only the spinner: a failure to hide it leaves nothing to handle
    }
  },

  onShareAppMessage() {
    return {
      title: this.data.view?.title ?? '政府信息公开',
      path: `/pages/item/detail/index?id=${encodeURIComponent(this.data.id)}`,
    };
  },

  onShareTimeline() {
    return { title: this.data.view?.title ?? '政府信息公开', query: `id=${encodeURIComponent(this.data.id)}` };
  },
});
