/**
 * The .docx export: the official layout (GB/T 9704 page, customary fonts with fallbacks, merged headers as the
 * national format), read back by the importer cell for cell, and opened by LibreOffice when it is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { CELL_ADDRESSES, FORMAT_2021 } from '../../../shared/format';
import { importReportDocx, importReportText } from '../../../shared/import';
import { FONTS, PAGE, renderDocx } from '../../../shared/render/docx';
import type { ReportData } from '../../../shared/report';
import { asReportData } from '../../../cli/report';
import { sampleReport } from './sample-report';

const SEED = path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt');

function seedReport(): ReportData {
  return asReportData(importReportText(readFileSync(SEED, 'utf8')));
}

/** Every cell a different non-zero number (the fee a fraction), with narrative in every section. */
export function everyCellReport(): ReportData {
  const cells = Object.fromEntries(
    CELL_ADDRESSES.map((a, i) => [a, FORMAT_2021.cellByAddress.get(a)?.decimal ? 1.25 : i + 1]),
  );
  return sampleReport(cells, {
    organ: '青石镇人民政府',
    year: 2024,
    preface:
      '本报告根据《中华人民共和国政府信息公开条例》编制。\n本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。',
    sections: {
      overview: '（一）主动公开\n2024 年，青石镇全年主动公开政府信息 312 条。\n（二）依申请公开\n全年收到申请 9 件。',
      proactive: '',
      applications: '',
      reviewLitigation: '',
      problems: '一是公开内容不够全面。二是队伍业务能力有待提高。',
      other: '本年度未收取信息处理费。',
    },
  });
}

function parts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

describe.each([
  ['the seed report', seedReport],
  ['a report with every cell non-zero', everyCellReport],
])('renderDocx of %s', (_name, make) => {
  const report = make();
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await renderDocx(report);
  });

  it('imports back cell for cell and section for section', async () => {
    const back = await importReportDocx(bytes);
    expect(back.organ).toBe(report.organ);
    expect(back.year).toBe(report.year);
    expect(back.cells).toEqual(report.cells);
    expect(back.sections).toEqual(report.sections);
    expect(report.preface).toContain('统计期限');
    expect(back.preface).toBe(report.preface);
    expect(back.findings.filter((f) => f.check === 'cellUnreadable')).toEqual([]);
  });
});

describe('renderDocx layout', () => {
  let xml: Record<string, string>;
  beforeAll(async () => {
    xml = parts(await renderDocx(everyCellReport()));
  });

  it('sets A4 with the GB/T 9704 margins (37/35/28/26 mm) and a page number field in the footer', () => {
    const doc = xml['word/document.xml'] ?? '';
    expect(doc).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(PAGE.margin).toEqual({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    const margin = /<w:pgMar [^>]*>/.exec(doc)?.[0] ?? '';
    for (const [side, twips] of Object.entries(PAGE.margin)) expect(margin).toContain(`w:${side}="${twips}"`);
    const footer = Object.entries(xml).find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(footer).toContain('— ');
  });

  it('names the customary fonts in the document and declares each fallback in the font table', () => {
    const doc = xml['word/document.xml'] ?? '';
    for (const role of ['title', 'heading', 'body'] as const) expect(doc).toContain(`w:eastAsia="${FONTS[role].name}"`);
    const table = xml['word/fontTable.xml'] ?? '';
    expect(table).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(table).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
  });

  it('merges table 三 headers as the national format: 申请人情况 over 7, 法人或其他组织 over 5, row groups down', () => {
    const doc = xml['word/document.xml'] ?? '';
    const tables = doc.split('<w:tbl>').slice(1);
    expect(tables).toHaveLength(3);
    const t3 = tables[1] ?? '';
    const cellWith = (text: string): string => {
      const cells = t3.split('<w:tc>');
      return cells.find((c) => c.includes(`>${text}<`)) ?? '';
    };
    expect(cellWith('申请人情况')).toContain('<w:gridSpan w:val="7"/>');
    expect(cellWith('法人或其他组织')).toContain('<w:gridSpan w:val="5"/>');
    expect(cellWith('三、本年度办理结果')).toContain('<w:vMerge w:val="restart"/>');
    expect(t3.match(/<w:vMerge w:val="continue"\/>/g)?.length).toBeGreaterThan(20);
    // the header rows repeat on every page the table runs onto
    expect(t3).toContain('<w:tblHeader/>');
    const t4 = tables[2] ?? '';
    expect(t4).toMatch(/>行政诉讼<\/w:t>/);
    expect(t4.split('<w:tc>').find((c) => c.includes('>行政诉讼<'))).toContain('<w:gridSpan w:val="10"/>');
  });
});

function which(command: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const soffice = which('soffice');
if (!soffice) console.log('跳过 LibreOffice 转换测试：未安装 soffice（apt-get install -y libreoffice-writer-nogui）');
(soffice ? describe : describe.skip)('LibreOffice headless', () => {
  it.each([
    ['seed', seedReport],
    ['every-cell', everyCellReport],
  ])('converts the %s .docx to a PDF of several pages', async (name, make) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-docx-'));
    const file = path.join(dir, `${name}.docx`);
    writeFileSync(file, await renderDocx(make()));
    const r = spawnSync(
      soffice ?? 'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(0);
    const pdf = path.join(dir, `${name}.pdf`);
    expect(existsSync(pdf)).toBe(true);
    const head = readFileSync(pdf).subarray(0, 5).toString('latin1');
    expect(head).toBe('%PDF-');
    const pages =
      readFileSync(pdf)
        .toString('latin1')
        .match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});
