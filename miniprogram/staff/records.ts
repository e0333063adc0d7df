/**
 * What the 统计填报, 规范性文件登记 and 复议诉讼登记 pages share: dates of the phone's day (Asia/Shanghai, as the
 * report counts), the year choices, who may write (the policy table of shared/policy), labels from the report
 * format, and a confirm dialog. Pure except `confirm` (wx.showModal).
 */
import { FORMAT_2021, RECORD_WRITERS, allows, type StaffRole } from 'gongkai-staff';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of the phone's day. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** This year first, then the years before: the years a clerk still enters or corrects. */
export function yearOptions(current: number, count = 5): number[] {
  return Array.from({ length: count }, (_, i) => current - i);
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(new Date(y, m, 0).getDate())}`;
}

/** '2026-03' → '2026年3月'. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/** Writes of stats and cases are for the roles their contracts name (RECORD_WRITERS: editor, admin); others read. */
export function canWrite(_fn: 'stats' | 'cases', role: StaffRole): boolean {
  return allows(RECORD_WRITERS, role, true);
}

function labelsOf(list: readonly { key: string; label: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((x) => [x.key, x.label]));
}

/** 行政复议 / 未经复议直接起诉 / 复议后起诉 and the result columns, as table 四 prints them. */
export const CASE_KIND_LABELS = labelsOf(FORMAT_2021.reviewLitigation.rows);
export const CASE_COLUMN_LABELS = labelsOf(FORMAT_2021.reviewLitigation.columns);

/** Trims a sum of 万元 amounts to what was entered (no 0.30000000000000004). */
export function amountText(n: number): string {
  return String(Number(n.toFixed(4)));
}

/** Asks before a destructive step; resolves true only on the confirm button. */
export function confirm(title: string, content: string, confirmText = '删除'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      confirmColor: '#d54941',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** 规章, 行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费: the rows of table 二. */
export const PROACTIVE_ROW_LABELS = labelsOf(FORMAT_2021.proactive.groups.flatMap((g) => g.rows));
export const PROACTIVE_COLUMN_LABELS = labelsOf(FORMAT_2021.proactive.groups.flatMap((g) => g.columns));
