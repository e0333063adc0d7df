import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '../../../backend/collections';
import { num } from '../../../backend/sdk';
import type { ImportPreview, PublishedReportSummary } from '../../../shared/api/reports';
import { seedOrgan, startBackend, type Backend } from '../harness';

const SEED = readFileSync(path.resolve(__dirname, '../../../server/seed/zhamao-2023-report.txt'), 'utf8');

let b: Backend;
let o: Awaited<ReturnType<typeof seedOrgan>>;
beforeAll(async () => {
  b = await startBackend();
  o = await seedOrgan(b);
});
afterAll(() => b.stop());

const count = async (collection: string, where: object = {}) =>
  num(await b.db.collection(collection).where(where).count(), 'total');

describe('reports.previewImport', () => {
  it('reads the seed report as importPublished would, and writes nothing', async () => {
    const [published, audited] = [await count(COLLECTIONS.publishedReports), await count(COLLECTIONS.audit)];
    const preview = await b.ok<ImportPreview>(o.admin, 'reports', 'previewImport', { text: SEED });
    expect(preview).toMatchObject({ organ: '扎毛乡', ownOrgan: '扎毛乡人民政府', year: 2023, existing: null });
    // Eight rows of table 三 are inferred from the equations (7 cells each); none is left unread.
    expect(preview.cells).toEqual({ total: 200, filled: 200, inferred: 56, unreadable: 0 });
    const inferred = preview.findings.filter((f) => f.check === 'cellInferred');
    expect(inferred.flatMap((f) => f.cells)).toContain('applications.disclosed.natural');
    expect(inferred.every((f) => f.level === 'info')).toBe(true);
    expect(preview.sections).toEqual(expect.arrayContaining(['overview', 'problems']));
    expect(await count(COLLECTIONS.publishedReports)).toBe(published);
    expect(await count(COLLECTIONS.audit)).toBe(audited);
  });

  it('after an import, a second preview names the version already published', async () => {
    const first = await b.ok<PublishedReportSummary>(o.admin, 'reports', 'importPublished', { text: SEED }, 'import-1');
    const preview = await b.ok<ImportPreview>(o.admin, 'reports', 'previewImport', { text: SEED });
    expect(preview.existing).toMatchObject({ id: first.id, year: 2023, version: first.version });
  });

  it('refuses unreadable text with the field named, and a clerk (the import publishes without the chain)', async () => {
    const unreadable = await b.call(o.admin, 'reports', 'previewImport', { text: '这不是报告。'.repeat(20) });
    expect(unreadable).toMatchObject({
      ok: false,
      code: 'UNREADABLE',
      fieldErrors: [expect.objectContaining({ path: 'text' })],
    });
    expect(await b.call(o.editor, 'reports', 'previewImport', { text: SEED })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});
