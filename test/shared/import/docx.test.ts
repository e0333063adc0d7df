/** importReportDocx on a .docx generated here with the real merged layout of tables 三 and 四. */
import mammoth from 'mammoth';
import { docxToText, importReportDocx, UnreadableReportError } from '../../../shared/import';
import { reportDataSchema } from '../../../shared/report';
import { cellsOf } from './expected';
import { buildLetterDocx, buildReportDocx, type DocxReport } from './report-docx';

const REPORT: DocxReport = {
  title: '北山县自然资源局2024年政府信息公开工作年度报告',
  overview: [
    '2024年，本局主动公开政府信息 415 条；全年收到政府信息公开申请 8 件。',
    '（一）主动公开',
    '围绕耕地保护、不动产登记等重点领域发布信息。',
  ],
  proactive: {
    rules: [0, 0, 0],
    normativeDocs: [1, 2, 6],
    licensing: [87],
    punishment: [9],
    enforcement: [0],
    fees: [3.6],
  },
  applications: {
    newReceived: [5, 2, 1, 0, 0, 0, 8],
    carriedOver: [1, 0, 0, 0, 0, 0, 1],
    disclosed: [3, 1, '', 0, 0, 0, 4],
    partlyDisclosed: [1, 0, 1, 0, 0, 0, 2],
    unavailableNotHeld: [1, 1, 0, 0, 0, 0, 2],
    resultTotal: [5, 2, 1, 0, 0, 0, 8],
    carriedForward: [1, 0, 0, 0, 0, 0, 1],
  },
  review: [2, 0, 1, 1, 4, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1],
  problems: ['一是解读材料形式单一。改进情况：已制作图解 6 期。'],
  other: ['本年度未收取信息处理费。'],
};

describe('importReportDocx', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await buildReportDocx(REPORT);
  });

  it('the generated table 三 really is merged (mammoth keeps rowspan/colspan)', async () => {
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value;
    expect(html).toContain('rowspan="22"');
    expect(html).toContain('colspan="5"');
  });

  it('turns tables into tab-separated rows', async () => {
    const text = await docxToText(bytes);
    expect(text).toContain('三、本年度办理结果\t（一）予以公开\t3\t1\t\t0\t0\t0\t4');
    expect(text).toContain('行政事业性收费\t3.6');
  });

  it('reproduces every cell; the blank one is filled by the arithmetic and reported', async () => {
    const r = await importReportDocx(bytes);
    expect(reportDataSchema.parse(r)).toEqual(r);
    expect([r.organ, r.year]).toEqual(['北山县自然资源局', 2024]);
    expect(r.cells).toEqual(
      cellsOf({
        proactive: `
          normativeDocs 1 2 6
          licensing 87
          punishment 9
          fees 3.6`,
        applications: `
          newReceived        5 2 1 0 0 0 8
          carriedOver        1 0 0 0 0 0 1
          disclosed          3 1 0 0 0 0 4
          partlyDisclosed    1 0 1 0 0 0 2
          unavailableNotHeld 1 1 0 0 0 0 2
          resultTotal        5 2 1 0 0 0 8
          carriedForward     1 0 0 0 0 0 1`,
        reviewLitigation: `
          review          2 0 1 1 4
          directSuit      0 1 0 0 1
          suitAfterReview 1 0 0 0 1`,
      }),
    );
    expect(r.findings.map((f) => [f.check, f.cells])).toEqual([['cellInferred', ['applications.disclosed.research']]]);
    expect(r.narrative).toEqual({ proactiveCount: 415, applicationsReceived: 8, processingFeesYuan: 0 });
    expect(r.overviewParts).toEqual([{ title: '主动公开', text: '围绕耕地保护、不动产登记等重点领域发布信息。' }]);
    expect(r.sections.problems).toBe('一是解读材料形式单一。改进情况：已制作图解 6 期。');
  });

  it('takes a Uint8Array too', async () => {
    const r = await importReportDocx(new Uint8Array(bytes));
    expect(r.cells['proactive.licensing.decisions']).toBe(87);
  });

  it('refuses a document that is not a report, and bytes that are not a .docx', async () => {
    await expect(importReportDocx(await buildLetterDocx())).rejects.toBeInstanceOf(UnreadableReportError);
    await expect(importReportDocx(Buffer.from('not a zip'))).rejects.toThrow(/不是可读取的 \.docx 文件/);
  });
});
