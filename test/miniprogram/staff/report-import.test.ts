/**
 * 导入往年报告 with a fake transport: 识别 shows what was read (year, organ beside the organ's own, the cells read,
 * inferred with their labels, the findings by level, a version already published); only 确认 imports, with one
 * idempotency key per preview; refusals in Chinese; nothing offered to a non-admin.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ImportPreview } from 'gongkai-core';
import { checkReport } from '../../../shared/checks';
import { importReportText } from '../../../shared/import/report-text';
import { find, flush, openPage, tap, tapButton, textOf, type RenderedPage } from '../harness';
import { me, routeTransport, useMemoryStorage, type Handler } from './helpers';
import type { ReportImportData } from '../../../miniprogram/staff/pages/report-import/index';
import { organDiffers } from '../../../miniprogram/staff/pages/report-import/view';

const ROUTE = 'staff/pages/report-import/index';
const SEED = readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

/** The seed report as the server previews it: the real importer's findings and checks. */
function preview(extra: Partial<ImportPreview> = {}): Handler {
  const report = importReportText(SEED);
  const data: ImportPreview = {
    organ: report.organ,
    ownOrgan: '扎毛乡人民政府',
    year: report.year,
    cells: { total: 200, filled: 200, inferred: 56, unreadable: 0 },
    findings: checkReport(report),
    sections: ['overview', 'other'],
    existing: null,
    publishedOn: null,
    ...extra,
  };
  return () => ({ ok: true, data });
}

async function open(): Promise<RenderedPage<ReportImportData>> {
  const page = openPage<ReportImportData>(ROUTE);
  await flush();
  return page;
}

async function paste(page: RenderedPage<ReportImportData>, text: string): Promise<void> {
  find(page, '#text').dispatchEvent('input', { detail: { value: text } });
  await flush();
}

