/** app.json's tabs and packages, and the way from 我的 to the staff subpackage (the tabs have their own tests). */
import { existsSync } from 'node:fs';
import { flush, openPage, tap } from '../harness';
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface AppJson {
  pages: string[];
  subpackages: { root: string; pages: string[] }[];
  preloadRule: Record<string, { packages: string[] }>;
  tabBar: { list: { pagePath: string; text: string }[] };
  lazyCodeLoading: string;
}

const appJson = JSON.parse(
  readFileSync(path.join(__dirname, '..', '..', '..', 'miniprogram', 'app.json'), 'utf8'),
) as AppJson;

describe('app.json', () => {
  it('has the four citizen tabs in the main package and the staff subpackage preloaded from 我的', () => {
    expect(appJson.tabBar.list.map((t) => t.text)).toEqual(['公开目录', '年度报告', '依申请', '我的']);
    for (const tab of appJson.tabBar.list) expect(appJson.pages).toContain(tab.pagePath);
    expect(appJson.pages).toContain('pages/report/reader/index');
    expect(appJson.subpackages).toEqual([
      expect.objectContaining({
        root: 'staff/',
        pages: expect.arrayContaining(['pages/home/index', 'pages/bind/index']) as unknown,
      }),
    ]);
    expect(appJson.preloadRule['pages/mine/index/index']?.packages).toEqual(['staff']);
    expect(appJson.lazyCodeLoading).toBe('requiredComponents');
  });
});

describe('staff pages', () => {
  it('every page app.json names exists, and none is a placeholder any more', () => {
    const root = path.join(__dirname, '..', '..', '..', 'miniprogram');
    const staff = appJson.subpackages.flatMap((p) => p.pages.map((page) => path.join(root, p.root, page)));
    for (const page of [...appJson.pages.map((p) => path.join(root, p)), ...staff]) {
      expect(existsSync(`${page}.ts`)).toBe(true);
      expect(readFileSync(`${page}.ts`, 'utf8')).not.toMatch(/Placeholder/i);
    }
  });

  it('我的 leads to the staff workbench', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(openPage('pages/mine/index/index'), '#staff');
    await flush();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/home/index' }));
  });
});
