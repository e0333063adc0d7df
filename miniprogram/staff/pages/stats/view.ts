/**
 * 统计填报 as data: the four monthly quantities of table 二 (行政许可/处罚/强制 decisions, 行政事业性收费 in 万元),
 * the form as strings and its way to stat entries, and the month's and year's totals per metric. Pure.
 */
import type { StatEntry, StatEntryInput } from 'gongkai-staff';
import { PROACTIVE_ROW_LABELS, amountText, lastDayOf } from '../../records';

export type MetricKey = 'licensing' | 'punishment' | 'enforcement' | 'fees';

export interface MetricDef {
  key: MetricKey;
  metric: 'licensing.decisions' | 'punishment.decisions' | 'enforcement.decisions' | 'fees.amountWanYuan';
  label: string;
  unit: string;
}

export const METRICS: readonly MetricDef[] = [
  { key: 'licensing', metric: 'licensing.decisions', label: PROACTIVE_ROW_LABELS.licensing ?? '行政许可', unit: '件' },
  {
    key: 'punishment',
    metric: 'punishment.decisions',
    label: PROACTIVE_ROW_LABELS.punishment ?? '行政处罚',
    unit: '件',
  },
  {
    key: 'enforcement',
    metric: 'enforcement.decisions',
    label: PROACTIVE_ROW_LABELS.enforcement ?? '行政强制',
    unit: '件',
  },
  { key: 'fees', metric: 'fees.amountWanYuan', label: PROACTIVE_ROW_LABELS.fees ?? '行政事业性收费', unit: '万元' },
];

export type StatsForm = Record<MetricKey, string>;
export type StatsErrors = Partial<Record<MetricKey, string>>;

export function emptyForm(): StatsForm {
  return { licensing: '', punishment: '', enforcement: '', fees: '' };
}

export interface MetricLine {
  key: MetricKey;
  label: string;
  unit: string;
  month: string;
  year: string;
}

export interface EntryLine {
  id: string;
  text: string;
  date: string;
}

type DatedEntry = Exclude<StatEntry, { kind: 'inForceOverride' }>;

const defOf = (e: DatedEntry): MetricDef | undefined => METRICS.find((m) => m.metric === e.metric);
const valueOf = (e: DatedEntry): number => (e.kind === 'fee' ? e.amountWanYuan : e.count);
const show = (def: MetricDef, n: number): string => (def.key === 'fees' ? amountText(n) : String(n));

/** Totals of `month` ('YYYY-MM') and of its whole year, and the month's entries (newest date first). */
export function summarize(entries: readonly StatEntry[], month: string): { lines: MetricLine[]; entries: EntryLine[] } {
  const year = `${month.slice(0, 4)}-`;
  const mine = entries.filter(
    (e): e is DatedEntry => e.kind !== 'inForceOverride' && defOf(e) !== undefined && e.date.startsWith(year),
  );
  const sum = (def: MetricDef, prefix: string) =>
    mine.filter((e) => e.metric === def.metric && e.date.startsWith(prefix)).reduce((s, e) => s + valueOf(e), 0);
  const lines = METRICS.map((def) => ({
    key: def.key,
    label: def.label,
    unit: def.unit,
    month: show(def, sum(def, month)),
    year: show(def, sum(def, year)),
  }));
  const ofMonth = mine.filter((e) => e.date.startsWith(month)).sort((a, b) => b.date.localeCompare(a.date));
  return {
    lines,
    entries: ofMonth.map((e) => {
      const def = defOf(e) as MetricDef;
      return { id: e.id, text: `${def.label} ${show(def, valueOf(e))} ${def.unit}`, date: e.date };
    }),
  };
}

/**
 * The date a month's entry carries: today when the month is the current one, else the month's last day. Never a
 * day still to come (the decisions were made already), always inside the chosen month, so the report (which counts
 * by year) and this page (which groups by month) place it where the clerk put it.
 */
export function entryDate(month: string, today: string): string {
  return today.startsWith(month) ? today : lastDayOf(month);
}

export type FormCheck =
  | { ok: true; entries: { key: MetricKey; entry: StatEntryInput }[] }
  | { ok: false; errors: StatsErrors; message: string };

/** The filled fields as entries dated `date`; an empty field or 0 adds nothing. */
export function entriesOf(form: StatsForm, date: string): FormCheck {
  const errors: StatsErrors = {};
  const entries: { key: MetricKey; entry: StatEntryInput }[] = [];
  for (const def of METRICS) {
    const text = form[def.key].trim();
    if (text === '') continue;
    if (def.key === 'fees') {
      if (!/^\d+(\.\d{1,4})?$/.test(text)) errors.fees = '请填写金额（万元），最多四位小数';
      else if (Number(text) > 0)
        entries.push({
          key: def.key,
          entry: { kind: 'fee', metric: 'fees.amountWanYuan', date, amountWanYuan: Number(text) },
        });
    } else if (!/^\d+$/.test(text)) {
      errors[def.key] = '请填写件数（整数）';
    } else if (Number(text) > 0) {
      entries.push({
        key: def.key,
        entry: {
          kind: 'count',
          metric: def.metric as Exclude<MetricDef['metric'], 'fees.amountWanYuan'>,
          date,
          count: Number(text),
        },
      });
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, message: '请检查标红的项' };
  if (entries.length === 0) return { ok: false, errors: {}, message: '请至少填写一项大于 0 的数' };
  return { ok: true, entries };
}
