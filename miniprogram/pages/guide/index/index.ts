/**
 * 政府信息公开指南 (pages/guide/index): the organ's 指南 from its public profile (organ.getProfile), drawn by the same
 * pure function as the portal's guide.html (shared/catalogue/guide.ts), so the two never differ. Reached from 关于.
 */
import { guideOrganOf, publicationGuide, type GuideSection } from 'gongkai-core';
import { elderOnShow } from '../../../styles/elder';
import { openProfile } from '../../about/profile';

export interface GuideData {
  state: 'loading' | 'ready' | 'error';
  message: string;
  title: string;
  sections: GuideSection[];
  elder: string;
}

interface GuideCustom {
  load(): Promise<void>;
  onRequest(): void;
  onRetry(): void;
}

Page<GuideData, GuideCustom>({
  data: { state: 'loading', message: '', title: '', sections: [], elder: '' },

  /** The 指南 as the portal words it, less the QR code (the reader is in the mini program already). */
  async load() {
    const profile = await openProfile(this);
    if (profile === null) return;
    const guide = publicationGuide(guideOrganOf(profile), { inMiniProgram: true });
    this.setData({ state: 'ready', title: guide.title, sections: guide.sections });
  },

  onLoad() {
    void this.load();
  },

  ...elderOnShow,

  onRequest() {
    void wx.switchTab({ url: '/pages/request/index/index' });
  },

  onRetry() {
    void this.load();
  },

  onShareAppMessage() {
    return { title: this.data.title || '政府信息公开指南', path: '/pages/guide/index/index' };
  },
});
