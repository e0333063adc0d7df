/**
 * importReportDocx: a .docx report → report data. mammoth's HTML keeps every table cell (its raw text
 * would flatten a table to one cell a line and lose blank cells), so the tables become tab-separated rows
 * and the text importer reads the result.
 */
import mammoth from 'mammoth';
import type { ReportData } from '../report/schema';
import { UnreadableReportError } from './errors';
import { htmlToText } from './html';
import { importReportText, type ImportOptions } from './report-text';

export async function docxToText(data: Buffer | Uint8Array): Promise<string> {
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (e) {
    throw new UnreadableReportError(`不是可读取的 .docx 文件：${e instanceof Error ? e.message : String(e)}`);
  }
  return htmlToText(html);
}

export async function importReportDocx(data: Buffer | Uint8Array, options: ImportOptions = {}): Promise<ReportData> {
  return importReportText(await docxToText(data), options);
}