describe('report import page', () => {
  beforeEach(() => useMemoryStorage());

  it('previews the pasted report: year, organ beside the own one, cells read and inferred by row, findings by level', async () => {
    const fake = routeTransport({ 'organ.me': me('admin'), 'reports.previewImport': preview() });
    const page = await open();
    expect(page.data.state).toBe('ready');
    expect(page.querySelector('#empty')).toBeDefined();
    await paste(page, SEED);
    // The text stays on the page instance: nothing of it went through setData.
    expect(JSON.stringify(page.data)).not.toContain('政府信息公开工作年度报告');
    await tapButton(page, '#read');
    expect(fake.payloads('reports.previewImport')).toEqual([{ text: SEED }]);
    expect(fake.actions()).not.toContain('reports.importPublished');
    expect(textOf(page, '#year')).toContain('2023年度');
    expect(textOf(page, '#organ')).toContain('扎毛乡');
    expect(textOf(page, '#organ')).toContain('本机关：扎毛乡人民政府');
    expect(page.data.preview?.organDiffers).toBe(false);
    expect(textOf(page, '#cells')).toBe('表格数字共 200 格，读出 200 格');
    expect(textOf(page, '#inferred')).toContain('（56 格）');
    expect(textOf(page, '#inferred')).toContain(
      '予以公开：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计',
    );
    expect(page.querySelector('#unreadable')).toBeUndefined();
    expect(textOf(page, '#findings-warning')).toContain('提醒');
    expect(textOf(page, '#findings-info')).toContain('提示');
    expect(textOf(page, '#version')).toBe('将作为第 1 版发布');
    // 五 not read: this year's report could not be compared with it.
    expect(textOf(page, '#sections')).toBe('章节一、六部分有正文');
    expect(textOf(page, '#missing')).toBe('未读到正文：五、存在的主要问题及改进情况，请核对是否漏复制');
  });

  it('warns when the year is already published and when the organ read is another', async () => {
    const existing = {
      id: 'org-1-2023-v1',
      organId: 'org-1',
      organ: '扎毛乡',
      year: 2023,
      publishedAt: '2024-01-20T02:00:00.000Z',
      version: 1,
    };
    routeTransport({ 'organ.me': me('admin'), 'reports.previewImport': preview({ existing, organ: '加吾乡' }) });
    const page = await open();
    await paste(page, SEED);
    await tapButton(page, '#read');
    expect(textOf(page, '#version')).toContain('该年度已有报告（第 1 版，2024年1月20日发布），导入后将作为第 2 版发布');
    expect(textOf(page, '#organ')).toContain('名称不一致');
  });

  it('matches the organ read as the county does: county prefix and 人民政府 aside; no name is a difference', () => {
    expect(organDiffers('青禾县扎毛乡', '扎毛乡人民政府')).toBe(false);
    expect(organDiffers('**扎毛乡政府**', '扎毛乡人民政府')).toBe(false);
    expect(organDiffers('加吾乡', '扎毛乡人民政府')).toBe(true);
    expect(organDiffers('未识别机关', '扎毛乡人民政府')).toBe(true);
    expect(organDiffers('我乡', '扎毛乡人民政府')).toBe(true);
  });

  it('imports only on 确认, once per preview, and links to the published version', async () => {
    const fake = routeTransport({
      'organ.me': me('admin'),
      'reports.previewImport': preview(),
      'reports.importPublished': () => ({
        ok: true,
        data: {
          id: 'org-1-2023-v1',
          organId: 'org-1',
          organ: '扎毛乡',
          year: 2023,
          publishedAt: '2024-01-20T02:00:00.000Z',
          version: 1,
        },
      }),
    });
    const page = await open();
    await paste(page, SEED);
    await tapButton(page, '#read');
    // The seed's text gives no publish date: the page asks for it rather than let the import's day stand in.
    expect(textOf(page, '#date-group')).toContain('原文中没有找到发布日期');
    await tapButton(page, '#confirm');
    expect(textOf(page, '#notice')).toBe('请填写这份报告的发布日期（原文中没有找到）');
    expect(fake.actions()).not.toContain('reports.importPublished');
    find(page, '#published-on').dispatchEvent('change', { detail: { value: '2024-01-20' } });
    await flush();
    await tapButton(page, '#confirm');
    const imports = fake.calls.filter((c) => c.event.action === 'importPublished');
    expect(imports).toHaveLength(1);
    expect(imports[0]?.event.payload).toEqual({ text: SEED, publishedOn: '2024-01-20' });
    expect(imports[0]?.event.idempotencyKey).toEqual(expect.any(String));
    expect(textOf(page, '#done-text')).toBe('2023年度报告已发布为第 1 版。');
    expect(page.querySelector('#confirm')).toBeUndefined();
    const navigate = jest.spyOn(wx, 'navigateTo');
    await tap(page, '#open');
    expect(navigate).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/staff/pages/report-preview/index?id=org-1-2023-v1' }),
    );
  });

  it('prefills the date the text gives, and asks why when the import corrects a published version', async () => {
    const existing = {
      id: 'org-1-2023-v1',
      organId: 'org-1',
      organ: '扎毛乡',
      year: 2023,
      publishedAt: '2024-01-20T02:00:00.000Z',
      version: 1,
    };
    const fake = routeTransport({
      'organ.me': me('admin'),
      'reports.previewImport': preview({ existing, publishedOn: '2024-01-26' }),
      'reports.importPublished': () => ({ ok: true, data: { ...existing, id: 'org-1-2023-v2', version: 2 } }),
    });
    const page = await open();
    await paste(page, SEED);
    await tapButton(page, '#read');
    expect(textOf(page, '#published-on')).toBe('2024-01-26');
    await tapButton(page, '#confirm');
    expect(textOf(page, '#notice')).toBe('该年度已有发布的报告，请写明更正原因');
    find(page, '#reason').dispatchEvent('input', { detail: { value: '表三数字有误' } });
    await flush();
    await tapButton(page, '#confirm');
    expect(fake.payloads('reports.importPublished')).toEqual([
      { text: SEED, publishedOn: '2024-01-26', reason: '表三数字有误' },
    ]);
  });

  it('says in Chinese why a text cannot be read, and drops a preview once the text changes', async () => {
    const fake = routeTransport({
      'organ.me': me('admin'),
      'reports.previewImport': () => ({
        ok: false,
        code: 'UNREADABLE',
        message: '无法读取这份报告：无法从标题或正文识别报告年度',
        fieldErrors: [{ path: 'text', message: 'text：无法识别为政府信息公开工作年度报告' }],
      }),
    });
    const page = await open();
    await tapButton(page, '#read');
    expect(textOf(page, '#notice')).toBe('请先粘贴年度报告全文');
    await paste(page, '太短');
    await tapButton(page, '#read');
    // Refused before sending: the schema's own words.
    expect(textOf(page, '#notice')).toBe('请粘贴完整的年度报告全文');
    expect(fake.actions()).not.toContain('reports.previewImport');
    await paste(page, '这不是报告。'.repeat(20));
    await tapButton(page, '#read');
    expect(textOf(page, '#notice')).toBe('无法读取这份报告：无法从标题或正文识别报告年度');
    fake.route({ 'reports.previewImport': preview() });
    await tapButton(page, '#read');
    expect(page.data.preview).not.toBeNull();
    await paste(page, `${SEED}\n补充`);
    expect(page.data.preview).toBeNull();
    expect(page.querySelector('#confirm')).toBeUndefined();
  });

  it('tells a non-admin that only the admin imports, and offers no 识别', async () => {
    const fake = routeTransport({ 'organ.me': me('editor') });
    const page = await open();
    expect(textOf(page, '#notice')).toBe('仅机关管理员可导入往年报告，请联系本机关管理员');
    expect(find(page, '#read').data.disabled).toBe(true);
    expect(fake.actions()).toEqual(['organ.me']);
  });

  it('shows the error state when the staff check fails, and retries', async () => {
    const fake = routeTransport({});
    const page = await open();
    expect(page.data.state).toBe('error');
    fake.route({ 'organ.me': me('admin') });
    await tapButton(page, '#retry');
    expect(page.data.state).toBe('ready');
  });
});
