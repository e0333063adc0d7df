/** The records behind one number of the report: by kind, one line each, with the count; empty and error states. */
import { flush, openPage, tapButton, textOf } from '../harness';
import { me, routeTransport, useMemoryStorage } from './helpers';
import type { ReportCellData } from '../../../miniprogram/staff/pages/report-cell/index';

const ROUTE = 'staff/pages/report-cell/index';

function view(extra: Record<string, unknown> = {}) {
  return {
    year: 2025,
    cell: 'applications.newReceived.natural',
    label: '一、本年新收政府信息公开申请数量 · 自然人',
    value: 3,
    total: 3,
    records: [
      { kind: 'request', id: 'rq-1', title: '申请编号 ZM-2025-0001', detail: '已答复 · （一）予以公开' },
      { kind: 'request', id: 'rq-2', title: '申请编号 ZM-2025-0002', detail: '办理中' },
      { kind: 'case', id: 'c-1', title: '行政复议 黄府复〔2025〕3号', detail: '立案 2025-02-01 · 尚未审结' },
    ],
    ...extra,
  };
}

describe('records behind a report cell', () => {
  beforeEach(() => useMemoryStorage());

  it('asks for the year and cell of the link and lists the records by kind', async () => {
    const fake = routeTransport({
      'organ.me': me('editor'),
      'reports.cellRecords': () => ({ ok: true, data: view() }),
    });
    const page = openPage<ReportCellData>(ROUTE, {
      year: '2025',
      cell: encodeURIComponent('applications.newReceived.natural'),
    });
    await flush();
    expect(fake.payloads('reports.cellRecords')).toEqual([{ year: 2025, cell: 'applications.newReceived.natural' }]);
    expect(textOf(page, '#label')).toBe('一、本年新收政府信息公开申请数量 · 自然人');
    expect(textOf(page, '#value')).toBe('3');
    expect(textOf(page, '#count')).toBe('共 3 条记录');
    expect(textOf(page, '#kind-request')).toContain('依申请公开（2）');
    expect(textOf(page, '#kind-request')).toContain('申请编号 ZM-2025-0002');
    expect(textOf(page, '#kind-case')).toContain('复议诉讼（1）');
    expect(textOf(page, '#kind-case')).toContain('立案 2025-02-01 · 尚未审结');
  });

  it('says when only the first records are listed', async () => {
    routeTransport({
      'organ.me': me('editor'),
      'reports.cellRecords': () => ({ ok: true, data: view({ total: 250 }) }),
    });
    const page = openPage<ReportCellData>(ROUTE, { year: '2025', cell: 'applications.newReceived.natural' });
    await flush();
    expect(textOf(page, '#count')).toBe('共 250 条记录，列出前 3 条');
  });

  it('explains a number no record stands behind', async () => {
    routeTransport({
      'organ.me': me('editor'),
      'reports.cellRecords': () => ({
        ok: true,
        data: view({ cell: 'applications.carriedOver.natural', value: 2, total: 0, records: [] }),
      }),
    });
    const page = openPage<ReportCellData>(ROUTE, { year: '2025', cell: 'applications.carriedOver.natural' });
    await flush();
    expect(textOf(page, '#empty')).toContain('上年结转');
  });

  it('refuses a wrong link before asking the server, and retries a failed load', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const bad = openPage<ReportCellData>(ROUTE, { year: '2025', cell: 'nothing.here' });
    await flush();
    expect(textOf(bad, '#error')).toContain('链接有误');
    expect(fake.actions()).not.toContain('reports.cellRecords');

    const page = openPage<ReportCellData>(ROUTE, { year: '2025', cell: 'applications.newReceived.natural' });
    await flush();
    expect(textOf(page, '#error')).toContain('网络连接失败');
    fake.route({ 'reports.cellRecords': () => ({ ok: true, data: view() }) });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
