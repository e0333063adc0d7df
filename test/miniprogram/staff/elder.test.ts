/** 长辈模式 reaches the staff pages: a leader reading on the go gets the same larger type as citizens. */
import { classesOf, find, flush, openPage } from '../harness';
import { me, routeTransport, useMemoryStorage } from './helpers';

const PAGES = [
  'admin',
  'approve',
  'bind',
  'calendar',
  'cases',
  'county',
  'county-report',
  'county-settings',
  'docs',
  'home',
  'item-edit',
  'item-manage',
  'people',
  'reissue-code',
  'report',
  'report-cell',
  'report-import',
  'report-preview',
  'request',
  'request-record',
  'requests',
  'setup',
  'stats',
];

describe('staff pages in 长辈模式', () => {
  it.each(PAGES)('%s puts gk-elder on its root when the switch is on, and takes it off again', async (name) => {
    const storage = useMemoryStorage();
    routeTransport({ 'organ.me': me('admin') });
    storage.set('gongkai.elder', true);
    const page = openPage<{ elder: string }>(`staff/pages/${name}/index`, { id: 'x' });
    await flush();
    expect(classesOf(find(page, '.gk-root'))).toContain('gk-elder');
    storage.set('gongkai.elder', false);
    (page.instance as unknown as { onShow(): void }).onShow();
    expect(classesOf(find(page, '.gk-root'))).not.toContain('gk-elder');
  });
});
