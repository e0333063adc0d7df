/**
 * An item as the detail page shows it: the metadata block a government portal shows (索引号, 文号, 发布机构,
 * 成文日期, 发布日期, 有效性), the body as paragraphs, the attachments. Pure.
 */
import type { Attachment, DisclosureItem } from 'gongkai-core';
import { categoryLabel } from '../catalog/categories';
import { chineseDate } from '../catalog/view';

export interface MetaRow {
  key: string;
  label: string;
  value: string;
}

export interface AttachmentLine {
  index: number;
  name: string;
  kind: Attachment['kind'];
  size: string;
  /** Images: where the picture is served (set by the page, which knows the file server). */
  url?: string;
}

export interface ItemView {
  title: string;
  meta: MetaRow[];
  paragraphs: string[];
  attachments: AttachmentLine[];
}

const VALIDITY_LABELS: Record<string, string> = { inForce: '有效', repealed: '已废止', expired: '已失效' };

export function sizeLabel(bytes: number | undefined): string {
  if (bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function toItemView(item: DisclosureItem): ItemView {
  const meta: MetaRow[] = [
    { key: 'indexNo', label: '索引号', value: item.indexNo ?? '' },
    { key: 'docNo', label: '文号', value: item.docNo ?? '' },
    { key: 'publisher', label: '发布机构', value: item.publisher },
    { key: 'writtenDate', label: '成文日期', value: chineseDate(item.writtenDate) },
    { key: 'publishedDate', label: '发布日期', value: chineseDate(item.publishedDate) },
    { key: 'category', label: '分类', value: categoryLabel(item.category) },
    { key: 'validity', label: '有效性', value: item.validity ? (VALIDITY_LABELS[item.validity] ?? '') : '' },
  ].map((row) => ({ ...row, value: row.value === '' ? '—' : row.value }));
  const paragraphs = (item.body ?? '')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const attachments = (item.attachments ?? []).map((a, index) => ({
    index,
    name: a.name,
    kind: a.kind,
    size: sizeLabel(a.size),
  }));
  return { title: item.title, meta, paragraphs, attachments };
}

/** Characters that fit a navigation bar title beside WeChat's capsule at 375 px. */
export const NAV_TITLE_MAX = 10;
