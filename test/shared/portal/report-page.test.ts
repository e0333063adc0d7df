/** The portal's report pages: each version with why it corrected the one before; an undated import says so. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importReportText } from '../../../shared/import/report-text';
import { reportPage, reportsPage, type PortalReport } from '../../../shared/portal/pages';

const ORGAN = { name: '扎毛乡人民政府', address: '扎毛乡政府大院', contactPhone: '0973-8888888' };
const report = importReportText(
  readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8'),
);

function portalReport(extra: Partial<PortalReport> = {}): PortalReport {
  return {
    id: 'o-2023-v2',
    year: 2023,
    version: 2,
    publishedAt: '2024-02-01T00:00:00.000Z',
    versions: [
      { id: 'o-2023-v1', version: 1, publishedAt: '2024-01-25T16:00:00.000Z' },
      { id: 'o-2023-v2', version: 2, publishedAt: '2024-02-01T00:00:00.000Z', correctionReason: '表三第二行数字有误' },
    ],
    report,
    ...extra,
  };
}

describe('portal report pages', () => {
  it('list every version with its date and correction reason', () => {
    const page = reportPage(ORGAN, portalReport());
    expect(page).toContain('<th scope="row">更正记录</th>');
    expect(page).toContain('第 1 版（2024-01-26 发布）</a>');
    expect(page).toContain('第 2 版（2024-02-01 发布）</strong>（本页）：更正原因 表三第二行数字有误');
  });

  it('say 未记录 for an import whose own date is unknown, never the day of the import as its publication', () => {
    const undated = portalReport({ version: 1, id: 'o-2023-v1', versions: [], undated: true });
    expect(reportPage(ORGAN, undated)).toContain('<td>未记录（2024-02-01 导入）</td>');
    expect(reportsPage(ORGAN, [undated])).toContain('发布日期 未记录（2024-02-01 导入）');
    expect(reportsPage(ORGAN, [portalReport()])).toContain('发布日期 2024-02-01 · 第 2 版（已更正）');
  });
});
