/**
 * PDF reading on PDFs we make: the seed report and the generated report with every cell non-zero, rendered to
 * .docx by the product's renderer and converted by LibreOffice headless, then imported through the command
 * line as the .pdf itself, as `pdftotext -layout` text and as plain `pdftotext` text — cell for cell against
 * the report they were made from. (Real PDFs from public repositories are not ours to commit.)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CELL_ADDRESSES, type CellAddress } from '../../shared/format';
import { importReportText } from '../../shared/import';
import { renderDocx } from '../../shared/render/docx';
import type { ReportData } from '../../shared/report';
import { asReportData, run } from '../../cli/report';
import { REPORT } from '../shared/import/every-cell';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(ROOT, 'server/seed/zhamao-2023-report.txt');

function which(command: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const soffice = which('soffice');
const pdftotext = which('pdftotext');
if (!soffice) console.log('跳过 PDF 导入测试：未安装 soffice（apt-get install -y libreoffice-writer-nogui）');
else if (!pdftotext) console.log('跳过 pdftotext 文本导入测试：未安装 pdftotext（apt-get install -y poppler-utils）');

interface Imported {
  organ: string;
  year: number;
  cells: Record<string, number | null>;
  narrative: Record<string, unknown>;
  findings: { check: string; level: string; cells?: string[] }[];
}

/** The cells read differently from the report the PDF was made from: address → what was read. */
function differences(made: ReportData, read: Imported): Record<string, number | null> {
  return Object.fromEntries(
    CELL_ADDRESSES.filter((a) => read.cells[a] !== made.cells[a]).map((a) => [a, read.cells[a] ?? null]),
  );
}

const rows = (table: string, keys: string[], columns: string[]): CellAddress[] =>
  keys.flatMap((r) => columns.map((c) => `${table}.${r}.${c}` as CellAddress));

const seed = (): ReportData => asReportData(importReportText(readFileSync(SEED, 'utf8')));

(soffice ? describe : describe.skip)('PDFs we make (LibreOffice from our .docx), imported back', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-pdf-'));
  const made: Record<string, ReportData> = { seed: seed(), 'every-cell': REPORT };

  beforeAll(async () => {
    for (const [name, report] of Object.entries(made)) {
      const docx = path.join(dir, `${name}.docx`);
      writeFileSync(docx, await renderDocx(report));
      const r = spawnSync(
        soffice ?? 'soffice',
        [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (r.status !== 0 || !existsSync(path.join(dir, `${name}.pdf`)))
        throw new Error(`soffice failed on ${name}: ${r.stderr}`);
      if (!pdftotext) continue;
      const pdf = path.join(dir, `${name}.pdf`);
      for (const [suffix, flags] of [
        ['layout', ['-layout']],
        ['plain', []],
      ] as const) {
        const t = spawnSync(pdftotext, [...flags, pdf, path.join(dir, `${name}-${suffix}.txt`)], { encoding: 'utf8' });
        if (t.status !== 0) throw new Error(`pdftotext ${flags.join(' ')} failed on ${name}: ${t.stderr}`);
      }
    }
  }, 240_000);

  async function importFile(file: string): Promise<Imported> {
    const out = await run(['import', path.join(dir, file), '--json'], ROOT);
    expect(out.exitCode).toBe(0);
    return JSON.parse(out.stdout) as Imported;
  }

  /** Every cell left null is named by a cellUnreadable finding; none is a wrong number. */
  function expectHonest(read: Imported, diff: Record<string, number | null>): void {
    expect(Object.values(diff).filter((v) => v !== null)).toEqual([]);
    const unreadable = new Set(read.findings.filter((f) => f.check === 'cellUnreadable').flatMap((f) => f.cells ?? []));
    expect(Object.keys(diff).filter((a) => !unreadable.has(a))).toEqual([]);
  }

  describe('the .pdf itself (its text layer, pdfjs-dist)', () => {
    it('seed: all 200 cells, organ, year and the 主动公开 count as made', async () => {
      const read = await importFile('seed.pdf');
      expect([read.organ, read.year]).toEqual([made.seed?.organ, 2023]);
      expect(differences(made.seed as ReportData, read)).toEqual({});
      expect(read.narrative).toMatchObject({ proactiveCount: 264 });
      expect(read.findings.filter((f) => f.level === 'error')).toEqual([]);
    }, 30_000);

    it('every cell non-zero: all 200 cells, the rows under 无法提供 too, whose labels the PDF prints after their numbers between the vertical group label’s characters (办 / 无 / 理 / 法)', async () => {
      const read = await importFile('every-cell.pdf');
      expect([read.organ, read.year]).toEqual([REPORT.organ, REPORT.year]);
      expect(differences(REPORT, read)).toEqual({});
      expect(read.findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(read.narrative).toMatchObject({ proactiveCount: 356, applicationsReceived: 1, processingFeesYuan: 0 });
    }, 30_000);
  });

  (pdftotext ? describe : describe.skip)('text from the PDF (pdftotext)', () => {
    it.each(['seed', 'every-cell'])(
      '%s as `pdftotext -layout`: every cell as made',
      async (name) => {
        const report = made[name] as ReportData;
        const read = await importFile(`${name}-layout.txt`);
        expect([read.organ, read.year]).toEqual([report.organ, report.year]);
        expect(differences(report, read)).toEqual({});
        expect(read.findings.filter((f) => f.level === 'error')).toEqual([]);
      },
      30_000,
    );

    it('seed as plain `pdftotext`: every cell as made', async () => {
      const read = await importFile('seed-plain.txt');
      expect(differences(made.seed as ReportData, read)).toEqual({});
      expect(read.findings.filter((f) => f.level === 'error')).toEqual([]);
    }, 30_000);

    it('every cell non-zero as plain `pdftotext`: no wrong number; table 四, whose order plain extraction scrambles, left null with findings', async () => {
      const read = await importFile('every-cell-plain.txt');
      const diff = differences(REPORT, read);
      expectHonest(read, diff);
      expect(Object.keys(diff).sort()).toEqual(
        rows(
          'reviewLitigation',
          ['review', 'directSuit', 'suitAfterReview'],
          ['upheld', 'corrected', 'other', 'pending', 'total'],
        ).sort(),
      );
      expect(read.narrative).toMatchObject({ proactiveCount: 356, applicationsReceived: 1 });
    }, 30_000);
  });
});
