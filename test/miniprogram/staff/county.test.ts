/**
 * The county view's pages with a fake transport: the dashboard lists each organ with its state, dates and findings
 * (what waits for the county first), the figures side by side, and opens an organ's report; the report page shows
 * the findings by level and returns the report with a comment or publishes it on the township's behalf, each write
 * with one idempotency key; the 工作台 sends the county role to its page and shows a township the county's comment.
 */
import type { CountyDashboard, CountyReportView, CountyRow, ReportStatus } from 'gongkai-staff';
import type { CountyPageData } from '../../../miniprogram/staff/pages/county/index';
import type { CountyReportData } from '../../../miniprogram/staff/pages/county-report/index';
import type { HomeData } from '../../../miniprogram/staff/pages/home/index';
import { reportLine } from '../../../miniprogram/staff/pages/home/view';
import { find, flush, openPage, tap, tapButton, textOf } from '../harness';
import { countyRow } from '../fixtures';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';

const COUNTY = 'staff/pages/county/index';
const REPORT = 'staff/pages/county-report/index';

const row = countyRow;

const FIGURES = { itemsPublished: 203, requestsReceived: 3, carriedOver: 2, carriedForward: 0, reviews: 1, suits: 0 };

const ROWS: CountyRow[] = [
  row({
    organId: 'o2',
    organ: '双朋西乡人民政府',
    state: 'submitted',
    stateLabel: '已报送',
    submittedAt: '2026-01-20T02:00:00.000Z',
    errors: 2,
    warnings: 1,
    figures: FIGURES,
  }),
  row({ organId: 'o3', organ: '曲库乎乡人民政府', onProduct: false, overdue: true }),
];

function dashboard(organs: CountyRow[] = ROWS): Handler {
  const data: CountyDashboard = {
    county: { id: 'c', name: '同仁市人民政府办公室' },
    year: 2025,
    dueDate: '2026-01-31',
    totals: {
      notStarted: 1,
      drafting: 0,
      inApproval: 0,
      submitted: 1,
      returned: 0,
      published: 0,
      overdue: 1,
      organs: organs.length,
    },
    organs,
  };
  return () => ({ ok: true, data });
}

describe('county dashboard page', () => {
  beforeEach(() => useMemoryStorage());

  it('lists each organ with its state, submission date and findings, the figures side by side, and opens one', async () => {
    const fake = routeTransport({ 'organ.me': me('county'), 'county.dashboard': dashboard() });
    const page = openPage<CountyPageData>(COUNTY);
    await flush();
    expect(fake.payloads('county.dashboard')).toEqual([{}]);
    expect(textOf(page, '#county')).toBe('同仁市人民政府办公室');
    expect(textOf(page, '#due')).toContain('2026-01-31');
    expect(textOf(page, '#totals')).toBe('共 2 个机关：已报送 1，未开始 1；逾期 1');
    const submitted = find(page, '#organ-o2');
    expect(textOf(submitted)).toContain('报送 2026年1月20日');
    expect(textOf(submitted)).toContain('错误 2 · 警告 1 · 提示 0');
    expect(page.data.lines.map((l) => [l.organId, l.tone])).toEqual([
      ['o2', 'act'],
      ['o3', 'late'],
    ]);
    expect(textOf(page, '#organ-o3')).toContain('未使用本系统');
    // The figures table: only organs whose report reached the county, a column per figure.
    expect(page.data.figures).toEqual([
      {
        organId: 'o2',
        organ: '双朋西乡',
        values: ['203', '3', '2', '0', '1', '0'].map((text, i) => ({ key: Object.keys(FIGURES)[i], text })),
      },
    ]);
    expect(textOf(page, '#figures')).toContain('复议');

    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#organ-o2');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/staff/pages/county-report/index?organId=o2&year=2025' }),
    );
    // 县级设置 opens with the due date's month-day.
    await tap(page, '#to-settings');
    expect(navigate).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/staff/pages/county-settings/index?due=01-31' }),
    );
    // Another year: the dashboard of that year.
    await tap(page, '#year-prev');
    expect(fake.payloads('county.dashboard')).toEqual([{}, { year: 2024 }]);
  }, 20_000); // the first open compiles the page: 4 s with a load average of 21 on 2 cores (7 Dec 2026)

  it('pastes in an off-product organ’s report with one idempotency key, and says how it was matched', async () => {
    const imported = row({ organId: 'o9', organ: '多哇镇人民政府', state: 'published', version: 1, year: 2025 });
    const fake = routeTransport({
      'organ.me': me('county'),
      'county.dashboard': dashboard(),
      'county.importReport': () => ({ ok: true, data: { matchedBy: 'created', row: imported } }),
    });
    const page = openPage<CountyPageData>(COUNTY);
    await flush();
    await tapButton(page, '#import');
    expect(textOf(page, '#notice')).toContain('请先粘贴');
    expect(fake.actions()).not.toContain('county.importReport');
    const text = `多哇镇人民政府2025年政府信息公开工作年度报告\n${'一、总体情况。'.repeat(10)}`;
    find(page, '#text').dispatchEvent('input', { detail: { value: text } });
    await flush();
    expect(JSON.stringify(page.data)).not.toContain('一、总体情况');
    await tapButton(page, '#import');
    expect(fake.payloads('county.importReport')).toEqual([{ text }]);
    expect(fake.calls.find((c) => c.event.action === 'importReport')?.event.idempotencyKey).toBeTruthy();
    expect(textOf(page, '#notice')).toBe('已导入：多哇镇人民政府 2025年度（新增机关，第 1 版）');
  });

  it('tells anyone but the county role that the page is not theirs, without reading the dashboard', async () => {
    const fake = routeTransport({ 'organ.me': me('admin') });
    const page = openPage<CountyPageData>(COUNTY);
    await flush();
    expect(page.data.state).toBe('error');
    expect(textOf(page, '#error')).toContain('仅县级审核员');
    expect(fake.actions()).toEqual(['organ.me']);
  });
});

