/** 关于: the organ's contact (organ.getProfile) and the 条例 basics in plain words. */
import type { OrganPublicProfile } from 'gongkai-core';
import { elderOnShow } from '../../../styles/elder';
import { BASICS, type Basic } from '../basics';
import { openProfile } from '../profile';

export interface AboutData {
  state: 'loading' | 'ready' | 'error';
  message: string;
  organ: OrganPublicProfile | null;
  basics: Basic[];
  elder: string;
}

interface AboutCustom {
  load(): Promise<void>;
  onCall(): void;
  onGuide(): void;
  onRetry(): void;
}

Page<AboutData, AboutCustom>({
  data: { state: 'loading', message: '', organ: null, basics: [...BASICS], elder: '' },

  onLoad() {
    void this.load();
  },

  ...elderOnShow,

  async load() {
    const organ = await openProfile(this);
    if (organ === null) return;
    this.setData({ state: 'ready', organ });
  },

  onCall() {
    const phone = this.data.organ?.contactPhone;
    if (phone) void wx.makePhoneCall({ phoneNumber: phone.replace(/[^\d-]/g, '') });
  },

  onGuide() {
    void wx.navigateTo({ url: '/pages/guide/index/index' });
  },

  onRetry() {
    void this.load();
  },

  onShareAppMessage() {
    return { title: '政府信息公开须知', path: '/pages/about/index/index' };
  },
});
