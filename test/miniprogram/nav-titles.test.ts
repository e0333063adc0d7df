/** Navigation bar titles stay clear of WeChat's capsule at 375 px (about 10 characters fit beside it). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_ROOT } from './harness';
import { NAV_TITLE_MAX } from '../../miniprogram/pages/item/view';

function pageJsons(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'miniprogram_npm' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return pageJsons(full);
    return name === 'index.json' ? [full] : [];
  });
}

it('keeps every page title within what fits beside the capsule', () => {
  const titles = pageJsons(MINIPROGRAM_ROOT)
    .map(
      (file) => (JSON.parse(readFileSync(file, 'utf8')) as { navigationBarTitleText?: string }).navigationBarTitleText,
    )
    .filter((t): t is string => typeof t === 'string');
  expect(titles.length).toBeGreaterThan(20);
  expect(titles.filter((t) => t.length > NAV_TITLE_MAX)).toEqual([]);
});
