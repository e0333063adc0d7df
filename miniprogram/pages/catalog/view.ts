/**
 * The catalogue as the page shows it: one line per item (title, 发布日期 · 分类 · 文号), category chips, year
 * options. Pure: summaries in, display data out.
 */
import type { ItemSummary } from 'gongkai-core';
import { ALL_CATEGORIES, CATEGORIES, categoryLabel } from './categories';

export interface ItemLine {
  id: string;
  title: string;
  note: string;
  /** 已废止 / 已失效, shown as a tag; '' when in force or not a 规范性文件. */
  tag: string;
}

export interface Chip {
  key: string;
  label: string;
}

export const YEAR_ALL = '全部年份';
/** The first year offered: the 2019 条例 took effect on 2019-05-15. */
export const FIRST_YEAR = 2008;

export function categoryChips(): Chip[] {
  return [{ key: ALL_CATEGORIES, label: '全部' }, ...CATEGORIES.map((c) => ({ key: c.key, label: c.label }))];
}

/** '全部年份', then this year back to FIRST_YEAR. */
export function yearOptions(thisYear: number): string[] {
  const years: string[] = [YEAR_ALL];
  for (let y = thisYear; y >= FIRST_YEAR; y -= 1) years.push(`${y}年`);
  return years;
}

/** The year of an option, or undefined for 全部年份. */
export function yearOf(option: string | undefined): number | undefined {
  const match = /^(\d{4})年$/.exec(option ?? '');
  return match ? Number(match[1]) : undefined;
}

export function chineseDate(iso: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : '';
}

const VALIDITY_TAGS: Record<string, string> = { repealed: '已废止', expired: '已失效' };

export function toLine(s: ItemSummary): ItemLine {
  const parts = [chineseDate(s.publishedDate), categoryLabel(s.category), s.docNo ?? ''];
  return {
    id: s.id,
    title: s.title,
    note: parts.filter((p) => p !== '').join(' · '),
    tag: VALIDITY_TAGS[s.validity ?? ''] ?? '',
  };
}