function reportView(extra: Partial<CountyReportView> = {}): CountyReportView {
  const r = ROWS[0] as CountyRow;
  return {
    row: r,
    report: null,
    findings: [
      {
        check: 'carryOverApplications',
        level: 'error',
        cells: ['applications.carriedOver.total'],
        message: '上年结转 2 与上年报告的结转下年度 0 不一致',
      },
      { check: 'requiredContent', level: 'warning', cells: [], message: '“一、总体情况”未写工作考核情况' },
    ],
    versions: [],
    returns: [],
    ...extra,
  };
}

describe('county report page', () => {
  beforeEach(() => useMemoryStorage());

  it('shows a submitted report’s findings by level and returns it with a comment, once', async () => {
    // A report to read: the shape is the answer's, the cells are not looked at here.
    const view = { ...reportView(), report: {} as CountyReportView['report'] };
    const after = {
      ...view,
      row: row({ ...ROWS[0], state: 'returned', stateLabel: '已退回修改', returnComment: '请核对上年结转' }),
    };
    let answer = view;
    const fake = routeTransport({
      'organ.me': me('county'),
      'county.report': () => ({ ok: true, data: answer }),
      'county.return': () => {
        answer = after;
        return { ok: true, data: { row: after.row } };
      },
    });
    const page = openPage<CountyReportData>(REPORT, { organId: 'o2', year: '2025' });
    await flush();
    expect(fake.payloads('county.report')).toEqual([{ organId: 'o2', year: 2025 }]);
    expect(textOf(page, '#state')).toBe('已报送');
    expect(textOf(page, '#findings-error')).toContain('上年结转 2 与上年报告的结转下年度 0 不一致');
    expect(textOf(page, '#findings-error')).toContain('上年结转政府信息公开申请数量');
    expect(textOf(page, '#findings-warning')).toContain('工作考核');
    expect(textOf(page, '#figures')).toContain('203');

    // No comment: refused on the page, nothing sent.
    await tapButton(page, '#return');
    expect(fake.actions()).not.toContain('county.return');
    expect(page.data.noticeKind).toBe('error');
    find(page, '#comment').dispatchEvent('input', { detail: { value: '请核对上年结转' } });
    await flush();
    await tapButton(page, '#return');
    expect(fake.payloads('county.return')).toEqual([{ organId: 'o2', year: 2025, comment: '请核对上年结转' }]);
    expect(textOf(page, '#notice')).toContain('已退回');
    expect(textOf(page, '#return-comment')).toContain('请核对上年结转');
    // Returned: nothing more for the county to do until the township submits again.
    expect(page.querySelector('#act')).toBeUndefined();
  });

  it('publishes on the township’s behalf; a refusal keeps the same key for the retry', async () => {
    const view = { ...reportView({ findings: [] }), report: {} as CountyReportView['report'] };
    let first = true;
    const published = row({
      ...ROWS[0],
      state: 'published',
      stateLabel: '已发布',
      version: 1,
      publishedId: 'o2-2025-v1',
    });
    let answer = view;
    const fake = routeTransport({
      'organ.me': me('county'),
      'county.report': () => ({ ok: true, data: answer }),
      'county.publish': () => {
        if (first) {
          first = false;
          return { ok: false, code: 'INTERNAL', message: '网络连接失败，请检查网络后重试' };
        }
        answer = { ...view, row: published };
        return { ok: true, data: { row: published } };
      },
    });
    const page = openPage<CountyReportData>(REPORT, { organId: 'o2', year: '2025' });
    await flush();
    expect(textOf(page, '#no-findings')).toContain('未发现问题');
    // Submitted, not published: its full text and tables open read-only, as the county received them.
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#read');
    expect(navigate).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/staff/pages/report-preview/index?organId=o2&year=2025' }),
    );
    await tapButton(page, '#publish');
    expect(textOf(page, '#notice')).toContain('网络连接失败');
    await tapButton(page, '#publish');
    expect(textOf(page, '#notice')).toBe('已代为发布');
    // Published on the product: the full report opens as citizens read it; nothing is left to do.
    expect(page.querySelector('#act')).toBeUndefined();
    await tap(page, '#read');
    expect(navigate).toHaveBeenLastCalledWith(
      expect.objectContaining({ url: '/staff/pages/report-preview/index?id=o2-2025-v1' }),
    );
    const keys = fake.calls.filter((c) => c.event.action === 'publish').map((c) => c.event.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('says a report still with the township is not in yet, and offers nothing to do', async () => {
    const waiting = reportView({ row: row({ state: 'drafting', stateLabel: '编制中' }), findings: [] });
    routeTransport({ 'organ.me': me('county'), 'county.report': () => ({ ok: true, data: waiting }) });
    const page = openPage<CountyReportData>(REPORT, { organId: 'o1', year: '2025' });
    await flush();
    expect(textOf(page, '#waiting')).toContain('报告尚未报送（编制中）');
    expect(page.querySelector('#act')).toBeUndefined();
    expect(page.querySelector('#read')).toBeUndefined();
    expect(page.querySelector('#findings')).toBeUndefined();
  });
});

describe('工作台 and the county', () => {
  beforeEach(() => useMemoryStorage());

  it('sends the county role to the county view, reading nothing of an organ', async () => {
    const redirect = jest.spyOn(wx, 'redirectTo');
    const fake = routeTransport({ 'organ.me': me('county') });
    openPage<HomeData>('staff/pages/home/index');
    await flush();
    expect(redirect).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/county/index' }));
    expect(fake.actions()).toEqual(['organ.me']);
  });

  it('shows a township the county’s comment on a returned report, flagged', async () => {
    const status: ReportStatus = {
      year: 2025,
      status: 'returned',
      step: null,
      stepLabel: '县级退回修改',
      dueDate: '2026-01-31',
      daysLeft: 40,
      publishedId: null,
      countyComment: '上年结转数与上年报告不一致',
    };
    routeTransport({ 'organ.me': me('editor'), 'reports.status': () => ({ ok: true, data: status }) });
    const page = openPage<HomeData>('staff/pages/home/index');
    await flush();
    expect(textOf(page, '#report-note')).toContain('县级退回修改');
    expect(textOf(page, '#report-county-comment')).toBe('县级退回意见：上年结转数与上年报告不一致');
    expect(page.querySelector('#report-remind')).toBeDefined();
  });

  it('reminds a township of nothing while its report is with the county, even past the due date', () => {
    const submitted: ReportStatus = {
      year: 2025,
      status: 'submitted',
      step: null,
      stepLabel: '已报送县级审核',
      dueDate: '2026-01-31',
      daysLeft: -3,
      publishedId: null,
      countyComment: null,
    };
    expect(reportLine(submitted)).toMatchObject({ remind: false, countyComment: '' });
    expect(reportLine(submitted).note).toContain('已报送县级审核');
  });
});
