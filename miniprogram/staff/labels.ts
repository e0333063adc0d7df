/**
 * Labels of the item metadata the staff pages show. Categories come from shared/catalogue (through the staff
 * bundle): the same keys citizens filter by.
 */
import { CATEGORIES as CATALOGUE, categoryLabel as catalogueLabel, type Validity } from 'gongkai-staff';

export interface Option<T extends string> {
  value: T;
  label: string;
}

export const CATEGORIES: readonly Option<string>[] = CATALOGUE.map((c) => ({ value: c.key, label: c.label }));

/** '' = 不适用 (only 规范性文件 carry 有效性). */
export const VALIDITY_OPTIONS: readonly Option<Validity | ''>[] = [
  { value: '', label: '不适用' },
  { value: 'inForce', label: '有效' },
  { value: 'repealed', label: '已废止' },
  { value: 'expired', label: '已失效' },
];

export function categoryLabel(value: string): string {
  return catalogueLabel(value);
}

export function validityLabel(value: Validity | '' | null | undefined): string {
  return VALIDITY_OPTIONS.find((v) => v.value === (value ?? ''))?.label ?? '不适用';
}

export const FIELD_LABELS: Record<string, string> = {
  title: '名称',
  docNo: '文号',
  publisher: '发布机构',
  writtenDate: '成文日期',
  category: '分类',
  validity: '有效性',
  body: '正文',
  attachments: '附件',
};
