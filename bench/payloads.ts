/**
 * setData payloads of the heaviest first renders (`npm run bench`): the citizen's report reader and the staff
 * report builder, on the seed report (扎毛乡 2023, its full narrative) with its own text as "last year's" beside it.
 * Built with the pages' own view functions, measured as the JSON the page hands to setData (aim ≤ 64 KB).
 * Run after bench/index.ts (its rows continue that table) with the mini program's tsconfig, which maps
 * 'gongkai-core' to the core's entry: `tsx --tsconfig miniprogram/tsconfig.json bench/payloads.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkReport } from '../shared/checks';
import { importReportText } from '../shared/import';
import { readerView } from '../miniprogram/components/report-view/view';
import { builderTables, editorRows, groupFindings } from '../miniprogram/staff/pages/report/view';

const kb = (value: unknown) => `${(Buffer.byteLength(JSON.stringify(value), 'utf8') / 1024).toFixed(1)} KB`;

function runPayloadBench(): string[] {
  const report = importReportText(
    readFileSync(path.join(__dirname, '..', 'server', 'seed', 'zhamao-2023-report.txt'), 'utf8'),
  );
  const findings = checkReport(report, { lastYear: report });
  const published = {
    id: 'o-2023-v1',
    organId: 'o',
    organ: report.organ,
    year: report.year,
    publishedAt: '2024-01-20T02:00:00.000Z',
    version: 1,
    report,
    source: 'imported' as const,
    versions: [{ id: 'o-2023-v1', version: 1, publishedAt: '2024-01-20T02:00:00.000Z', reason: null }],
  };
  const builder = {
    tables: builderTables(report.cells),
    groups: groupFindings(findings),
    editors: editorRows(report.sections, report.sections),
  };
  return [
    `| setData of the report reader's first render | ${kb(readerView(published))} |`,
    `| setData of the report builder's first render (with last year's text) | ${kb(builder)} |`,
  ];
}

console.log(runPayloadBench().join('\n'));
