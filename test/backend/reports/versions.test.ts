/**
 * Published versions: an imported past report keeps its own publish date; a correction (reports.correct, or an
 * import over a published version) stores its reason, and every version is answered with it; 导出 Word through the
 * real function over HTTP answers a link that serves a .docx importing back cell for cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDevLogin, LOGIN_HEADER } from '../../../backend/dev-logins';
import type { ExportedDocx, PublishedReport, PublishedReportSummary, ReportStatus } from '../../../shared/api/reports';
import { CELL_ADDRESSES } from '../../../shared/format';
import { importReportDocx } from '../../../shared/import/docx';
import { installFiles } from '../../../server/files';
import { seedOrgan, startBackend, type Backend } from '../harness';

const SEED = readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
  installFiles(b.local.server.router, b.local.dataDir, () => b.db, b.local.server.publicUrl);
}, 60_000);
afterAll(() => b.stop());

const read = (id: string) => b.ok<PublishedReport>(null, 'reports', 'getPublished', { id });
const list = (organId: string) => b.ok<PublishedReportSummary[]>(null, 'reports', 'listPublished', { organId });

describe('an imported past report shows its own publish date', () => {
  it('from the text (a web page’s 发布时间 line), from the date entered, or says it is unknown', async () => {
    const o = await seedOrgan(b, '-dates');
    const dated = `${SEED}\n\n扎毛乡人民政府\n2024年1月26日\n`;
    const preview = await b.ok<{ publishedOn: string | null }>(o.admin, 'reports', 'previewImport', { text: dated });
    expect(preview.publishedOn).toBe('2024-01-26');
    const first = await b.ok<PublishedReportSummary>(o.admin, 'reports', 'importPublished', { text: dated });
    // 00:00 on 26 January in Asia/Shanghai, whatever the day of the import.
    expect(first).toMatchObject({ version: 1, publishedAt: '2024-01-25T16:00:00.000Z' });
    expect(first.undated).toBeUndefined();
    expect((await list(o.organId))[0]).toMatchObject({ publishedAt: '2024-01-25T16:00:00.000Z' });

    // Entered at import (the page asks when the text does not say): it wins over the text's.
    const entered = await b.ok<PublishedReportSummary>(o.admin, 'reports', 'importPublished', {
      text: `发布时间:2024-01-20\n${SEED}`,
      publishedOn: '2024-02-01',
      reason: '表三第二行数字有误',
    });
    expect(entered).toMatchObject({ version: 2, publishedAt: '2024-01-31T16:00:00.000Z' });

    // Neither: the import's own day, marked undated so no page calls it the publish date.
    const undated = await b.ok<PublishedReportSummary>(o.admin, 'reports', 'importPublished', { text: SEED });
    expect(undated).toMatchObject({ version: 3, undated: true });
    expect(Date.now() - Date.parse(undated.publishedAt)).toBeLessThan(86_400_000);

    const refused = await b.call(o.admin, 'reports', 'importPublished', { text: SEED, publishedOn: '2024-02-30' });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', fieldErrors: [{ path: 'publishedOn' }] });
  }, 30_000);
});

describe('correction reasons on report versions', () => {
  it('a correction reopens the published report; the new version stores its reason; every version is answered', async () => {
    const o = await seedOrgan(b, '-correct');
    const year = 2025;
    await b.ok(o.admin, 'organ', 'updateProfile', { patch: { chain: ['leader'] } });
    await b.ok(o.editor, 'reports', 'saveNarrative', {
      year,
      version: 0,
      sections: { overview: '本年度主动公开政府信息。', problems: '一是……', other: '无。' },
    });
    // Not yet published: nothing to correct.
    expect(await b.call(o.editor, 'reports', 'correct', { year, reason: '数字有误' })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    await b.ok(o.editor, 'reports', 'submit', { year });
    await b.ok(o.leader, 'reports', 'approve', { year });

    expect(await b.call(o.editor, 'reports', 'correct', { year, reason: '' })).toMatchObject({
      ok: false,
      code: 'VALIDATION',
      fieldErrors: [{ path: 'reason' }],
    });
    expect(await b.call(o.leader, 'reports', 'correct', { year, reason: '数字有误' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const reason = '第五部分漏写改进情况，补充后重新发布';
    expect(await b.ok(o.editor, 'reports', 'correct', { year, reason })).toEqual({ status: 'draft', step: null });
    const status = await b.ok<ReportStatus>(o.editor, 'reports', 'status', { year });
    // The first version stays public while the correction is written.
    expect(status).toMatchObject({ status: 'draft', publishedId: `${o.organId}-${year}-v1` });
    await b.ok(o.editor, 'reports', 'saveNarrative', {
      year,
      version: 1,
      sections: { problems: '一是……改进情况：……' },
    });
    await b.ok(o.editor, 'reports', 'submit', { year });
    const moved = await b.ok<{ published: PublishedReportSummary }>(o.leader, 'reports', 'approve', { year });
    expect(moved.published).toMatchObject({ version: 2 });

    const v2 = await read(moved.published.id);
    expect(v2.report.sections.problems).toBe('一是……改进情况：……');
    const versions = [
      { id: `${o.organId}-${year}-v1`, version: 1, reason: null },
      { id: `${o.organId}-${year}-v2`, version: 2, reason },
    ];
    expect(v2.versions).toMatchObject(versions);
    // The older version answers the same list (a reader on it sees it was corrected, and why).
    expect((await read(`${o.organId}-${year}-v1`)).versions).toMatchObject(versions);
    // The reason went with its version: the next correction starts without it.
    await b.ok(o.editor, 'reports', 'correct', { year, reason: '再次更正' });
    await b.ok(o.editor, 'reports', 'submit', { year });
    await b.ok(o.leader, 'reports', 'approve', { year });
    expect((await read(`${o.organId}-${year}-v3`)).versions.map((v) => v.reason)).toEqual([null, reason, '再次更正']);
  }, 30_000);
});

describe('reports.exportDocx', () => {
  it('through the real function: a temporary link serving the .docx, which imports back cell for cell', async () => {
    const o = await seedOrgan(b, '-docx');
    const { id } = await b.ok<PublishedReportSummary>(o.admin, 'reports', 'importPublished', { text: SEED });
    const token = await createDevLogin(b.db, o.editor);
    const res = await fetch(`${b.local.server.url}/functions/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [LOGIN_HEADER]: token },
      body: JSON.stringify({ action: 'exportDocx', payload: { id } }),
    });
    const answer = (await res.json()) as { ok: true; data: ExportedDocx };
    expect(answer).toMatchObject({
      ok: true,
      data: { fileName: '扎毛乡2023年政府信息公开工作年度报告（第1版）.docx' },
    });
    const file = await fetch(answer.data.url);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const back = await importReportDocx(Buffer.from(await file.arrayBuffer()));
    const original = await read(id);
    for (const cell of CELL_ADDRESSES) expect([cell, back.cells[cell]]).toEqual([cell, original.report.cells[cell]]);
    expect(back.sections).toEqual(original.report.sections);

    // Staff only, of the report's own organ; a citizen is refused.
    expect(await b.call('oCitizen', 'reports', 'exportDocx', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const other = await seedOrgan(b, '-docx-other');
    expect(await b.call(other.editor, 'reports', 'exportDocx', { id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  }, 30_000);
});
