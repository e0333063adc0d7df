/** 长辈模式 on show (styles/elder): a page shown again takes the switch as it is now, as 我的 may have changed it. */
import { ELDER_CLASS, ELDER_STORAGE_KEY, elderOnShow } from '../../../miniprogram/styles/elder';

function withStorage(store: Map<string, unknown>): void {
  // No page harness here: the one wx call the helper makes.
  Object.assign(globalThis, { wx: { getStorageSync: (key: string) => store.get(key) ?? '' } });
}

describe('elderOnShow', () => {
  it('sets the root view’s class from the switch each time the page shows', () => {
    const store = new Map<string, unknown>();
    withStorage(store);
    const patches: { elder: string }[] = [];
    const page = { setData: (patch: { elder: string }) => patches.push(patch) };
    elderOnShow.onShow.call(page);
    store.set(ELDER_STORAGE_KEY, true);
    elderOnShow.onShow.call(page);
    expect(patches).toEqual([{ elder: '' }, { elder: ELDER_CLASS }]);
  });
});
