/**
 * importReportHtml: a report as a saved web page (a portal article, the product's own rendering) → report
 * data. Its <table>s keep every cell, merged ones (rowspan/colspan) once, as Word's do: the rows are read
 * by their labels, so a merged group label on the first row of its group does not shift the numbers.
 */
import type { ReportData } from '../report/schema';
import { htmlToText } from './html';
import { importReportText, type ImportOptions } from './report-text';

export function importReportHtml(html: string, options: ImportOptions = {}): ReportData {
  return importReportText(htmlToText(html), options);
}
