/**
 * 导入往年报告 end to end through the REAL functions and local server (admin-e2e-server.cjs: a fresh organ with no
 * report yet; the pages use the app's dev transport over real HTTP): the admin pastes the seed 2023 report,
 * previews it (nothing is published yet: the citizen's list is empty), imports it, and the citizen's 年度报告 list
 * shows 2023; a second preview then names the version already published.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { find, flush, openPage, tapButton, textOf } from '../harness';
import { useE2eBackend, waitFor } from '../e2e-server';
import type { ListData } from '../../../miniprogram/pages/report/list/index';
import type { ReportImportData } from '../../../miniprogram/staff/pages/report-import/index';

jest.setTimeout(60_000);

const SEED = readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

interface Info {
  url: string;
  logins: Record<'admin' | 'editor' | 'newcomer', string>;
}

const backend = useE2eBackend<Info>(path.join(__dirname, 'admin-e2e-server.cjs'));

async function citizenList(): Promise<ReturnType<typeof openPage<ListData>>> {
  backend.as('newcomer');
  const list = openPage<ListData>('pages/report/list/index');
  await waitFor('the report list', () => list.data.state !== 'loading');
  return list;
}

describe('importing a past report end to end, real functions and server', () => {
  it('the admin previews and imports the seed report; the citizen’s list shows 2023', async () => {
    backend.as('admin');
    const page = openPage<ReportImportData>('staff/pages/report-import/index');
    await waitFor('the import page', () => page.data.state !== 'loading');
    find(page, '#text').dispatchEvent('input', { detail: { value: SEED } });
    await flush();
    await tapButton(page, '#read');
    await waitFor('the preview', () => page.data.preview !== null || page.data.notice !== '');
    expect(page.data.notice).toBe('');
    expect(textOf(page, '#year')).toContain('2023年度');
    expect(textOf(page, '#organ')).toContain('本机关：扎毛乡人民政府');
    expect(textOf(page, '#inferred')).toContain('（56 格）');
    expect(textOf(page, '#version')).toBe('将作为第 1 版发布');

    // Previewing stored nothing.
    expect((await citizenList()).data.state).toBe('empty');

    backend.as('admin');
    // The seed's text gives no publish date: the admin enters it, and citizens read it as 发布于.
    find(page, '#published-on').dispatchEvent('change', { detail: { value: '2024-01-26' } });
    await flush();
    await tapButton(page, '#confirm');
    await waitFor('the import', () => page.data.published !== null || page.data.notice !== '');
    expect(textOf(page, '#done-text')).toBe('2023年度报告已发布为第 1 版。');

    const list = await citizenList();
    expect(list.data.groups.map((g) => g.year)).toEqual([2023]);
    expect(textOf(list)).toContain('2023');
    expect(textOf(list)).toContain('发布于 2024年1月26日');

    backend.as('admin');
    const again = openPage<ReportImportData>('staff/pages/report-import/index');
    await waitFor('the import page', () => again.data.state !== 'loading');
    find(again, '#text').dispatchEvent('input', { detail: { value: SEED } });
    await flush();
    await tapButton(again, '#read');
    await waitFor('the second preview', () => again.data.preview !== null || again.data.notice !== '');
    expect(textOf(again, '#version')).toContain('该年度已有报告（第 1 版');
  });
});
