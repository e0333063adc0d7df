import {
  SUMMARY_LENGTH,
  contentSummary,
  directoryCsv,
  directoryEntry,
  directoryJson,
} from '../../../shared/catalogue/directory';

const item = {
  id: 'a1',
  title: '关于做好春耕备耕工作的通知',
  indexNo: '11632323MB00000008/2025-00001',
  publisher: '扎毛乡人民政府',
  category: 'agriculture',
  writtenDate: '2025-03-01',
  publishedDate: '2025-03-05',
  body: '各村：\n  为做好春耕备耕工作，现通知如下。',
};

describe('directory (公开目录 for a CMS)', () => {
  it('gives 索引号, 名称, 内容概述, 生成日期, 发布机构, 分类 and link', () => {
    expect(directoryEntry(item, 'items/a1.html')).toEqual({
      indexNo: '11632323MB00000008/2025-00001',
      title: '关于做好春耕备耕工作的通知',
      summary: '各村： 为做好春耕备耕工作，现通知如下。',
      generatedDate: '2025-03-01',
      publisher: '扎毛乡人民政府',
      category: '农业农村政策',
      link: 'items/a1.html',
    });
  });

  it('summarises a long body and falls back to the title for an empty one', () => {
    const long = contentSummary('字'.repeat(SUMMARY_LENGTH + 10), 't');
    expect([...long]).toHaveLength(SUMMARY_LENGTH + 1);
    expect(long.endsWith('…')).toBe(true);
    expect(contentSummary('  ', '名称')).toBe('名称');
  });

  it('writes CSV with a BOM, CRLF, quoting, and no formula a spreadsheet would run', () => {
    const csv = directoryCsv([
      directoryEntry(item, 'items/a1.html'),
      directoryEntry({ ...item, title: '=HYPERLINK("x")', body: '第一，"引号"', indexNo: null }, 'items/a2.html'),
    ]);
    expect(csv.startsWith('\uFEFF索引号,名称,内容概述,生成日期,发布机构,分类,链接\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      `,"'=HYPERLINK(""x"")","第一，""引号""",2025-03-01,扎毛乡人民政府,农业农村政策,items/a2.html`,
    );
  });

  it('writes JSON with the organ, the column names and the items', () => {
    const json = JSON.parse(directoryJson('扎毛乡人民政府', [directoryEntry(item, 'x')])) as {
      organ: string;
      columns: Record<string, string>;
      items: unknown[];
    };
    expect(json.organ).toBe('扎毛乡人民政府');
    expect(json.columns.summary).toBe('内容概述');
    expect(json.items).toHaveLength(1);
  });
});
