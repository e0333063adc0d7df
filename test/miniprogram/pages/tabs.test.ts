/** The tab pages not built yet, and the staff subpackage's placeholder: each shows a proper empty state. */
import { flush, openPage, tap, tapButton, textOf } from '../harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface AppJson {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  preloadRule: Record<string, { packages: string[] }>;
  tabBar: { list: { pagePath: string; text: string }[] };
  lazyCodeLoading: string;
}

const appJson = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'miniprogram', 'app.json'), 'utf8')) as AppJson;

describe('app.json', () => {
  it('has the four citizen tabs in the main package and the staff subpackage preloaded from 我的', () => {
    expect(appJson.tabBar.list.map((t) => t.text)).toEqual(['公开目录', '年度报告', '依申请', '我的']);
    for (const tab of appJson.tabBar.list) expect(appJson.pages).toContain(tab.pagePath);
    expect(appJson.pages).toContain('pages/report/reader/index');
    expect(appJson.subpackages).toEqual([expect.objectContaining({ root: 'staff/', pages: ['pages/home/index'] })]);
    expect(appJson.preloadRule['pages/mine/index/index']?.packages).toEqual(['staff']);
    expect(appJson.lazyCodeLoading).toBe('requiredComponents');
  });
});

describe('placeholder pages', () => {
  it.each([
    ['pages/catalog/index/index', '公开目录正在建设中'],
    ['pages/request/index/index', '网上申请即将开通'],
    ['pages/mine/index/index', '“我的申请”即将开通'],
    ['staff/pages/home/index', '工作台正在建设中'],
  ])('%s shows its empty state', (route, message) => {
    const page = openPage(route);
    expect(textOf(page, '#empty')).toContain(message);
  });

  it('公开目录 leads to the reports tab', async () => {
    const switchTab = jest.spyOn(wx, 'switchTab');
    await tapButton(openPage('pages/catalog/index/index'), '#to-reports');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/report/list/index' }));
  });

  it('我的 leads to the staff workbench', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(openPage('pages/mine/index/index'), '#staff');
    await flush();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });
});
