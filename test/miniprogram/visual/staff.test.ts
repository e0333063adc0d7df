/**
 * @jest-environment ./test/miniprogram/visual/environment.js
 */
/**
 * The staff pages a clerk or a leader uses most — 工作台, the request desk, the report builder — in a real browser
 * at 375 px, normal and 长辈模式, measured as the citizen pages are (check.ts).
 */
import type { Browser } from 'playwright-core';
import type { Finding, ReportData } from 'gongkai-core';
import { checkReport } from '../../../shared/checks';
import { describeBrowser, launchBrowser } from '../../browser/harness';
import { reportData } from '../fixtures';
import { me, routeTransport, useMemoryStorage, type Handler } from '../staff/helpers';
import { expectReadable, open } from './check';
import { rpxAtPhoneWidth } from './render';

rpxAtPhoneWidth();

const deadline = (dueDate: string, daysRemaining: number, flags: { atRisk?: boolean; overdue?: boolean } = {}) => ({
  dueDate,
  projected: false,
  daysRemaining,
  daysOverdue: 0,
  atRisk: false,
  overdue: false,
  pausedBy: null,
  pauseEndsBy: null,
  provisional: false,
  prompt: null,
  ...flags,
});

const row = (id: string, statusLabel: string, d: ReturnType<typeof deadline> | null) => ({
  id,
  version: 2,
  applicationNo: `ZM-2026-00${id}`,
  status: d ? 'received' : 'submitted',
  statusLabel,
  channelLabel: '网上申请',
  applicantTypeLabel: '自然人',
  applicantName: '卓*',
  submittedDate: '2026-01-05',
  receivedDate: d ? '2026-01-05' : null,
  deadline: d,
  outcome: null,
  outcomeLabel: null,
  answeredDate: null,
});

const REQUESTS: Handler = () => ({
  ok: true,
  data: {
    list: [
      row('1', '办理中', deadline('2026-01-20', 0, { overdue: true })),
      row('2', '办理中', deadline('2026-01-23', 2, { atRisk: true })),
      row('3', '已提交，待确认收到', null),
    ],
    total: 3,
    page: 1,
    pageSize: 10,
    counts: { open: 3, atRisk: 1, overdue: 1 },
  },
});

function report(): ReportData {
  const base = reportData();
  return { ...base, year: 2025, sections: { ...base.sections, overview: '' } };
}

const BUILT: Handler = () => {
  const findings: Finding[] = checkReport(report(), {});
  return {
    ok: true,
    data: {
      report: report(),
      sources: {},
      findings,
      lastYearSections: reportData().sections,
      status: 'draft',
      step: null,
      chain: ['reviewer', 'leader'],
      version: 3,
    },
  };
};

const STATUS: Handler = () => ({
  ok: true,
  data: {
    year: 2025,
    status: 'draft',
    step: null,
    stepLabel: '草稿',
    dueDate: '2026-01-31',
    daysLeft: 9,
    publishedId: null,
  },
});

const CELL_RECORDS: Handler = () => ({
  ok: true,
  data: {
    year: 2025,
    cell: 'proactive.regulations.issued',
    label: '第二十条第（一）项 · 规章 · 本年制发件数',
    value: 2,
    total: 2,
    records: [
      { kind: 'item', id: 'it-1', title: '扎毛乡农村人居环境整治工作方案', detail: '2025-03-05 发布' },
      { kind: 'statEntry', id: 's-1', title: '规范性文件登记', detail: '2025-06-01 制发 1 件' },
    ],
  },
});

describeBrowser('staff pages at 375 px in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  describe.each(['normal', 'elder'] as const)('%s', (mode) => {
    it.each([
      ['workbench', 'staff/pages/home/index', {}],
      ['request-desk', 'staff/pages/requests/index', {}],
      ['report-builder', 'staff/pages/report/index', {}],
      ['bind', 'staff/pages/bind/index', {}],
      ['setup', 'staff/pages/setup/index', {}],
      ['report-cell', 'staff/pages/report-cell/index', { year: '2025', cell: '0' }],
      ['report-import', 'staff/pages/report-import/index', {}],
      ['report-preview', 'staff/pages/report-preview/index', { year: '2025' }],
    ] as const)(
      '%s: readable',
      async (name, route, query: Record<string, string>) => {
        const storage = useMemoryStorage();
        routeTransport({
          'organ.me': me(name === 'report-import' ? 'admin' : 'editor'),
          'reports.cellRecords': CELL_RECORDS,
          'items.list': () => ({ ok: true, data: { items: [], more: false, cursor: null } }),
          'requests.list': REQUESTS,
          'reports.status': STATUS,
          'reports.build': BUILT,
        });
        const page = await open(browser, route, query, mode, storage);
        await expectReadable(page, mode, name);
        await page.close();
      },
      60_000,
    );
  });
});
