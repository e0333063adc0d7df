/**
 * The staff preview shows the report exactly as the citizen reader does: the same view and the same markup
 * (components/report-view), for the draft being built and for a published version.
 */
import { FORMAT_2021 } from 'gongkai-core';
import { flush, openPage, tapButton, textOf, type RenderedPage } from '../harness';
import { countyRow, publishedReport, reportData } from '../fixtures';
import { me, routeTransport, useMemoryStorage } from './helpers';
import type { CountyReportView, ReportData, Result } from 'gongkai-staff';
import type { ReportPreviewData } from '../../../miniprogram/staff/pages/report-preview/index';
import type { ReaderData } from '../../../miniprogram/pages/report/reader/index';

const ROUTE = 'staff/pages/report-preview/index';

/** `reports.build`'s answer for a draft of `report` (its chain and state as `extra` says). */
function built(report: ReportData, extra: { status?: string; step?: number | null; version?: number } = {}) {
  const chain = ['reviewer', 'leader'];
  const data = {
    report,
    sources: {},
    findings: [],
    lastYearSections: null,
    status: 'draft',
    step: null,
    chain,
    version: 0,
  };
  return (): Result<unknown> => ({ ok: true, data: { ...data, ...extra } });
}

function screens(page: RenderedPage<unknown>): string[] {
  return FORMAT_2021.sections.map((s) => textOf(page, `#section-${s.key}`));
}

describe('report preview', () => {
  beforeEach(() => useMemoryStorage());

  it('shows a published version exactly as the citizen reader shows it', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.getPublished': () => ({ ok: true, data: publishedReport('r-1') }),
    });
    const preview = openPage<ReportPreviewData>(ROUTE, { id: 'r-1' });
    await flush();
    const reader = openPage<ReaderData>('pages/report/reader/index', { id: 'r-1' });
    await flush();
    expect(fake.payloads('reports.getPublished')).toEqual([{ id: 'r-1' }, { id: 'r-1' }]);
    expect(preview.data.state).toBe('ready');
    expect(textOf(preview, '#title')).toBe(textOf(reader, '#title'));
    expect(screens(preview)).toEqual(screens(reader));
    expect(preview.querySelectorAll('.val')).toHaveLength(FORMAT_2021.cells.length);
    expect(preview.data.sections).toEqual(reader.data.sections);
    expect(textOf(preview, '#banner')).toContain('公众在小程序中看到的就是这个样子');
  });

  it('previews the draft of a year as it would be published', async () => {
    const report = { ...reportData(), year: 2025 };
    const fake = routeTransport({
      'organ.me': me('reviewer'),
      'reports.build': built(report, { status: 'inReview', step: 0, version: 2 }),
    });
    const page = openPage<ReportPreviewData>(ROUTE, { year: '2025' });
    await flush();
    expect(fake.payloads('reports.build')).toEqual([{ year: 2025 }]);
    expect(textOf(page, '#title')).toBe('扎毛乡2025年政府信息公开工作年度报告');
    expect(textOf(page, '#banner')).toContain('尚未发布');
    expect(textOf(page, '#section-problems')).toContain('二是更新还不够及时。');
  });

  it('shows the county the report an organ sent it, read-only, with the same tables the township previews', async () => {
    const report = { ...reportData(), year: 2025 };
    const row = (state: 'submitted' | 'drafting', stateLabel: string) =>
      countyRow({ organId: 'o2', state, stateLabel });
    let answer: CountyReportView = { row: row('submitted', '已报送'), report, findings: [], versions: [], returns: [] };
    const fake = routeTransport({
      'organ.me': me('county'),
      'county.report': () => ({ ok: true, data: answer }),
      'reports.build': built(report),
    });
    const page = openPage<ReportPreviewData>(ROUTE, { organId: 'o2', year: '2025' });
    await flush();
    expect(fake.payloads('county.report')).toEqual([{ organId: 'o2', year: 2025 }]);
    expect(fake.actions()).not.toContain('reports.build');
    expect(page.data.state).toBe('ready');
    expect(textOf(page, '#banner')).toBe('扎毛乡人民政府报送县级的报告（已报送，只读，尚未发布）');
    expect(page.querySelectorAll('.val')).toHaveLength(FORMAT_2021.cells.length);
    // The same view as the township's own preview of that report (the same tables, the same text).
    const own = openPage<ReportPreviewData>(ROUTE, { year: '2025' });
    await flush();
    expect(page.data.sections).toEqual(own.data.sections);
    // Not with the county (yet): nothing to show, and it says why.
    answer = { ...answer, row: row('drafting', '编制中'), report: null };
    const waiting = openPage<ReportPreviewData>(ROUTE, { organId: 'o2', year: '2025' });
    await flush();
    expect(waiting.data.state).toBe('error');
    expect(waiting.data.message).toContain('报告尚未报送（编制中）');
    expect(waiting.querySelectorAll('.val')).toHaveLength(0);
  });

  it('retries when it cannot load', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = openPage<ReportPreviewData>(ROUTE, { year: '2025' });
    await flush();
    expect(page.data.state).toBe('error');
    fake.route({
      'reports.build': built(reportData()),
    });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
