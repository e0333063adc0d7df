/**
 * The report importer: a published annual report (text pasted from Word or a web page, or a .docx) →
 * report data with findings. Pure: the input comes in as an argument.
 *
 * Rules, in one place (details beside the code):
 * - Cells: a number is read as printed, never corrected; “无”/“零” read as 0; “—” “-” “/” and a blank cell
 *   keep their column but are unreadable (tokens.ts). A count that is negative or fractional is unreadable.
 * - Rows are found by label (aliases + fuzzy matching, order as tie-breaker), wherever the paste put
 *   the numbers (match.ts, assign.ts).
 * - A row with fewer numbers than columns takes a value only where every placement its own total allows
 *   agrees (align.ts).
 * - Then the table's sum equations fill what they determine, and nothing else (propagate.ts); every
 *   filled cell gets a cellInferred finding, every cell left null a cellUnreadable one (findings.ts).
 */
export { importReportText, type ImportOptions } from './report-text';
export { importReportDocx, docxToText } from './docx';
export { extractNarrativeNumbers } from './narrative';
export { UnreadableReportError } from './errors';
export { EQUATIONS, equationsWithin, type Equation } from './equations';
export { propagate, type Filled } from './propagate';
