/**
 * 我的 (tab): the user's own requests (requests.mine: status and due date of each; a tap opens one), the 长辈模式 switch
 * (remembered in storage, applied as `gk-elder` on every page), 关于, and the way into the staff workbench
 * (subpackage `staff`, preloaded from here).
 */
import { callChecked } from '../../../api/client';
import { mineRequestsSchema } from 'gongkai-core';
import { ELDER_CLASS, isElder, setElder } from '../../../styles/elder';
import { chineseDate } from '../../catalog/view';
import { dueText } from '../../request/track-view';
import type { OwnRequest } from 'gongkai-core';

export type MineState = 'loading' | 'ready' | 'empty' | 'error';

export interface MineLine {
  id: string;
  applicationNo: string;
  statusLabel: string;
  summary: string;
  note: string;
}

export interface MineData {
  state: MineState;
  message: string;
  lines: MineLine[];
  total: number;
  elderOn: boolean;
  elder: string;
}

interface MineCustom {
  load(): Promise<void>;
  onElder(e: WechatMiniprogram.SwitchChange): void;
  onRetry(): void;
  onNewRequest(): void;
  onTrack(): void;
  onRequest(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>): void;
  onAbout(): void;
  onOpenStaff(): void;
}

export function toMineLine(r: OwnRequest): MineLine {
  const text = r.content.description ?? '';
  return {
    id: r.id,
    applicationNo: r.applicationNo,
    statusLabel: r.statusLabel,
    summary: text.length > 40 ? `${text.slice(0, 40)}…` : text,
    note: [`${chineseDate(r.submittedDate)}提交`, dueText(r.deadline, r.answeredDate !== null)].join(' · '),
  };
}

Page<MineData, MineCustom>({
  data: { state: 'loading', message: '', lines: [], total: 0, elderOn: false, elder: '' },

  onShow() {
    const on = isElder();
    this.setData({ elderOn: on, elder: on ? ELDER_CLASS : '' });
    void this.load();
  },

  async onPullDownRefresh() {
    await this.load();
    void wx.stopPullDownRefresh(); // only the spinner: a failure to stop it leaves nothing to handle
  },

  async load() {
    if (this.data.lines.length === 0) this.setData({ state: 'loading', message: '' });
    const result = await callChecked('requests.mine', mineRequestsSchema, { page: 1 });
    if (!result.ok) {
      this.setData({ state: 'error', message: result.message, lines: [] });
      return;
    }
    const lines = result.data.list.map(toMineLine);
    this.setData({ state: lines.length === 0 ? 'empty' : 'ready', lines, total: result.data.total });
  },

  onElder(e) {
    const on = e.detail.value;
    setElder(on);
    this.setData({ elderOn: on, elder: on ? ELDER_CLASS : '' });
  },

  onRetry() {
    void this.load();
  },

  onNewRequest() {
    void wx.switchTab({ url: '/pages/request/index/index' });
  },

  onTrack() {
    void wx.navigateTo({ url: '/pages/request/track/index' });
  },

  onRequest(e) {
    // The request itself: notices, letter and steps, without the 查询码 (the OPENID owns it).
    void wx.navigateTo({ url: `/pages/request/track/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}` });
  },

  onAbout() {
    void wx.navigateTo({ url: '/pages/about/index/index' });
  },

  onOpenStaff() {
    void wx.navigateTo({ url: '/staff/pages/home/index' });
  },
});
