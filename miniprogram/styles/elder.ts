/**
 * 长辈模式: remembered in storage; every page puts `elderClass()` beside `gk-root` on its root view (on show, so
 * a switch on 我的 takes effect on the other tabs too). The sizes are in styles/theme.wxss (.gk-elder).
 */
export const ELDER_STORAGE_KEY = 'gongkai.elder';
export const ELDER_CLASS = 'gk-elder';

export function isElder(): boolean {
  try {
    return wx.getStorageSync(ELDER_STORAGE_KEY) === true;
  } catch {
    return false;
  }
}

export function setElder(on: boolean): void {
  wx.setStorageSync(ELDER_STORAGE_KEY, on);
}

/** The class for a page's root view: 'gk-elder' or ''. */
export function elderClass(): string {
  return isElder() ? ELDER_CLASS : '';
}

/**
 * Spread into a Page whose root view carries `elder`: on show, the class of 长辈模式 as it is now (the switch on 我的
 * may have changed it while the page was behind another).
 */
export const elderOnShow = {
  onShow(this: { setData(patch: { elder: string }): void }): void {
    this.setData({ elder: elderClass() });
  },
};
