/**
 * 复议诉讼登记 as data: the year's cases split as table 四 counts them (closed in the year, under their result;
 * 尚未审结 when open on 31 Dec), the table 四 cells by the report's own buildReport, and the register and close forms
 * checked before sending. Pure.
 */
import { buildReport, type CaseKind, type CaseResult, type ReviewCase } from 'gongkai-staff';
import { CASE_COLUMN_LABELS, CASE_KIND_LABELS } from '../../records';

export const KINDS: readonly { key: CaseKind; label: string }[] = [
  { key: 'review', label: '行政复议' },
  { key: 'directSuit', label: '行政诉讼（未经复议直接起诉）' },
  { key: 'suitAfterReview', label: '行政诉讼（复议后起诉）' },
];

export const RESULTS: readonly { key: CaseResult; label: string }[] = (['upheld', 'corrected', 'other'] as const).map(
  (key) => ({ key, label: CASE_COLUMN_LABELS[key] ?? key }),
);

const COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export interface CaseLine {
  id: string;
  kindLabel: string;
  filedDate: string;
  caseNo: string;
  /** 结果维持 · 2026-05-01, or 尚未审结. */
  status: string;
  /** Still open today: it can be closed. */
  open: boolean;
}

export interface GridRow {
  key: CaseKind;
  label: string;
  values: string[];
}

export interface CasesView {
  pending: CaseLine[];
  closed: CaseLine[];
  header: string[];
  grid: GridRow[];
}

const kindLabel = (kind: CaseKind): string =>
  KINDS.find((k) => k.key === kind)?.label ?? CASE_KIND_LABELS[kind] ?? kind;
const resultLabel = (result: CaseResult): string => CASE_COLUMN_LABELS[result] ?? result;

function lineOf(c: ReviewCase, end: string): CaseLine {
  const closed = c.closedDate !== null && c.result !== null;
  let status = '尚未审结';
  if (closed && c.closedDate !== null && c.result !== null)
    status =
      c.closedDate > end
        ? `年底尚未审结（${c.closedDate} 审结：${resultLabel(c.result)}）`
        : `${resultLabel(c.result)} · ${c.closedDate}`;
  return {
    id: c.id,
    kindLabel: kindLabel(c.kind),
    filedDate: c.filedDate,
    caseNo: c.caseNo ?? '',
    status,
    open: !closed,
  };
}

export function casesView(cases: readonly ReviewCase[], year: number): CasesView {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const byFiled = [...cases].sort((a, b) => b.filedDate.localeCompare(a.filedDate));
  const closedInYear = byFiled.filter((c) => c.closedDate !== null && c.closedDate >= start && c.closedDate <= end);
  const pending = byFiled.filter((c) => c.filedDate <= end && (c.closedDate === null || c.closedDate > end));
  const { report } = buildReport(year, { organ: '', requests: [], statEntries: [], cases, items: [] });
  return {
    pending: pending.map((c) => lineOf(c, end)),
    closed: closedInYear.map((c) => lineOf(c, end)),
    header: COLUMNS.map((col) => CASE_COLUMN_LABELS[col] ?? col),
    grid: KINDS.map((k) => ({
      key: k.key,
      label: CASE_KIND_LABELS[k.key] ?? k.label,
      values: COLUMNS.map((col) => String(report.cells[`reviewLitigation.${k.key}.${col}`] ?? 0)),
    })),
  };
}

export interface CaseForm {
  kind: CaseKind | '';
  filedDate: string;
  caseNo: string;
  closed: boolean;
  result: CaseResult | '';
  closedDate: string;
}

export type CaseErrors = Partial<Record<'kind' | 'filedDate' | 'caseNo' | 'result' | 'closedDate', string>>;

export function emptyCaseForm(today: string): CaseForm {
  return { kind: '', filedDate: today, caseNo: '', closed: false, result: '', closedDate: '' };
}

export interface CaseInputData {
  kind: CaseKind;
  filedDate: string;
  caseNo?: string;
  result: CaseResult | null;
  closedDate: string | null;
}

/** The close step alone (also the close of an open case): a result and a date not before the filing. */
export function closeErrors(result: CaseResult | '', closedDate: string, filedDate: string, today: string): CaseErrors {
  const errors: CaseErrors = {};
  if (result === '') errors.result = '请选择审结结果';
  if (closedDate === '') errors.closedDate = '请选择审结日期';
  else if (closedDate < filedDate) errors.closedDate = '审结日期不能早于立案日期';
  else if (closedDate > today) errors.closedDate = '审结日期不能晚于今天';
  return errors;
}

export function caseInput(
  form: CaseForm,
  today: string,
): { ok: true; value: CaseInputData } | { ok: false; errors: CaseErrors } {
  let errors: CaseErrors = {};
  if (form.kind === '') errors.kind = '请选择案件类型';
  if (form.filedDate === '') errors.filedDate = '请选择立案（收到）日期';
  else if (form.filedDate > today) errors.filedDate = '立案日期不能晚于今天';
  const caseNo = form.caseNo.trim();
  if (caseNo.length > 100) errors.caseNo = '案号不超过 100 字';
  if (form.closed) errors = { ...errors, ...closeErrors(form.result, form.closedDate, form.filedDate, today) };
  if (Object.keys(errors).length > 0 || form.kind === '') return { ok: false, errors };
  const closed = form.closed && form.result !== '';
  return {
    ok: true,
    value: {
      kind: form.kind,
      filedDate: form.filedDate,
      ...(caseNo === '' ? {} : { caseNo }),
      result: closed && form.result !== '' ? form.result : null,
      closedDate: closed ? form.closedDate : null,
    },
  };
}
