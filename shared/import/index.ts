/**
 * The report importer: a published annual report (text pasted from Word or a web page, or a .docx) →
 * report data with findings. Pure: the input comes in as an argument.
 *
 * Rules, in one place (details beside the code):
 * - Text: portal chrome (打印本页, 来源：… 时间：…, 索引号, page numbers) is dropped (chrome.ts, data in
 *   aliases.ts); a traditional-script copy is refused. The organ is read from the title, past injected spam.
 * - Cells: a number is read as printed, never corrected; “无”/“零” read as 0; “—” “-” “/” and a blank cell
 *   keep their column but are unreadable (tokens.ts). A count that is negative or fractional is unreadable.
 *   Tables come tab-, space- or “|”-separated, a row a line or a cell a line (tokens.ts); a header without
 *   总计 means no total column (tables.ts).
 * - Tables are found by their own words (title, header, first row), the part their heading names only
 *   breaking ties; repeated page headers are dropped (locate.ts). A report on 2019 or 2020 (or with the
 *   2019 format's table 二) is read as the 2019 format: formatVersion "2019", tables 三 and 四 into the
 *   2021 cells, table 二 not read (tables.ts, ../format/format-2019.ts).
 * - Rows are found by label (aliases + fuzzy matching, order as tie-breaker), wherever the paste put
 *   the numbers (match.ts, assign.ts).
 * - A row with fewer numbers than columns takes a value only where every placement its own total allows
 *   agrees (align.ts).
 * - Then the table's sum equations fill what they determine, and nothing else (propagate.ts); every
 *   filled cell gets a cellInferred finding, every cell left null a cellUnreadable one (findings.ts).
 */
export { importReportText, type ImportOptions } from './report-text';
export { importReportDocx, docxToText } from './docx';
export { importReportHtml } from './html-report';
export { extractNarrativeNumbers } from '../report/narrative-numbers';
export { UnreadableReportError } from './errors';
export { EQUATIONS, equationsWithin, type Equation } from './equations';
export { propagate, type Filled } from './propagate';
