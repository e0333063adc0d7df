/**
 * 年度报告编制 beside 五 存在的主要问题及改进情况: the year's items published more than 20 working days after
 * 成文日期 (reports.latePublications, 条例 第二十六条), one line each, or a line saying all were in time; the builder
 * still works when the list cannot be read.
 */
import { FORMAT_2021 } from 'gongkai-core';
import { flush, openPage, textOf } from '../harness';
import { reportData } from '../fixtures';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { ReportBuilderData } from '../../../miniprogram/staff/pages/report/index';

// The first page a file opens compiles TDesign's components: slow on a loaded machine, nothing timed.
jest.setTimeout(30_000);

const ROUTE = 'staff/pages/report/index';

const handlers = (late: Handler): Record<string, Handler> => ({
  'organ.me': me('editor'),
  'reports.build': () => ({
    ok: true,
    data: {
      report: { ...reportData(), year: 2025 },
      sources: {},
      findings: [],
      lastYearSections: null,
      status: 'draft',
      step: null,
      chain: ['reviewer', 'leader'],
      version: 1,
    },
  }),
  'reports.status': () => ({
    ok: true,
    data: {
      year: 2025,
      status: 'draft',
      step: null,
      stepLabel: '草稿',
      dueDate: '2026-01-31',
      daysLeft: 12,
      publishedId: null,
    },
  }),
  'reports.latePublications': late,
});

describe('report builder: 条例 第二十六条', () => {
  beforeEach(() => useMemoryStorage());

  it('lists the year’s late items under 五, asked for the year shown', async () => {
    expect(FORMAT_2021.sections.some((s) => s.key === 'problems')).toBe(true);
    const fake = routeTransport(
      handlers(() => ({
        ok: true,
        data: [
          {
            id: 'i1',
            title: '关于春耕生产的通知',
            indexNo: 'ZM-2025-0007',
            writtenDate: '2025-01-02',
            publishedDate: '2025-06-30',
            workdays: 118,
            provisional: false,
          },
        ],
      })),
    );
    const page = openPage<ReportBuilderData>(ROUTE);
    await flush(6);
    const year = page.data.year;
    expect(fake.payloads('reports.latePublications')).toEqual([{ year }]);
    const late = textOf(page, '#late');
    expect(late).toContain('本年度有 1 条信息超过 20 个工作日才公开');
    expect(late).toContain('《关于春耕生产的通知》（ZM-2025-0007）成文 2025-01-02，发布 2025-06-30，第 118 个工作日');
    expect(textOf(page, '#editor-problems')).toContain('第 118 个工作日');
  });

  it('says when every item was in time, and shows nothing when the list cannot be read', async () => {
    routeTransport(handlers(() => ({ ok: true, data: [] })));
    const inTime = openPage<ReportBuilderData>(ROUTE);
    await flush(6);
    expect(textOf(inTime, '#late')).toContain('均在成文后 20 个工作日内公开');

    routeTransport(handlers(() => ({ ok: false, code: 'INTERNAL', message: '网络连接失败' })));
    const offline = openPage<ReportBuilderData>(ROUTE);
    await flush(6);
    expect(offline.data.state).toBe('ready');
    expect(offline.querySelector('#late')).toBeUndefined();
  });
});
