/**
 * 规章和规范性文件登记 as data: each document issued or repealed in the year is one count entry (count 1, its
 * title and 文号), the 现行有效件数 override with its reason, and the table 二 cells the report will show —
 * counted by the report's own buildReport, with last year's published report when there is one. Pure.
 */
import { buildReport, type ReportData, type StatEntry, type StatEntryInput } from 'gongkai-staff';

export type DocRow = 'normativeDocs' | 'rules';
export type DocAction = 'issued' | 'repealed';

export interface DocLine {
  id: string;
  title: string;
  docNo: string;
  date: string;
  /** '3 件' for an entry counting several documents at once (older entries); '' for one. */
  countText: string;
}

export interface OverrideLine {
  id: string;
  value: number;
  reason: string;
}

export interface DocCells {
  issued: string;
  repealed: string;
  inForce: string;
  /** How 现行有效 comes about. */
  inForceNote: string;
}

export interface DocsView {
  issued: DocLine[];
  repealed: DocLine[];
  override: OverrideLine | null;
  cells: DocCells;
}

/** What is known of last year's report: its data, none published, or not readable now. */
export type LastYear = { kind: 'found'; report: ReportData } | { kind: 'none' } | { kind: 'failed' };

function lineOf(e: Extract<StatEntry, { kind: 'count' }>): DocLine {
  return {
    id: e.id,
    title: e.title ?? e.note ?? '（未登记名称）',
    docNo: e.docNo ?? '',
    date: e.date,
    countText: e.count > 1 ? `${e.count} 件` : '',
  };
}

export function docsView(entries: readonly StatEntry[], year: number, row: DocRow, lastYear: LastYear): DocsView {
  const inYear = entries.filter(
    (e): e is Extract<StatEntry, { kind: 'count' }> => e.kind === 'count' && e.date.startsWith(`${year}-`),
  );
  const lines = (action: DocAction) =>
    inYear
      .filter((e) => e.metric === `${row}.${action}`)
      .sort((a, b) => a.date.localeCompare(b.date))
      .map(lineOf);
  const found = entries.find(
    (e): e is Extract<StatEntry, { kind: 'inForceOverride' }> =>
      e.kind === 'inForceOverride' && e.metric === `${row}.inForce` && e.year === year,
  );
  const previous = lastYear.kind === 'found' ? lastYear.report : undefined;
  const { report } = buildReport(
    year,
    { organ: '', requests: [], statEntries: entries, cases: [], items: [] },
    previous,
  );
  const cell = (column: string) => report.cells[`proactive.${row}.${column}`];
  const issued = String(cell('issued') ?? 0);
  const repealed = String(cell('repealed') ?? 0);
  const before = previous?.year === year - 1 ? previous.cells[`proactive.${row}.inForce`] : undefined;
  let inForce = String(cell('inForce') ?? 0);
  let inForceNote: string;
  if (found) {
    inForceNote = `核定数，原因：${found.reason}`;
  } else if (typeof before === 'number') {
    inForceNote =
      report.cellNotes?.[`proactive.${row}.inForce`] ??
      `上年现行有效 ${before} + 本年制发 ${issued} − 本年废止 ${repealed}`;
  } else {
    // The report then adds up every year's entries; this page reads only this year's, so it shows no number.
    inForce = '—';
    const why = {
      failed: '上年年度报告暂时读取失败',
      none: '上年年度报告未在本系统发布',
      found: '上年年度报告没有现行有效件数',
    }[lastYear.kind];
    inForceNote = `${why}：生成报告时按历年登记的制发、废止累计计算；如与实际不符，请填写核定数`;
  }
  return {
    issued: lines('issued'),
    repealed: lines('repealed'),
    override: found ? { id: found.id, value: found.value, reason: found.reason } : null,
    cells: { issued, repealed, inForce, inForceNote },
  };
}

export interface DocForm {
  action: DocAction;
  title: string;
  docNo: string;
  date: string;
}

export interface OverrideForm {
  value: string;
  reason: string;
}

export type DocErrors = Partial<Record<'title' | 'docNo' | 'date' | 'value' | 'reason', string>>;

export type Checked = { ok: true; entry: StatEntryInput } | { ok: false; errors: DocErrors };

/** One document as an entry of `row`; the date must fall in `year`. */
export function docEntry(form: DocForm, row: DocRow, year: number): Checked {
  const errors: DocErrors = {};
  const title = form.title.trim();
  const docNo = form.docNo.trim();
  if (title === '') errors.title = '请填写文件名称';
  else if (title.length > 200) errors.title = '文件名称不超过 200 字';
  if (docNo.length > 100) errors.docNo = '文号不超过 100 字';
  if (form.date === '') errors.date = '请选择日期';
  else if (!form.date.startsWith(`${year}-`)) errors.date = `日期须在 ${year} 年内`;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const entry: StatEntryInput = {
    kind: 'count',
    metric: `${row}.${form.action}`,
    date: form.date,
    count: 1,
    title,
    ...(docNo === '' ? {} : { docNo }),
  };
  return { ok: true, entry };
}

export function overrideEntry(form: OverrideForm, row: DocRow, year: number): Checked {
  const errors: DocErrors = {};
  const value = form.value.trim();
  const reason = form.reason.trim();
  if (!/^\d+$/.test(value)) errors.value = '请填写件数（整数）';
  if (reason.length < 2) errors.reason = '请说明原因（如：部分文件到期自然失效）';
  else if (reason.length > 500) errors.reason = '原因不超过 500 字';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, entry: { kind: 'inForceOverride', metric: `${row}.inForce`, year, value: Number(value), reason } };
}
